import fc from 'fast-check';
import { code, findUnsafeCharacter, requestId, text, username } from './text';

const ALLOWED_CONTROLS = ['\t', '\n', '\r'];
const REFUSED_CONTROLS = [...Array.from({ length: 0x20 }, (_, c) => String.fromCharCode(c)).filter((c) => !ALLOWED_CONTROLS.includes(c)), '\u007F'];
const LONE_SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF'];

/** Text with no character the rule refuses: any code point but the refused controls, surrogates paired. */
const safeText = fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => [...s].filter((c) => !findUnsafeCharacter(c)).join(''));
const refused = fc.constantFrom(...REFUSED_CONTROLS, ...LONE_SURROGATES);

describe('text()', () => {
  const sut = text(1, 200);

  it('refuses every control character but tab, LF and CR, and every unpaired surrogate, wherever it stands', () => {
    fc.assert(
      fc.property(safeText, refused, safeText, (before, bad, after) => {
        const result = sut.safeParse(`x${before}${bad}${after}`);
        expect(result.success).toBe(false);
        expect(result.error!.issues[0]).toMatchObject({ code: 'custom', path: [] });
        expect(result.error!.issues[0]!.message).toContain(`U+${bad.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
      }),
    );
  });

  it('accepts any other text and gives it back trimmed and in NFC', () => {
    fc.assert(
      fc.property(safeText, (value) => {
        fc.pre(value.trim().normalize('NFC').length >= 1 && value.trim().normalize('NFC').length <= 200);
        expect(sut.parse(value)).toBe(value.trim().normalize('NFC'));
      }),
    );
  });

  it.each(ALLOWED_CONTROLS)('keeps %j inside the text', (c) => {
    expect(sut.parse(`a${c}b`)).toBe(`a${c}b`);
  });

  it('keeps a paired surrogate (an emoji) and counts the length after NFC', () => {
    expect(sut.parse('Khen 😀')).toBe('Khen 😀');
    expect(text(1, 3).parse('Le\u0301')).toBe('Lé');
  });

  it('names the position of the first refused character', () => {
    expect(findUnsafeCharacter('ab\uDC00c\u0000')).toEqual({ kind: 'surrogate', codePoint: 'U+DC00', position: 3 });
    expect(findUnsafeCharacter('a\u0007\uD800')).toEqual({ kind: 'control', codePoint: 'U+0007', position: 2 });
    expect(findUnsafeCharacter('Nguyễn\tThị\r\nLan')).toBeUndefined();
  });
});

describe.each([
  ['code', code(), ['U1', 'DEPT-A', 'BANG_KHEN_UBND_TP', '0b1f3c2e-9a4d-4f5e-8c7b-6a5d4c3b2a10']],
  ['username', username(), ['u1.clerk', 'dept-a.reviewer', 'lan.nguyen@sct.hanoi.gov.vn']],
  ['requestId', requestId(), ['click-0b1f3c2e-9a4d-4f5e-8c7b-6a5d4c3b2a10', '01J9Z3Q4X', 'YWJj+/=', 'decide:UNIT:1']],
])('%s()', (_name, sut, examples) => {
  it.each(examples)('accepts %s', (value) => {
    expect(sut.parse(value)).toBe(value);
  });

  it('refuses anything with a space, a control character, a quote or non-ASCII', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.constantFrom(' ', '\u0000', '\n', '"', "'", '<', 'ễ', '\uD800', '😀'), (rest, bad) => {
        expect(sut.safeParse(`a${rest}${bad}`).success).toBe(false);
      }),
    );
  });
});

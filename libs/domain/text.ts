import { z } from 'zod';
import { RULE_MESSAGES } from './validation-messages';

/**
 * The one rule for text that reaches the database or a workflow's history. PostgreSQL refuses
 * U+0000 outright, and the other C0 controls, DEL and unpaired surrogates (which UTF-8 cannot
 * encode) corrupt what is stored, mailed or printed: refused at the edge, they never jam a
 * transition later.
 */
// eslint-disable-next-line no-control-regex -- refusing control characters is this expression's purpose
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// In unicode mode a surrogate range matches only a surrogate that is not half of a pair.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

export interface UnsafeCharacter {
  kind: 'control' | 'surrogate';
  /** U+XXXX */
  codePoint: string;
  /** 1-based, in UTF-16 code units, as an editor's column counts them. */
  position: number;
}

/** The first character `text()` refuses in `value`, if any. */
export function findUnsafeCharacter(value: string): UnsafeCharacter | undefined {
  const found = [CONTROL.exec(value), LONE_SURROGATE.exec(value)].filter((m): m is RegExpExecArray => m !== null).sort((a, b) => a.index - b.index)[0];
  if (!found) return undefined;
  return {
    kind: CONTROL.test(found[0]) ? 'control' : 'surrogate',
    codePoint: `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
    position: found.index + 1,
  };
}

/** Messages for one kind of text; the general ones where one is left out. */
export interface TextMessages {
  unsafe?(character: UnsafeCharacter): string;
  tooShort?: string;
  tooLong?: string;
}

/**
 * Free text (names, achievements, comments, reasons): no control character but tab, LF and CR, no
 * unpaired surrogate, trimmed, in NFC (Vietnamese is compared and stored composed, whatever form the
 * client sent), and between `min` and `max` characters once so normalised.
 */
export const text = (min: number, max: number, messages: TextMessages = {}) =>
  z
    .string()
    .superRefine((value, ctx) => {
      const unsafe = findUnsafeCharacter(value);
      if (unsafe) ctx.addIssue({ code: 'custom', message: (messages.unsafe ?? RULE_MESSAGES.unsafeCharacter)(unsafe) });
    })
    .overwrite((value) => value.trim().normalize('NFC'))
    .min(min, messages.tooShort)
    .max(max, messages.tooLong);

/** A catalogue or organisation code, a campaign's id or code: `U1`, `DEPT-A`, `BANG_KHEN_UBND_TP`. */
export const code = (max = 50) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, RULE_MESSAGES.codeCharacters);

/** A username as the seed and the identity provider spell it: `u1.clerk`, `dept-a.reviewer`, an email. */
export const username = () =>
  z
    .string()
    .max(100)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._@+-]*$/, RULE_MESSAGES.usernameCharacters);

/** A client's key for one command: a UUID, a ULID, base64url, or a readable `click-…`. */
export const requestId = () =>
  z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9._:~+=/-]+$/, RULE_MESSAGES.requestIdCharacters);

/**
 * What a query number is to a client: a number, though it arrives as text. The OpenAPI document
 * describes these as that number (a generated client then takes an int), not as the digits' pattern.
 */
export const QUERY_NUMBERS = z.registry<{ type: 'integer' | 'number'; minimum: number; maximum: number }>();

/**
 * A number written in a query string: plain digits, then a point and digits if `fractional`.
 * `Number()` alone would also take ' 1\v', '0x10' and '1e3'.
 */
export const queryNumber = (min: number, max: number, fractional = false) =>
  z
    .string()
    .max(20, { abort: true })
    .regex(fractional ? /^\d+(\.\d+)?$/ : /^\d+$/, fractional ? 'must be a number' : 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min).max(max))
    .register(QUERY_NUMBERS, { type: fractional ? 'number' : 'integer', minimum: min, maximum: max });

import { decisionNumber, numberingYear } from './decision-number';

describe('decision numbers', () => {
  it('writes the number within the year, then the authority’s symbol', () => {
    expect(decisionNumber('GIAM_DOC_SO', 12)).toBe('12/QĐ-SCT');
    expect(decisionNumber('CHU_TICH_UBND_TP', 3)).toBe('3/QĐ-UBND');
  });

  it('counts from 1, in whole numbers only', () => {
    for (const seq of [0, -1, 1.5, Number.NaN]) expect(() => decisionNumber('GIAM_DOC_SO', seq)).toThrow(RangeError);
  });

  it('restarts with the calendar year of the signing day in Hà Nội, not in UTC', () => {
    expect(numberingYear(new Date('2026-12-31T16:59:59Z'))).toBe(2026);
    expect(numberingYear(new Date('2026-12-31T17:00:00Z'))).toBe(2027);
  });
});

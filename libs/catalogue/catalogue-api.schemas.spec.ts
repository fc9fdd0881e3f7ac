import { awardsQuerySchema, baseSalaryBodySchema } from './catalogue-api.schemas';

describe('catalogue API schemas', () => {
  it.each(['2025-02-30', '2026-13-01', '2026-1-01', '01/07/2025', '2026-02-28T00:00'])('refuses the day %s without throwing', (at) => {
    expect(awardsQuerySchema.safeParse({ at }).success).toBe(false);
  });

  it('accepts a real day, or none', () => {
    expect(awardsQuerySchema.parse({ at: '2024-02-29' })).toEqual({ at: '2024-02-29' });
    expect(awardsQuerySchema.parse({})).toEqual({});
  });

  it('takes a base salary in whole đồng from a real day, nothing else', () => {
    expect(baseSalaryBodySchema.safeParse({ amount: 2_340_000, effectiveFrom: '2024-07-01' }).success).toBe(true);
    for (const body of [
      { amount: 0, effectiveFrom: '2024-07-01' },
      { amount: 1.5, effectiveFrom: '2024-07-01' },
      { amount: 1, effectiveFrom: '2024-07-01', by: 'x' },
    ]) {
      expect(baseSalaryBodySchema.safeParse(body).success).toBe(false);
    }
  });
});

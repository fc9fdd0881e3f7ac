import { evaluateEligibility, type Eligibility } from './eligibility';
import { withoutHoldReasons } from './hold-reasons';

describe('withoutHoldReasons', () => {
  const held = evaluateEligibility({
    awardCode: 'LAO_DONG_TIEN_TIEN',
    year: 2026,
    nominee: { kind: 'INDIVIDUAL', fullName: 'Trần Thị Nhung' },
    declarations: { rating: 'HTXS' },
    history: [],
    holds: [{ reason: 'Đang bị xem xét kỷ luật', until: '2026-12-31' }],
  });

  it('keeps that the nominee is on hold, and until when, but not why', () => {
    const sut = withoutHoldReasons(held);
    expect(sut.criteria[0]).toEqual({ code: 'ON_HOLD', status: 'NOT_MET', message: 'Đang trong thời gian không xét khen thưởng đến hết ngày 31/12/2026' });
    expect(JSON.stringify(sut)).not.toContain('kỷ luật');
  });

  it('cuts the reason out of a criterion stored with it in the message', () => {
    const legacy: Eligibility = {
      passed: false,
      criteria: [{ code: 'ON_HOLD', status: 'NOT_MET', message: 'Đang trong thời gian không xét khen thưởng đến hết ngày 30/06/2026: Đang bị thanh tra' }],
    };
    expect(withoutHoldReasons(legacy).criteria[0]?.message).toBe('Đang trong thời gian không xét khen thưởng đến hết ngày 30/06/2026');
  });

  it('leaves the other criteria as they are', () => {
    expect(withoutHoldReasons(held).criteria.slice(1)).toEqual(held.criteria.slice(1));
  });
});

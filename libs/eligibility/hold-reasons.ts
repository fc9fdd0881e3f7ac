import type { Eligibility } from './eligibility';

/** A hold's criterion stored before the reason had a field of its own carried it after the date. */
const REASON_AFTER_DATE = /^(.*?\d{2}\/\d{2}\/\d{4}).*$/s;

/** The eligibility as someone who may not know why a nominee is on hold sees it: that they are, until when, not why. */
export function withoutHoldReasons(eligibility: Eligibility): Eligibility {
  return {
    ...eligibility,
    criteria: eligibility.criteria.map(({ reason: _reason, ...c }) =>
      c.code === 'ON_HOLD' ? { ...c, message: c.message.replace(REASON_AFTER_DATE, '$1') } : c,
    ),
  };
}

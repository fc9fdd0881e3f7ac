import { hanoiDay } from './hanoi-time';
import { nomineeName } from './notification-text';
import type { Nominee } from './schemas';

export interface ApprovedNomination {
  id: string;
  unitCode: string;
  awardCode: string;
  year: number;
  nominee: Nominee;
  /** The nomination's own basis; rows written before it was kept are REGULAR. */
  basis?: string;
}

/**
 * The award-history row a final approval becomes, which later nominations' eligibility is judged by.
 * Without the decision's own reference, the row names the nomination and the day (Hà Nội) it was approved.
 * A themed or extraordinary result is kept, but its basis marks it so that it never grounds a higher award:
 * the nomination's own basis, or else its campaign's kind.
 */
export function awardHistoryEntry(n: ApprovedNomination, approvedAt: string, decisionRef: string | undefined, campaignKind: 'REGULAR' | 'THEMED' | undefined) {
  const day = hanoiDay(new Date(approvedAt)).split('-').reverse().join('/');
  return {
    fullName: nomineeName(n.nominee),
    unitCode: n.unitCode,
    awardCode: n.awardCode,
    year: n.year,
    decisionRef: decisionRef ?? `Hồ sơ ${n.id.slice(0, 8)}, phê duyệt ngày ${day}`,
    source: 'NOMINATION',
    basis: n.basis && n.basis !== 'REGULAR' ? n.basis : (campaignKind ?? 'REGULAR'),
    nominationId: n.id,
  };
}

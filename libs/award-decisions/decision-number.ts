import type { Authority } from '../campaigns/campaign-result';
import { hanoiDay } from '../domain/hanoi-time';

/** The symbol (ký hiệu) each authority's decisions carry after their number. */
export const DECISION_SYMBOLS: Record<Authority, string> = {
  GIAM_DOC_SO: 'QĐ-SCT',
  CHU_TICH_UBND_TP: 'QĐ-UBND',
};

/** Numbers restart each calendar year, the year of the signing day in Hà Nội. */
export const numberingYear = (issuedAt: Date): number => Number(hanoiDay(issuedAt).slice(0, 4));

/** `12/QĐ-SCT`: the number within the year, then the authority's symbol. */
export function decisionNumber(authority: Authority, seq: number): string {
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`a decision number counts from 1, got ${seq}`);
  return `${seq}/${DECISION_SYMBOLS[authority]}`;
}

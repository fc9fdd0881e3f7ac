import { CATALOGUE, type AwardDefinition, type CatalogueVersion } from '../domain/award-catalogue';
import { awardOf, catalogueOf } from '../domain/nomination-catalogue';

export type Authority = AwardDefinition['authority'];

/** The order the draft decisions are listed in: the Sở's own first, then the city's. */
export const AUTHORITIES: readonly Authority[] = ['GIAM_DOC_SO', 'CHU_TICH_UBND_TP'];

export const AUTHORITY_NAMES: Record<Authority, string> = {
  GIAM_DOC_SO: 'Giám đốc Sở Công Thương Hà Nội',
  CHU_TICH_UBND_TP: 'Chủ tịch Ủy ban nhân dân thành phố Hà Nội',
};

/** The level an award the city only proposes is forwarded to, as a document names it. */
export const FORWARD_NAMES: Record<NonNullable<AwardDefinition['forwardTo']>, string> = {
  THU_TUONG: 'Thủ tướng Chính phủ',
  CHU_TICH_NUOC: 'Chủ tịch nước (qua Bộ Nội vụ)',
};

/** Mức lương cơ sở from a day on (YYYY-MM-DD). */
export interface BaseSalaryEntry {
  amount: number;
  effectiveFrom: string;
}

/**
 * Mức lương cơ sở 2,340,000 đồng from 1 July 2024 (Nghị định 73/2024/NĐ-CP): the row the migration
 * seeds, used when no table is given.
 */
export const DEFAULT_BASE_SALARIES: readonly BaseSalaryEntry[] = [{ amount: 2_340_000, effectiveFrom: '2024-07-01' }];

/** The base salary in force on a day: the latest one that had started by then. */
export function baseSalaryOn(table: readonly BaseSalaryEntry[], day: string): number {
  const byDate = [...table].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  // A day before the table's first entry (a campaign of a year the table does not reach back to) is
  // priced by the oldest amount known; an admin adds the older one with PUT /api/admin/base-salary.
  const inForce = byDate.find((e) => e.effectiveFrom <= day) ?? byDate.at(-1);
  if (!inForce) throw new RangeError('the base-salary table is empty');
  return inForce.amount;
}

export type Nominee = { kind: 'INDIVIDUAL'; fullName: string; position?: string } | { kind: 'COLLECTIVE'; name: string };

export interface CampaignRef {
  code: string;
  name: string;
  year: number;
}

export interface CampaignNomination {
  nominationId: string;
  nominee: Nominee;
  unitCode: string;
  unitName: string;
  awardCode: string;
  /** The version the nomination was judged by; the one in force at the campaign year's end when absent. */
  catalogueVersion?: string;
  /** YYYY-MM-DD (Hà Nội) of the final approval; the campaign year's last day when absent. */
  decidedOn?: string;
  /** The central level's decision on an award the city only proposes, once an admin recorded it. */
  externalDecision?: ExternalOutcome | null;
}

export interface ExternalOutcome {
  decisionRef: string;
  /** YYYY-MM-DD: the day the central level decided, whose base salary prices a grant. */
  decidedOn: string;
  outcome: 'APPROVED' | 'REJECTED';
}

export interface CampaignResultInput {
  campaign: CampaignRef;
  /**
   * Nominations finally approved by the decision deadline and, for awards the city only proposes, those
   * it forwarded, whatever the central level decided since (`externalDecision`).
   */
  approved: readonly CampaignNomination[];
  /** Nominations still not final by the decision deadline: listed, not awarded. */
  pending: readonly CampaignNomination[];
  /** The dated base-salary table; DEFAULT_BASE_SALARIES when absent. */
  baseSalaries?: readonly BaseSalaryEntry[];
}

export interface PendingItem extends CampaignNomination {
  awardName: string;
  authority: Authority;
}

export interface ResultItem extends CampaignNomination {
  awardName: string;
  /** The catalogue's multiple for this kind of nominee (individual or collective). */
  cashMultiple: number;
  /** VND, in force on the decision date. */
  baseSalary: number;
  /** VND, base salary × multiple rounded as the catalogue says. */
  amount: number;
}

export interface AuthorityDecision {
  authority: Authority;
  authorityName: string;
  items: ResultItem[];
  /** Sum of the rounded item amounts, so it matches the list a reader adds up. */
  total: number;
}

/**
 * An award the city only proposes (tờ trình đề nghị): listed apart, in no decision of the city's. It has
 * no cash while PROPOSED; once the central level granted it (GRANTED) it carries the award's cash,
 * priced on the central decision's day; NOT_GRANTED, none.
 */
export interface ProposalItem extends CampaignNomination {
  awardName: string;
  forwardTo: NonNullable<AwardDefinition['forwardTo']>;
  outcome: 'PROPOSED' | 'GRANTED' | 'NOT_GRANTED';
  /** VND, rounded as the catalogue version says; null unless GRANTED. */
  amount: number | null;
  cashMultiple: number | null;
  baseSalary: number | null;
}

export interface CampaignResult {
  /** VND, in force on the latest decision date (the day the draft decisions are drawn up from). */
  baseSalary: number;
  decisions: AuthorityDecision[];
  /** Absent from results stored before forwarding existed. */
  proposals?: ProposalItem[];
  pending: PendingItem[];
}

/** Who decides a proposal, and how far it got: proposed, granted or not, with the central decision's reference. */
export function proposalStatus(item: ProposalItem): string {
  const to = FORWARD_NAMES[item.forwardTo];
  const decision = item.externalDecision;
  if (item.outcome === 'PROPOSED' || !decision) return `Đề nghị ${to} khen thưởng (chờ quyết định)`;
  return `${to} (${item.outcome === 'GRANTED' ? 'đã khen thưởng' : 'không khen thưởng'}, ${decision.decisionRef} ngày ${dayVi(decision.decidedOn)})`;
}

/** YYYY-MM-DD as a Vietnamese document writes a date. */
const dayVi = (day: string) => day.split('-').reverse().join('/');

export function nomineeName(nominee: Nominee): string {
  return nominee.kind === 'INDIVIDUAL' ? nominee.fullName : nominee.name;
}

/**
 * Base salary × multiple, rounded to a whole `unit` of đồng as the catalogue version says (up, to ten
 * thousand, under Nghị định 98/2023). The product is first taken to whole đồng so that binary noise
 * (2,340,000 × 0.3 is not exactly 702,000 in floating point) cannot tip it over a boundary.
 */
export function cashAmount(baseSalary: number, multiple: number, rounding: CatalogueVersion['cashRounding']): number {
  const exact = Math.round(baseSalary * multiple) / rounding.unit;
  return (rounding.direction === 'UP' ? Math.ceil(exact) : Math.round(exact)) * rounding.unit;
}

/**
 * The award's cash for one nominee (the catalogue version's multiple for an individual or a collective,
 * the base salary in force on `day`, rounded as the version says): the campaign result and the award
 * decisions both price by it.
 */
export function awardCash(version: CatalogueVersion, awardCode: string, kind: Nominee['kind'], table: readonly BaseSalaryEntry[], day: string) {
  const award = resolveAward(version.awards, awardCode);
  const multiple = kind === 'INDIVIDUAL' ? award.cash.individual : award.cash.collective;
  if (multiple === undefined) throw new RangeError(`award ${awardCode} has no cash multiple for ${kind} nominees in ${version.version}`);
  const baseSalary = baseSalaryOn(table, day);
  return { cashMultiple: multiple, baseSalary, amount: cashAmount(baseSalary, multiple, version.cashRounding) };
}

export function computeCampaignResult(input: CampaignResultInput): CampaignResult {
  const table = input.baseSalaries ?? DEFAULT_BASE_SALARIES;
  for (const entry of table) {
    if (!Number.isSafeInteger(entry.amount) || entry.amount <= 0) throw new RangeError(`base salary must be a positive amount, got ${entry.amount}`);
  }
  assertUniqueIds([...input.approved, ...input.pending]);
  const yearEnd = `${input.campaign.year}-12-31`;
  const awards = awardsOfYear(input.campaign.year);
  const order = awardOrder(awards);

  // A nomination that names no version is judged by the one in force at the campaign year's end.
  const judged = (n: CampaignNomination) => ({ awardCode: n.awardCode, catalogueVersion: n.catalogueVersion, createdAt: yearEnd });
  const forwardedTo = (n: CampaignNomination) => awardOf(judged(n));
  /** The award's cash for this nominee, priced by the base salary in force on `day`. */
  const cashOf = (n: CampaignNomination, day: string) => awardCash(catalogueOf(judged(n)), n.awardCode, n.nominee.kind, table, day);
  const proposals = input.approved
    .flatMap((n): ProposalItem[] => {
      const award = forwardedTo(n);
      if (!award.forwardTo) return [];
      const base = { ...n, awardName: award.nameVi, forwardTo: award.forwardTo };
      if (n.externalDecision?.outcome === 'APPROVED') return [{ ...base, outcome: 'GRANTED', ...cashOf(n, n.externalDecision.decidedOn) }];
      const outcome = n.externalDecision?.outcome === 'REJECTED' ? 'NOT_GRANTED' : 'PROPOSED';
      return [{ ...base, outcome, amount: null, cashMultiple: null, baseSalary: null }];
    })
    .sort(byAwardUnitName(order));
  const items = input.approved
    .filter((n) => !forwardedTo(n).forwardTo)
    .map((n) => {
      const award = forwardedTo(n);
      const decidedOn = n.decidedOn ?? yearEnd;
      const item: ResultItem = { ...n, awardName: award.nameVi, ...cashOf(n, decidedOn) };
      return { authority: award.authority, item, decidedOn };
    });

  const decisions = AUTHORITIES.map((authority): AuthorityDecision => {
    const mine = items
      .filter((i) => i.authority === authority)
      .map((i) => i.item)
      .sort(byAwardUnitName(order));
    return { authority, authorityName: AUTHORITY_NAMES[authority], items: mine, total: mine.reduce((sum, i) => sum + i.amount, 0) };
  }).filter((d) => d.items.length > 0);

  const pending = input.pending
    .map((n): PendingItem => {
      const award = resolveAward(awards, n.awardCode);
      return { ...n, awardName: award.nameVi, authority: award.authority };
    })
    .sort(byAwardUnitName(order));

  const lastDecision =
    items
      .map((i) => i.decidedOn)
      .sort()
      .at(-1) ?? yearEnd;
  return { baseSalary: baseSalaryOn(table, lastDecision), decisions, proposals, pending };
}

/**
 * A campaign is decided at its year's end, so the catalogue in force then names the awards; codes the
 * catalogue dropped during the year are still found in the version that had them.
 */
function awardsOfYear(year: number): AwardDefinition[] {
  const yearEnd = `${year}-12-31`;
  const newestFirst = [...CATALOGUE].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  const inForce = newestFirst.filter((v) => v.effectiveFrom <= yearEnd);
  const rest = newestFirst.filter((v) => v.effectiveFrom > yearEnd);
  const byCode = new Map<string, AwardDefinition>();
  for (const award of [...inForce, ...rest].flatMap((v) => v.awards)) {
    if (!byCode.has(award.code)) byCode.set(award.code, award);
  }
  return [...byCode.values()];
}

function resolveAward(awards: readonly AwardDefinition[], code: string): AwardDefinition {
  const award = awards.find((a) => a.code === code);
  if (!award) throw new RangeError(`award ${code} is not in the award catalogue`);
  return award;
}

/** The catalogue lists awards in the order the decisions present them, lowest first. */
function awardOrder(awards: readonly AwardDefinition[]): Map<string, number> {
  return new Map(awards.map((a, i) => [a.code, i]));
}

/** Numeric, so that "Tổ 2" comes before "Tổ 10". */
const vietnamese = new Intl.Collator('vi', { numeric: true });

function byAwardUnitName(order: ReadonlyMap<string, number>) {
  return (a: CampaignNomination, b: CampaignNomination): number =>
    (order.get(a.awardCode) ?? 0) - (order.get(b.awardCode) ?? 0) ||
    vietnamese.compare(a.unitName, b.unitName) ||
    a.unitCode.localeCompare(b.unitCode) ||
    vietnamese.compare(nomineeName(a.nominee), nomineeName(b.nominee)) ||
    a.nominationId.localeCompare(b.nominationId);
}

function assertUniqueIds(nominations: readonly CampaignNomination[]): void {
  const seen = new Set<string>();
  for (const { nominationId } of nominations) {
    if (seen.has(nominationId)) throw new RangeError(`nomination ${nominationId} is listed twice`);
    seen.add(nominationId);
  }
}

/**
 * The part of a result a caller may see: the items `visible` keeps, each authority's total summed over
 * those alone (a total over hidden items would tell what they are worth), authorities left with no
 * item dropped. It works on the stored result, so a finished campaign is filtered, never recomputed.
 */
export function scopeCampaignResult(result: CampaignResult, visible: (item: CampaignNomination) => boolean): CampaignResult {
  const decisions = result.decisions
    .map((d): AuthorityDecision => {
      const items = d.items.filter(visible);
      return { ...d, items, total: items.reduce((sum, i) => sum + i.amount, 0) };
    })
    .filter((d) => d.items.length > 0);
  return { baseSalary: result.baseSalary, decisions, proposals: (result.proposals ?? []).filter(visible), pending: result.pending.filter(visible) };
}

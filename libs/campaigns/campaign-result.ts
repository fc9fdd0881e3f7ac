import { CATALOGUE, type AwardDefinition } from '../domain/award-catalogue';

export type Authority = AwardDefinition['authority'];

/** The order the draft decisions are listed in: the Sở's own first, then the city's. */
export const AUTHORITIES: readonly Authority[] = ['GIAM_DOC_SO', 'CHU_TICH_UBND_TP'];

export const AUTHORITY_NAMES: Record<Authority, string> = {
  GIAM_DOC_SO: 'Giám đốc Sở Công Thương Hà Nội',
  CHU_TICH_UBND_TP: 'Chủ tịch Ủy ban nhân dân thành phố Hà Nội',
};

/** Mức lương cơ sở since 1 July 2024 (Nghị định 73/2024/NĐ-CP); configuration overrides it when it changes. */
export const DEFAULT_BASE_SALARY = 2_340_000;

/**
 * Cash reward of each award as a multiple of the base salary *(configurable)*. The first five are
 * DOMAIN.md's figures; GIAY_KHEN_GIAM_DOC_SO, TAP_THE_LAO_DONG_TIEN_TIEN, BANG_KHEN_UBND_TP and
 * BANG_KHEN_THU_TUONG are placeholders nobody has confirmed, to be replaced by configuration.
 */
export const DEFAULT_CASH_MULTIPLES: Readonly<Record<string, number>> = {
  LAO_DONG_TIEN_TIEN: 0.3,
  CSTD_CO_SO: 1.0,
  CSTD_THANH_PHO: 3.0,
  TAP_THE_LAO_DONG_XUAT_SAC: 1.5,
  CO_THI_DUA_UBND_TP: 8.0,
  GIAY_KHEN_GIAM_DOC_SO: 0.3,
  TAP_THE_LAO_DONG_TIEN_TIEN: 0.8,
  BANG_KHEN_UBND_TP: 1.0,
  BANG_KHEN_THU_TUONG: 1.5,
};

export type Nominee =
  | { kind: 'INDIVIDUAL'; fullName: string; position?: string }
  | { kind: 'COLLECTIVE'; name: string };

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
}

export interface CampaignResultInput {
  campaign: CampaignRef;
  /** Nominations finally approved (or, for awards the city only proposes, forwarded) by the decision deadline. */
  approved: readonly CampaignNomination[];
  /** Nominations still not final by the decision deadline: listed, not awarded. */
  pending: readonly CampaignNomination[];
  /** VND; DEFAULT_BASE_SALARY when absent. */
  baseSalary?: number;
  /** Merged over DEFAULT_CASH_MULTIPLES. */
  cashMultiples?: Readonly<Record<string, number>>;
}

export interface PendingItem extends CampaignNomination {
  awardName: string;
  authority: Authority;
}

export interface ResultItem extends CampaignNomination {
  awardName: string;
  cashMultiple: number;
  /** VND, rounded to the nearest 1,000. */
  amount: number;
}

export interface AuthorityDecision {
  authority: Authority;
  authorityName: string;
  items: ResultItem[];
  /** Sum of the rounded item amounts, so it matches the list a reader adds up. */
  total: number;
}

/** An award the city only proposes (tờ trình đề nghị): listed apart, in no decision of the city's, without cash. */
export interface ProposalItem extends CampaignNomination {
  awardName: string;
  forwardTo: NonNullable<AwardDefinition['forwardTo']>;
}

export interface CampaignResult {
  baseSalary: number;
  decisions: AuthorityDecision[];
  /** Absent from results stored before forwarding existed. */
  proposals?: ProposalItem[];
  pending: PendingItem[];
}

export function nomineeName(nominee: Nominee): string {
  return nominee.kind === 'INDIVIDUAL' ? nominee.fullName : nominee.name;
}

/**
 * Payroll pays rewards in whole thousands of đồng, as Vietnamese payrolls do. The product is first
 * taken to whole đồng so that binary noise (2,340,000 × 0.3 is not exactly 702,000 in floating point)
 * cannot tip a half-thousand the wrong way.
 */
export function cashAmount(baseSalary: number, multiple: number): number {
  return Math.round(Math.round(baseSalary * multiple) / 1000) * 1000;
}

export function computeCampaignResult(input: CampaignResultInput): CampaignResult {
  const baseSalary = input.baseSalary ?? DEFAULT_BASE_SALARY;
  if (!Number.isFinite(baseSalary) || baseSalary <= 0) throw new RangeError(`base salary must be a positive amount, got ${baseSalary}`);
  const multiples = { ...DEFAULT_CASH_MULTIPLES, ...input.cashMultiples };
  assertUniqueIds([...input.approved, ...input.pending]);
  const awards = awardsOfYear(input.campaign.year);
  const order = awardOrder(awards);

  const proposals = input.approved
    .flatMap((n): ProposalItem[] => {
      const award = resolveAward(awards, n.awardCode);
      return award.forwardTo ? [{ ...n, awardName: award.nameVi, forwardTo: award.forwardTo }] : [];
    })
    .sort(byAwardUnitName(order));
  const items = input.approved.filter((n) => !resolveAward(awards, n.awardCode).forwardTo).map((n) => {
    const award = resolveAward(awards, n.awardCode);
    const multiple = multiples[n.awardCode];
    if (multiple === undefined || !Number.isFinite(multiple) || multiple < 0) {
      throw new RangeError(`no valid cash multiple configured for award ${n.awardCode}`);
    }
    const item: ResultItem = { ...n, awardName: award.nameVi, cashMultiple: multiple, amount: cashAmount(baseSalary, multiple) };
    return { authority: award.authority, item };
  });

  const decisions = AUTHORITIES.map((authority): AuthorityDecision => {
    const mine = items.filter((i) => i.authority === authority).map((i) => i.item).sort(byAwardUnitName(order));
    return { authority, authorityName: AUTHORITY_NAMES[authority], items: mine, total: mine.reduce((sum, i) => sum + i.amount, 0) };
  }).filter((d) => d.items.length > 0);

  const pending = input.pending
    .map((n): PendingItem => {
      const award = resolveAward(awards, n.awardCode);
      return { ...n, awardName: award.nameVi, authority: award.authority };
    })
    .sort(byAwardUnitName(order));

  return { baseSalary, decisions, proposals, pending };
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

import { awardCash, nomineeName, type Authority, type BaseSalaryEntry, type Nominee } from '../campaigns/campaign-result';
import { CATALOGUE, catalogueAt, catalogueVersion, type AwardDefinition, type CatalogueVersion } from '../domain/award-catalogue';
import type { ErrorDetail } from '../domain/errors';

/** A nomination named in a draft, as the database holds it. */
export interface DraftCandidate {
  id: string;
  status: string;
  awardCode: string;
  year: number;
  catalogueVersion: string;
  unitCode: string;
  unitName: string;
  nominee: Nominee;
  /** The levels it walked: an enterprise's own award ends at its UNIT level, decided by its director. */
  route: readonly string[];
  /** The other decision, not revoked, that already lists it: its number, or null while a draft. */
  inDecision?: { number: string | null };
}

export interface DraftRequest {
  awardCode: string;
  year: number;
  nominationIds: readonly string[];
  /** YYYY-MM-DD (Hà Nội): the drafting day, whose catalogue and base salary the decision is drawn up by. */
  day: string;
  baseSalaries: readonly BaseSalaryEntry[];
}

export interface DraftItem {
  nominationId: string;
  nominee: Nominee;
  unitCode: string;
  unitName: string;
  cashMultiple: number;
  baseSalary: number;
  amount: number;
}

export interface Draft {
  authority: Authority;
  awardName: string;
  catalogueVersion: string;
  items: DraftItem[];
  total: number;
}

/** The award as the catalogue in force on `day` defines it, or the newest version that still had it. */
function awardOn(code: string, day: string): { version: CatalogueVersion; award: AwardDefinition } {
  const inForce = catalogueAt(day);
  const candidates = [inForce, ...[...CATALOGUE].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))];
  for (const version of candidates) {
    const award = version.awards.find((a) => a.code === code);
    if (award) return { version, award };
  }
  throw new RangeError(`award ${code} is not in the award catalogue`);
}

function refusal(n: DraftCandidate | undefined, request: DraftRequest, authority: Authority): string | null {
  if (!n) return 'không có hồ sơ này';
  if (n.status === 'FORWARDED') return 'hồ sơ đã được trình cấp trên quyết định (FORWARDED), không thuộc thẩm quyền này';
  if (n.status !== 'APPROVED') return `hồ sơ đang ở trạng thái ${n.status}, chưa được phê duyệt`;
  if (n.awardCode !== request.awardCode) return `hồ sơ đề nghị ${n.awardCode}, không phải ${request.awardCode}`;
  if (n.year !== request.year) return `hồ sơ thuộc năm ${n.year}, không phải ${request.year}`;
  const award = (catalogueVersion(n.catalogueVersion) ?? catalogueAt(request.day)).awards.find((a) => a.code === n.awardCode);
  if (!award || award.forwardTo || award.authority !== authority) return 'danh hiệu của hồ sơ không do cấp này quyết định';
  if (n.route.at(-1) !== award.route.at(-1))
    return 'hồ sơ do Giám đốc doanh nghiệp quyết định (Luật Thi đua, khen thưởng, Điều 80 khoản 4), không thuộc thẩm quyền này';
  if (n.inDecision) return `hồ sơ đã có trong quyết định ${n.inDecision.number ?? '(dự thảo)'} khác chưa bị thu hồi`;
  return null;
}

/**
 * The draft decision on one award and year, or one refusal per nomination that may not be in it: each
 * must be approved for that award and year, decided by the award's authority (not forwarded to the
 * central level), and in no other decision still standing. Amounts are the campaign result's.
 */
export function draftDecision(request: DraftRequest, candidates: ReadonlyMap<string, DraftCandidate>): Draft | { refused: ErrorDetail[] } {
  const { version, award } = awardOn(request.awardCode, request.day);
  const authority = award.authority;
  const refused = request.nominationIds.flatMap((id, i) => {
    const reason = refusal(candidates.get(id), request, authority);
    return reason ? [{ path: `nominationIds.${i}`, message: `${id}: ${reason}` }] : [];
  });
  if (award.forwardTo && refused.length === 0) {
    return { refused: [{ path: 'awardCode', message: `${award.code} do cấp trên quyết định, không có quyết định khen thưởng của thành phố` }] };
  }
  if (refused.length > 0) return { refused };
  const items = request.nominationIds.map((id): DraftItem => {
    const n = candidates.get(id)!;
    const own = catalogueVersion(n.catalogueVersion) ?? version;
    const cash = awardCash(own, n.awardCode, n.nominee.kind, request.baseSalaries, request.day);
    return { nominationId: id, nominee: n.nominee, unitCode: n.unitCode, unitName: n.unitName, ...cash };
  });
  items.sort((a, b) => vietnamese.compare(a.unitName, b.unitName) || vietnamese.compare(nomineeName(a.nominee), nomineeName(b.nominee)));
  return { authority, awardName: award.nameVi, catalogueVersion: version.version, items, total: items.reduce((sum, i) => sum + i.amount, 0) };
}

const vietnamese = new Intl.Collator('vi', { numeric: true });

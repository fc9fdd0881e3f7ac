import { Inject, Injectable } from '@nestjs/common';
import { decisionPdf, certificatesPdf } from '../../../libs/award-decisions/decision-pdf';
import type { DecisionSigner } from '../../../libs/award-decisions/decision-signer';
import type { DecisionFacts } from '../../../libs/award-decisions/decision-text';
import type { Authority, Nominee } from '../../../libs/campaigns/campaign-result';
import { AwardDecisionRepository, type AwardDecisionRecord } from '../../../libs/db/award-decision.repository';
import { OrgRepository } from '../../../libs/db/org.repository';
import type { Actor } from '../../../libs/domain/access-policy';
import type {
  AwardDecisionQuery,
  CreateAwardDecisionInput,
  IssueAwardDecisionInput,
  PublicAwardsQuery,
  RevokeAwardDecisionInput,
} from '../../../libs/domain/award-decision-schemas';
import { requestIdReused } from '../../../libs/domain/command-fingerprint';
import { hanoiDay } from '../../../libs/domain/hanoi-time';
import { API_MESSAGES } from '../../../libs/domain/api-messages';
import { ApiError } from '../common/api-error';

export const DECISION_SIGNER = Symbol('DECISION_SIGNER');

/** The most rows one public lookup answers. */
const PUBLIC_PAGE = 200;

const notFound = () => ApiError.notFound('awardDecision');

@Injectable()
export class AwardDecisionsService {
  constructor(
    private readonly decisions: AwardDecisionRepository,
    private readonly orgs: OrgRepository,
    @Inject(DECISION_SIGNER) private readonly signer: DecisionSigner,
  ) {}

  async create(actor: Actor, input: CreateAwardDecisionInput) {
    const request = { awardCode: input.awardCode, year: input.year, nominationIds: input.nominationIds, day: hanoiDay(new Date()) };
    const result = await this.decisions.createDraft(request, { createdBy: actor.username, requestId: input.requestId });
    if ('refused' in result) throw new ApiError('INVALID_STATE', API_MESSAGES.awardDecision.nominationsRefused, result.refused);
    // The same request id returns the decision it drafted; one that drafted another decision is refused.
    const sameIds =
      result.items
        .map((i) => i.nominationId)
        .sort()
        .join() === [...input.nominationIds].sort().join();
    if (result.awardCode !== input.awardCode || result.year !== input.year || !sameIds) throw ApiError.from(requestIdReused('another award decision'));
    return view(result);
  }

  async list(actor: Actor, query: AwardDecisionQuery) {
    const units = await this.unitsOf(actor);
    const rows = await this.decisions.list({ ...query, unitCodes: units ?? undefined });
    return { items: rows.map((d) => view(scoped(d, units))) };
  }

  async get(actor: Actor, id: string) {
    return view(await this.visible(actor, id));
  }

  async issue(actor: Actor, id: string, input: IssueAwardDecisionInput) {
    const result = await this.decisions.issue(id, input.signer, actor.username, ({ decision, number, signer, issuedAt }) =>
      decisionPdf(facts({ ...decision, number, signer, issuedAt }), { signer: this.signer }),
    );
    if (!result) throw notFound();
    if (result === 'REVOKED') throw new ApiError('INVALID_STATE', API_MESSAGES.awardDecision.revokedCannotIssue, [{ path: 'id', message: id }]);
    return view(result);
  }

  async revoke(actor: Actor, id: string, input: RevokeAwardDecisionInput) {
    const result = await this.decisions.revoke(id, input.reason, actor.username);
    if (!result) throw notFound();
    if (result === 'DRAFT') throw new ApiError('INVALID_STATE', API_MESSAGES.awardDecision.draftCannotRevoke, [{ path: 'id', message: id }]);
    return view(result);
  }

  /** Issued: the signed file exactly as issued. A draft, or a revoked decision, is drawn with its mark. */
  async document(actor: Actor, id: string): Promise<{ decision: AwardDecisionRecord; pdf: Buffer }> {
    const decision = await this.visible(actor, id, true);
    if (decision.status === 'ISSUED') return { decision, pdf: (await this.decisions.document(id))! };
    const revoked = decision.status === 'REVOKED' ? { at: decision.revokedAt!, reason: decision.revokeReason ?? '', sha256: decision.sha256 } : undefined;
    return { decision, pdf: await decisionPdf(facts(decision), { revoked }) };
  }

  async certificates(actor: Actor, id: string): Promise<{ decision: AwardDecisionRecord; pdf: Buffer }> {
    const decision = await this.visible(actor, id);
    if (decision.status !== 'ISSUED') throw new ApiError('INVALID_STATE', API_MESSAGES.awardDecision.certificatesOnlyIssued, [{ path: 'id', message: id }]);
    return { decision, pdf: await certificatesPdf(facts(decision)) };
  }

  /** The public lookup (công khai kết quả): who received what by which decision, nothing more about them. */
  async publicAwards(query: PublicAwardsQuery) {
    const rows = await this.decisions.publicAwards(query, PUBLIC_PAGE);
    return {
      items: rows.map((r) => ({
        ...(r.nominee.kind === 'INDIVIDUAL' ? { fullName: r.nominee.fullName } : { name: r.nominee.name }),
        unitName: r.unitName,
        awardName: r.awardName,
        decisionNumber: r.number,
        issuedAt: r.issuedAt.toISOString(),
      })),
    };
  }

  /** Null for an admin, who sees every decision; otherwise the units under the caller's organisation. */
  private async unitsOf(actor: Actor): Promise<string[] | null> {
    if (actor.role === 'ADMIN') return null;
    return (await this.orgs.tree()).unitsUnder(actor.orgCode);
  }

  /**
   * The decision as the caller may see it: a unit's users see only its items. The signed document is
   * one file for all its awardees, so it is `whole` or not at all.
   */
  private async visible(actor: Actor, id: string, whole = false): Promise<AwardDecisionRecord> {
    const decision = await this.decisions.findById(id);
    const units = await this.unitsOf(actor);
    if (!decision || (units && !decision.items.some((i) => units.includes(i.unitCode)))) throw notFound();
    return whole ? decision : scoped(decision, units);
  }
}

function scoped(d: AwardDecisionRecord, units: string[] | null): AwardDecisionRecord {
  if (!units) return d;
  const items = d.items.filter((i) => units.includes(i.unitCode));
  return { ...d, items, total: items.reduce((sum, i) => sum + i.amount, 0) };
}

function facts(
  d: Pick<AwardDecisionRecord, 'authority' | 'awardName' | 'catalogueVersion' | 'year' | 'items' | 'total' | 'number' | 'issuedAt' | 'signer'>,
): DecisionFacts {
  return {
    authority: d.authority as Authority,
    awardName: d.awardName,
    catalogueVersion: d.catalogueVersion,
    year: d.year,
    items: d.items.map((i) => ({ nominee: i.nominee as Nominee, unitName: i.unitName, amount: i.amount })),
    total: d.total,
    number: d.number,
    issuedAt: d.issuedAt,
    signer: d.signer,
  };
}

function view(d: AwardDecisionRecord) {
  return {
    id: d.id,
    status: d.status,
    authority: d.authority as Authority,
    awardCode: d.awardCode,
    awardName: d.awardName,
    year: d.year,
    items: d.items.map((i) => ({
      nominationId: i.nominationId,
      nominee: i.nominee as Nominee,
      unitCode: i.unitCode,
      unitName: i.unitName,
      cashMultiple: i.cashMultiple,
      baseSalary: i.baseSalary,
      amount: i.amount,
    })),
    total: d.total,
    number: d.number,
    signer: d.signer,
    issuedAt: d.issuedAt?.toISOString() ?? null,
    sha256: d.sha256,
    revokedAt: d.revokedAt?.toISOString() ?? null,
    revokeReason: d.revokeReason,
    createdAt: d.createdAt.toISOString(),
  };
}

import type { AppConfig } from '../../../libs/config/config';
import type { NominationRecord } from '../../../libs/db/nomination.repository';
import type { OrgTree } from '../../../libs/domain/access-policy';
import type { DocumentType } from '../../../libs/domain/document-types';
import { dossierOf } from '../../../libs/domain/dossier';
import type { DocumentRef } from '../../../libs/domain/nomination-machine';
import { dossierDocumentView } from '../documents/document.view';
import type { Eligibility } from '../../../libs/eligibility/eligibility';
import { withoutHoldReasons } from '../../../libs/eligibility/hold-reasons';
import { temporalUiUrl } from '../temporal/temporal-ui-url';

/**
 * The nomination exactly as API.md describes it, the same from every endpoint; hold reasons only for
 * those the access policy lets see them (`seesHoldReasons`); its unit and consulted agencies named beside their codes.
 */
export function nominationView(
  n: NominationRecord,
  tree: OrgTree,
  config: Pick<AppConfig, 'TEMPORAL_UI_URL' | 'TEMPORAL_NAMESPACE'>,
  holdReasons: boolean,
  requiredDocuments: readonly DocumentType[],
) {
  const eligibility = n.eligibility as Eligibility | null;
  return {
    id: n.id,
    awardCode: n.awardCode,
    catalogueVersion: n.catalogueVersion,
    basis: n.basis,
    year: n.year,
    unitCode: n.unitCode,
    unitName: tree.nameOf(n.unitCode),
    nominee: n.nominee,
    achievements: n.achievements,
    declarations: n.declarations ?? undefined,
    eligibility: eligibility && !holdReasons ? withoutHoldReasons(eligibility) : eligibility,
    campaignId: n.campaignId,
    status: n.status,
    currentLevel: n.currentLevel,
    route: n.route,
    dueAt: n.dueAt?.toISOString() ?? null,
    overdue: n.overdue,
    returnDeadline: n.returnDeadline?.toISOString() ?? null,
    returnCount: n.returnCount,
    decisions: n.decisions.map((d) => ({
      level: d.level,
      decision: d.decision,
      reviewer: d.reviewer,
      onBehalfOf: d.onBehalfOf,
      comment: d.comment,
      ground: d.ground,
      decidedAt: d.decidedAt.toISOString(),
      ...(d.tally !== null && { tally: d.tally, minutes: d.minutes }),
      documents: (d.documents as DocumentRef[] | null) ?? [],
    })),
    posting: n.postingEndsAt ? { endsAt: n.postingEndsAt.toISOString(), open: n.postingOpen } : null,
    // Objections name people and what is said of them: shown to those who judge the nomination.
    ...(holdReasons &&
      n.objections && { objections: n.objections.map((o) => ({ id: o.id, author: o.author, text: o.text, createdAt: o.createdAt.toISOString() })) }),
    consultation: n.consultationDueAt
      ? {
          dueAt: n.consultationDueAt.toISOString(),
          open: n.consultationOpen,
          opinions: n.opinions.map((o) => ({
            agency: o.agency,
            agencyName: tree.nameOf(o.agency),
            answer: o.answer,
            comment: o.comment,
            answeredAt: o.answeredAt?.toISOString() ?? null,
            // A consultation begun before per-agency deadlines had one for all: an agency silent when it closed let it pass.
            dueAt: (o.dueAt ?? n.consultationDueAt!).toISOString(),
            overdue: o.overdue || (o.dueAt === null && o.answer === null && !n.consultationOpen),
          })),
        }
      : null,
    suspended: n.suspendedSince !== null,
    externalDecision: n.externalDecisionRef ? { decisionRef: n.externalDecisionRef, decidedOn: n.externalDecidedOn } : null,
    awardDecision: awardDecisionOf(n),
    documents: n.documents.map(dossierDocumentView),
    dossier: dossierOf(requiredDocuments, n.documents),
    submittedBy: n.submittedBy,
    workflowId: n.workflowId,
    temporalUiUrl: temporalUiUrl(config, n.workflowId),
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
  };
}

/** The issued award decision that lists the nomination; at most one stands at a time. */
function awardDecisionOf(n: NominationRecord) {
  const decision = n.awardDecisionItems[0]?.decision;
  return decision?.number && decision.issuedAt ? { id: decision.id, number: decision.number, issuedAt: decision.issuedAt.toISOString() } : null;
}

export type NominationView = ReturnType<typeof nominationView>;

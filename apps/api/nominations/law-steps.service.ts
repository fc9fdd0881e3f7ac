import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/config';
import { NominationRepository } from '../../../libs/db/nomination.repository';
import { OrgRepository } from '../../../libs/db/org.repository';
import type { Actor } from '../../../libs/domain/access-policy';
import { API_MESSAGES } from '../../../libs/domain/api-messages';
import { commandFingerprint } from '../../../libs/domain/command-fingerprint';
import type { ExternalDecisionInput, ObjectionInput, OpinionInput } from '../../../libs/domain/law-schemas';
import { awardOf } from '../../../libs/domain/nomination-catalogue';
import { checkExternalDecision, recordExternalDecision } from '../../../libs/domain/nomination-machine';
import { opinionUpdate } from '../../../libs/domain/nomination-messages';
import { ApiError } from '../common/api-error';
import { NominationCommands } from './nomination-commands';
import { NominationAccess } from './nomination-access';
import { NominationReader } from './nomination-reader';
import type { NominationView } from './nomination.view';

/** The steps the law adds around the review: public posting and objections, consultation, the central decision. */
@Injectable()
export class LawStepsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly nominations: NominationRepository,
    private readonly orgs: OrgRepository,
    private readonly commands: NominationCommands,
    private readonly access: NominationAccess,
    private readonly reader: NominationReader,
  ) {}

  /** What is posted publicly now: shown to everyone in the organisation, which is the point of posting it. */
  async postings() {
    const [rows, tree] = await Promise.all([this.nominations.posted(new Date()), this.orgs.tree()]);
    return {
      items: rows.map((n) => ({
        nominationId: n.id,
        nominee: n.nominee,
        awardCode: n.awardCode,
        awardName: awardOf(n).nameVi,
        unitCode: n.unitCode,
        unitName: tree.nameOf(n.unitCode),
        year: n.year,
        postingEndsAt: n.postingEndsAt!.toISOString(),
      })),
    };
  }

  /** Anyone may object to what is posted publicly; a nomination not posted is told of only to those who may see it. */
  async objection(actor: Actor, id: string, input: ObjectionInput) {
    const record = await this.nominations.findById(id);
    const posted = !!record && record.status === 'IN_REVIEW' && record.postingOpen && !!record.postingEndsAt && record.postingEndsAt > new Date();
    if (!posted) {
      await this.access.seen(actor, record);
      throw new ApiError('INVALID_STATE', 'Hồ sơ không trong thời gian công khai lấy ý kiến');
    }
    const objection = await this.nominations.addObjection(id, actor.username, input.text, this.config.OBJECTIONS_PER_USER);
    if ('code' in objection) throw ApiError.from(objection);
    return { id: objection.id, nominationId: id, author: objection.author, text: objection.text, createdAt: objection.createdAt.toISOString() };
  }

  async opinion(actor: Actor, id: string, input: OpinionInput): Promise<NominationView> {
    const record = await this.access.visible(actor, id);
    const org = (await this.orgs.tree()).get(actor.orgCode);
    if (org?.kind !== 'AGENCY' || !record.opinions.some((o) => o.agency === org.code)) {
      throw ApiError.forbidden(`${actor.username} is not in an agency consulted on this nomination`);
    }
    const command = { agency: org.code, answer: input.answer, comment: input.comment, actor: actor.username, requestId: input.requestId ?? randomUUID() };
    // Fails fast on what the row shows; the workflow decides against its own state (checkOpinion).
    await this.commands.send(record.workflowId, opinionUpdate, actor.username, command, () => {
      if (record.status !== 'IN_REVIEW' || !record.consultationOpen) throw new ApiError('INVALID_STATE', 'Hồ sơ không trong thời gian lấy ý kiến hiệp y');
      const own = record.opinions.find((o) => o.agency === org.code);
      if (own?.answer) throw new ApiError('INVALID_STATE', API_MESSAGES.nomination.agencyAnswered(org.name));
      if (own?.overdue) throw new ApiError('INVALID_STATE', API_MESSAGES.nomination.agencyOverdue(org.name));
    });
    return this.reader.reread(actor, id);
  }

  /** An admin records the central level's decision on a forwarded award; an approval enters the award history. */
  async externalDecision(actor: Actor, id: string, input: ExternalDecisionInput): Promise<NominationView> {
    const record = await this.access.visible(actor, id);
    const refused = checkExternalDecision(record.status);
    if (refused) throw ApiError.from(refused);
    const transition = recordExternalDecision(record, input, new Date(), actor.username);
    const operation = 'externalDecision';
    const request = { actor: actor.username, requestId: `external-decision:${id}`, fingerprint: commandFingerprint(operation, input), operation };
    const error = await this.nominations.commit(transition, { request });
    if (error) throw ApiError.from(error);
    return this.reader.reread(actor, id);
  }
}

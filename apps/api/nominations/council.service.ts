import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { BallotRepository, type BallotStatus } from '../../../libs/db/ballot.repository';
import type { NominationRecord } from '../../../libs/db/nomination.repository';
import { OrgRepository } from '../../../libs/db/org.repository';
import { sitsOnCouncil, type Actor } from '../../../libs/domain/access-policy';
import type { CouncilRule } from '../../../libs/domain/award-catalogue';
import type { Level } from '../../../libs/domain/levels';
import { awardOf } from '../../../libs/domain/nomination-catalogue';
import { checkDecide, gateRefusal } from '../../../libs/domain/nomination-machine';
import { closeVoteUpdate } from '../../../libs/domain/nomination-messages';
import type { CloseVoteInput, VoteInput } from '../../../libs/domain/schemas';
import { ApiError } from '../common/api-error';
import type { NominationView } from './nomination.view';
import { NominationAccess } from './nomination-access';
import { documentsInFront, NominationCommands, precheck } from './nomination-commands';
import { NominationReader } from './nomination-reader';

interface CouncilLevel {
  level: Level;
  rule: CouncilRule;
  orgCode: string;
}

/**
 * Secret ballots of the Sở's and the city's councils. Votes go straight to the database (the
 * workflow never learns who voted how); closing goes through the workflow, which decides the level.
 */
@Injectable()
export class CouncilService {
  constructor(
    private readonly access: NominationAccess,
    private readonly reader: NominationReader,
    private readonly ballots: BallotRepository,
    private readonly orgs: OrgRepository,
    private readonly commands: NominationCommands,
  ) {}

  async vote(actor: Actor, id: string, input: VoteInput): Promise<BallotStatus> {
    const record = await this.access.visible(actor, id);
    const council = await this.currentCouncil(actor, record);
    // The ballot is written here, not by the workflow, so the workflow's gates are read off the row: no
    // member votes while the list is posted, the agencies are consulted or a hold suspends the nomination.
    const gated = gateRefusal({
      postingEndsAt: record.postingEndsAt?.toISOString() ?? null,
      postingOpen: record.postingOpen,
      consultationDueAt: record.consultationDueAt?.toISOString() ?? null,
      consultationOpen: record.consultationOpen,
      suspendedSince: record.suspendedSince?.toISOString() ?? null,
    });
    if (gated) throw ApiError.from(gated);
    const membersTotal = await this.orgs.councilSize(council.orgCode);
    const result = await this.ballots.cast(
      { nominationId: id, level: council.level, membersTotal, rule: council.rule },
      actor.username,
      input.vote,
      input.requestId ?? randomUUID(),
    );
    if ('code' in result) throw ApiError.from(result);
    return result;
  }

  async close(actor: Actor, id: string, input: CloseVoteInput): Promise<NominationView> {
    const record = await this.access.visible(actor, id);
    const council = await this.currentCouncil(actor, record);
    if (actor.councilSeat !== 'CHAIR') throw ApiError.forbidden('Only the council’s chair closes the vote');
    const documents = documentsInFront(record);
    const command = { level: council.level, requestId: input.requestId ?? randomUUID(), actor: actor.username, ...(documents.length > 0 && { documents }) };
    await this.commands.send(record.workflowId, closeVoteUpdate, actor.username, command);
    return this.reader.reread(actor, id);
  }

  private async currentCouncil(actor: Actor, record: NominationRecord): Promise<CouncilLevel> {
    const level = record.currentLevel;
    const rule = level ? awardOf(record).councils?.[level] : undefined;
    const tree = await this.orgs.tree();
    if (!level || !rule) {
      precheck(record, (s) => checkDecide(s, { level: level ?? record.route[0]! }));
      throw new ApiError('INVALID_STATE', `Hồ sơ đang chờ cấp ${level}, cấp này không biểu quyết bằng Hội đồng`);
    }
    if (!sitsOnCouncil(actor, level, record, tree)) throw ApiError.forbidden(`${actor.username} is not a member of the ${level} council`);
    precheck(record, (s) => checkDecide(s, { level }));
    return { level, rule, orgCode: tree.reviewingOrg(record.unitCode, level)!.code };
  }
}

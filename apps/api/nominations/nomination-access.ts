import { Injectable } from '@nestjs/common';
import { DelegationRepository } from '../../../libs/db/delegation.repository';
import { NominationRepository, type NominationRecord } from '../../../libs/db/nomination.repository';
import { OrgRepository } from '../../../libs/db/org.repository';
import { authority, isClerkOf, visible, type AccessFacts, type Actor, type DelegationInForce } from '../../../libs/domain/access-policy';
import { hanoiDay } from '../../../libs/domain/hanoi-time';
import type { Level } from '../../../libs/domain/levels';
import { ApiError } from '../common/api-error';

/**
 * Reads what the access rules (`libs/domain/access-policy.ts`) need and answers with the API's errors:
 * a nomination the caller may not see is 404 on every route, before anything else is said of it.
 */
@Injectable()
export class NominationAccess {
  constructor(
    private readonly nominations: NominationRepository,
    private readonly orgs: OrgRepository,
    private readonly delegations: DelegationRepository,
  ) {}

  /**
   * The facts about the actor. Delegations and reassignments only ever add access, so when `settled`
   * says the organisation tree alone answers, they are not read.
   */
  async facts(actor: Actor, settled: (facts: AccessFacts) => boolean = () => false): Promise<AccessFacts> {
    const tree = await this.orgs.tree();
    const fromTree: AccessFacts = { tree, delegations: [], assigned: [] };
    if (settled(fromTree)) return fromTree;
    const [delegations, assigned] = await Promise.all([this.delegationsInForce(actor), this.nominations.assignedTo(actor.username)]);
    return { tree, delegations, assigned };
  }

  /** The nomination, if the caller may see it. */
  async visible(actor: Actor, id: string): Promise<NominationRecord> {
    return this.seen(actor, await this.nominations.findById(id));
  }

  /** The nomination read already, if there is one and the caller may see it. */
  async seen(actor: Actor, record: NominationRecord | null): Promise<NominationRecord> {
    if (!record || !visible(actor, record, await this.facts(actor, (f) => visible(actor, record, f)))) throw ApiError.notFound();
    return record;
  }

  /**
   * For whom a caller who sees the nomination decides `level` of it: themselves (null) or the reviewer
   * they stand in for today; 403 if they may not.
   */
  async authority(actor: Actor, record: NominationRecord, level: Level): Promise<string | null> {
    const found = authority(actor, level, record, await this.facts(actor, (f) => authority(actor, level, record, f) !== null));
    if (!found) throw ApiError.forbidden(`${actor.username} does not review level ${level} of this nomination`);
    return found.onBehalfOf;
  }

  /** Who may add a document to a nomination under way: whoever may decide its current level, or its unit's clerk while it is returned. */
  async checkMayAddDocument(actor: Actor, record: NominationRecord): Promise<void> {
    if (isClerkOf(actor, record.unitCode)) {
      if (record.status !== 'RETURNED') throw new ApiError('INVALID_STATE', 'Đơn vị chỉ bổ sung tài liệu khi hồ sơ bị trả lại');
      return;
    }
    const level = record.status === 'IN_REVIEW' ? record.currentLevel : null;
    if (!level) throw new ApiError('INVALID_STATE', 'Hồ sơ không còn đang được xét');
    const facts = await this.facts(actor, (f) => authority(actor, level, record, f) !== null);
    if (!authority(actor, level, record, facts)) throw ApiError.forbidden(`${actor.username} does not review the current level of this nomination`);
  }

  /** The delegations naming the actor deputy today, newest first, each with its delegator as they are now. */
  private async delegationsInForce(actor: Actor): Promise<DelegationInForce[]> {
    const delegations = await this.delegations.inForce(actor.username, hanoiDay(new Date()));
    return Promise.all(
      delegations.map(async (d) => ({ delegator: d.delegator, level: d.level, orgCode: d.orgCode, delegatorNow: await this.orgs.findUser(d.delegator) })),
    );
  }
}

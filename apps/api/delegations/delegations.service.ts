import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/config';
import { DelegationRepository } from '../../../libs/db/delegation.repository';
import { OrgRepository } from '../../../libs/db/org.repository';
import { API_MESSAGES } from '../../../libs/domain/api-messages';
import { reviewerLevel, type Actor, type OrgTree } from '../../../libs/domain/access-policy';
import { delegationProblems } from '../../../libs/domain/delegation-rules';
import { hanoiDay } from '../../../libs/domain/hanoi-time';
import type { DelegationInput } from '../../../libs/domain/schemas';
import { ApiError } from '../common/api-error';

type DelegationRow = Awaited<ReturnType<DelegationRepository['create']>>;

const view = (tree: OrgTree) => (d: DelegationRow) => ({
  id: d.id,
  delegator: d.delegator,
  deputy: d.deputy,
  level: d.level,
  orgCode: d.orgCode,
  orgName: tree.nameOf(d.orgCode),
  from: d.fromDay,
  to: d.toDay,
  createdAt: d.createdAt.toISOString(),
});

/** Ủy quyền: a reviewer hands their level to a deputy between two dates (inclusive, Hà Nội days). */
@Injectable()
export class DelegationsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly delegations: DelegationRepository,
    private readonly orgs: OrgRepository,
  ) {}

  async create(actor: Actor, input: DelegationInput) {
    const tree = await this.orgs.tree();
    const level = reviewerLevel(actor, tree);
    if (level !== input.level) throw ApiError.forbidden(API_MESSAGES.review.notReviewerOfLevel(actor.username, input.level));
    const deputy = input.deputy === actor.username ? actor : await this.orgs.findUser(input.deputy);
    const delegator = { ...actor, orgName: tree.nameOf(actor.orgCode) };
    const problems = delegationProblems(input, delegator, deputy, hanoiDay(new Date()), this.config.DELEGATION_MAX_DAYS);
    if (problems.length > 0) throw new ApiError('VALIDATION_FAILED', API_MESSAGES.delegation.refused, problems);
    const created = await this.delegations.create({
      delegator: actor.username,
      deputy: input.deputy,
      level: input.level,
      orgCode: actor.orgCode,
      fromDay: input.from,
      toDay: input.to,
    });
    return view(tree)(created);
  }

  async list(actor: Actor) {
    const [{ given, received }, tree] = await Promise.all([this.delegations.of(actor.username), this.orgs.tree()]);
    return { given: given.map(view(tree)), received: received.map(view(tree)) };
  }

  /** The delegator or an admin revokes; the deputy may see it but not revoke it; to anyone else it does not exist. */
  async revoke(actor: Actor, id: string): Promise<void> {
    const found = await this.delegations.findById(id);
    if (!found) throw ApiError.notFound('delegation');
    if (actor.role !== 'ADMIN' && found.delegator !== actor.username) {
      if (found.deputy === actor.username) throw ApiError.forbidden(API_MESSAGES.delegation.revokeByDelegatorOnly);
      throw ApiError.notFound('delegation');
    }
    await this.delegations.revoke(id, actor.username);
  }
}

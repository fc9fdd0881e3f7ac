import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/config';
import { NominationRepository, type NominationRecord } from '../../../libs/db/nomination.repository';
import { OrgRepository } from '../../../libs/db/org.repository';
import { seesHoldReasons, visibleScopes, waitingOn, type Actor, type OrgTree } from '../../../libs/domain/access-policy';
import { awardOf } from '../../../libs/domain/nomination-catalogue';
import type { InboxQuery, ListNominationsQuery } from '../../../libs/domain/schemas';
import { ApiError } from '../common/api-error';
import { NominationAccess } from './nomination-access';
import { nominationView, type NominationView } from './nomination.view';

/** The nominations as a caller reads them: one, a page of those they may see, or what waits on them. */
@Injectable()
export class NominationReader {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly nominations: NominationRepository,
    private readonly orgs: OrgRepository,
    private readonly access: NominationAccess,
  ) {}

  async get(actor: Actor, id: string): Promise<NominationView> {
    return this.view(actor, await this.access.visible(actor, id));
  }

  async list(actor: Actor, query: ListNominationsQuery) {
    const { page, pageSize, ...filter } = query;
    const tree = await this.orgs.tree();
    const scopes = visibleScopes(actor, tree) ?? undefined;
    const { items, total } = await this.nominations.list({ ...filter, scopes }, page, pageSize, [{ createdAt: 'desc' }]);
    return { items: items.map((n) => this.present(actor, n, tree)), total, page, pageSize };
  }

  /** A page of what waits on the caller, narrowed by the filters, the earliest deadline first (served by the index on status, level and due date); ties in a stable order so pages neither repeat nor skip. */
  async inbox(actor: Actor, { page, pageSize, q, ...filter }: InboxQuery) {
    const facts = await this.access.facts(actor);
    const waitingFor = waitingOn(actor, facts);
    if (!waitingFor) return { items: [], total: 0, page, pageSize };
    const { items, total } = await this.nominations.list({ ...filter, nameContains: q, status: 'IN_REVIEW', waitingFor }, page, pageSize, [
      { dueAt: 'asc' },
      { createdAt: 'asc' },
      { id: 'asc' },
    ]);
    return { items: items.map((n) => this.present(actor, n, facts.tree)), total, page, pageSize };
  }

  /** The nomination after a command the caller was already allowed to send: the row the command committed. */
  async reread(actor: Actor, id: string): Promise<NominationView> {
    const record = await this.nominations.findById(id);
    if (!record) throw ApiError.notFound();
    return this.view(actor, record);
  }

  async view(actor: Actor, record: NominationRecord): Promise<NominationView> {
    return this.present(actor, record, await this.orgs.tree());
  }

  private present(actor: Actor, record: NominationRecord, tree: OrgTree): NominationView {
    return nominationView(record, tree, this.config, seesHoldReasons(actor, record, tree), awardOf(record).requiredDocuments);
  }
}

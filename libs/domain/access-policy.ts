import { API_MESSAGES } from './api-messages';
import { LEVELS, type Level } from './levels';

/**
 * Who may see and act on a nomination, decided from the organisation tree alone:
 * a reviewer reviews the level named by the kind of their organisation, for the units beneath it.
 */

/**
 * AGENCY: a city agency consulted on state-level awards (hiệp y); it reviews no level. ENTERPRISE: a state
 * enterprise under the Sở, a unit whose director also decides the awards the law gives him (Luật 06/2022
 * art. 80(4)); it reviews the UNIT level as a unit does.
 */
export type OrgKind = 'CITY' | 'SO' | 'DEPARTMENT' | 'UNIT' | 'ENTERPRISE' | 'AGENCY';

/** Whether people of an organisation of this kind submit nominations: a unit or an enterprise. */
export const isUnitKind = (kind: OrgKind | undefined): boolean => kind === 'UNIT' || kind === 'ENTERPRISE';
export type Role = 'CLERK' | 'REVIEWER' | 'COUNCIL_MEMBER' | 'STAFF' | 'ADMIN';

export interface OrgNode {
  code: string;
  name: string;
  kind: OrgKind;
  parentCode: string | null;
}

export interface Actor {
  username: string;
  displayName: string;
  role: Role;
  orgCode: string;
  /** A seat on the council of the actor's organisation (Sở or city), if any. */
  councilSeat?: 'CHAIR' | 'MEMBER' | null;
}

export class OrgTree {
  private readonly byCode: Map<string, OrgNode>;

  constructor(readonly nodes: readonly OrgNode[]) {
    this.byCode = new Map(nodes.map((n) => [n.code, n]));
  }

  get(code: string): OrgNode | undefined {
    return this.byCode.get(code);
  }

  /** The name every response and page shows for an organisation code; the code itself when the chart has none. */
  nameOf(code: string): string {
    return this.byCode.get(code)?.name ?? code;
  }

  /** The organisation and its ancestors, nearest first. */
  chain(code: string): OrgNode[] {
    const chain: OrgNode[] = [];
    for (let node = this.byCode.get(code); node && !chain.includes(node); node = node.parentCode ? this.byCode.get(node.parentCode) : undefined) {
      chain.push(node);
    }
    return chain;
  }

  /** The organisation whose reviewers decide `level` for `unitCode`. */
  reviewingOrg(unitCode: string, level: Level): OrgNode | undefined {
    return this.chain(unitCode).find((n) => levelOf(n.kind) === level);
  }

  unitsUnder(code: string): string[] {
    return this.nodes.filter((n) => isUnitKind(n.kind) && this.chain(n.code).some((a) => a.code === code)).map((n) => n.code);
  }
}

interface Reviewable {
  unitCode: string;
  route: readonly Level[];
}

/**
 * The units whose nominations nobody can decide at a level: the organisation that reviews it there has no
 * active reviewer (an import deactivated the last one). Their nominations wait on nobody until an admin
 * gives the level to someone else.
 */
export function unstaffedLevels(tree: OrgTree, staffed: ReadonlySet<string>): { level: Level; unitCodes: string[] }[] {
  const units = tree.nodes.filter((n) => isUnitKind(n.kind)).map((n) => n.code);
  return LEVELS.map((level) => ({
    level,
    unitCodes: units.filter((unit) => {
      const org = tree.reviewingOrg(unit, level);
      return !!org && !staffed.has(org.code);
    }),
  })).filter((l) => l.unitCodes.length > 0);
}

export function reviewsLevel(actor: Actor, level: Level, nomination: Reviewable, tree: OrgTree): boolean {
  return actor.role === 'REVIEWER' && nomination.route.includes(level) && tree.reviewingOrg(nomination.unitCode, level)?.code === actor.orgCode;
}

export function isClerkOf(actor: Actor, unitCode: string): boolean {
  return actor.role === 'CLERK' && actor.orgCode === unitCode;
}

/** Whether the actor sits on the council that votes at `level` for this nomination. */
export function sitsOnCouncil(actor: Actor, level: Level, nomination: Reviewable, tree: OrgTree): boolean {
  return !!actor.councilSeat && nomination.route.includes(level) && tree.reviewingOrg(nomination.unitCode, level)?.code === actor.orgCode;
}

export function canSee(actor: Actor, nomination: Reviewable, tree: OrgTree): boolean {
  return (
    actor.role === 'ADMIN' ||
    actor.orgCode === nomination.unitCode ||
    nomination.route.some((level) => reviewsLevel(actor, level, nomination, tree) || sitsOnCouncil(actor, level, nomination, tree))
  );
}

/** The level an actor reviews, if any: the kind of their organisation. */
export function reviewerLevel(actor: Actor, tree: OrgTree): Level | null {
  if (actor.role !== 'REVIEWER') return null;
  return levelOf(tree.get(actor.orgCode)?.kind);
}

/** The level an organisation of this kind reviews; agencies review none, an enterprise its own unit level. */
function levelOf(kind: OrgKind | undefined): Level | null {
  if (kind === undefined || kind === 'AGENCY') return null;
  return kind === 'ENTERPRISE' ? 'UNIT' : kind;
}

/** The level whose nominations an actor looks at: as a reviewer or as a council member. */
export function watchedLevel(actor: Actor, tree: OrgTree): Level | null {
  if (actor.role !== 'REVIEWER' && !actor.councilSeat) return null;
  return levelOf(tree.get(actor.orgCode)?.kind);
}

/** What an actor may see, as (units, level on the route) pairs; `null` means everything. */
export function visibleScopes(actor: Actor, tree: OrgTree): { unitCodes: string[]; routeHas?: Level }[] | null {
  if (actor.role === 'ADMIN') return null;
  const scopes: { unitCodes: string[]; routeHas?: Level }[] = [{ unitCodes: [actor.orgCode] }];
  const level = watchedLevel(actor, tree);
  if (level) scopes.push({ unitCodes: tree.unitsUnder(actor.orgCode), routeHas: level });
  return scopes;
}

/**
 * Whether a user works in the organisation as someone who may review for it (its reviewer or staff):
 * the people a reviewer may hand their level to, or an admin may reassign a level to. Clerks submit,
 * so they never review (no approving one's own submission); admins review nothing.
 */
export function isStaffOf(user: Pick<Actor, 'role' | 'orgCode'>, orgCode: string): boolean {
  return (user.role === 'REVIEWER' || user.role === 'STAFF') && user.orgCode === orgCode;
}

/**
 * Why `reviewer` may not be given `level` of this nomination, if they may not: only staff of the
 * organisation that reviews that level for the nomination's unit can take it over, never a clerk
 * (who would approve their own unit's submission) nor an admin (who reviews nothing).
 */
export function reassignProblem(reviewer: Actor | null, request: { level: Level; reviewer: string }, nomination: Reviewable, tree: OrgTree): string | null {
  const say = API_MESSAGES.review;
  if (!reviewer) return say.noSuchUser(request.reviewer);
  if (reviewer.role === 'CLERK' || reviewer.role === 'ADMIN') return say.roleReviewsNothing(reviewer.role);
  const org = nomination.route.includes(request.level) ? tree.reviewingOrg(nomination.unitCode, request.level) : undefined;
  if (!org) return say.levelNotOnRoute(request.level);
  if (!isStaffOf(reviewer, org.code)) return say.notStaffOfReviewingOrg(org, request.level);
  return null;
}

/**
 * Why a nominee is on hold (discipline, an investigation) is told to those who judge the nomination,
 * its route's reviewers and councils, and to admins; the submitting unit's clerk and staff learn only
 * that the nominee is on hold.
 */
export function seesHoldReasons(actor: Actor, nomination: Reviewable, tree: OrgTree): boolean {
  return (
    actor.role === 'ADMIN' || nomination.route.some((level) => reviewsLevel(actor, level, nomination, tree) || sitsOnCouncil(actor, level, nomination, tree))
  );
}

/** A delegation in force today that names the actor deputy, with its delegator as the organisation knows them now (null: gone). */
export interface DelegationInForce {
  delegator: string;
  level: Level;
  orgCode: string;
  delegatorNow: Pick<Actor, 'role' | 'orgCode'> | null;
}

/**
 * What the rules below need beyond the actor, the nomination and the organisation tree, read by the API.
 * Each fact only ever adds access, so an answer the tree alone gives is final without them.
 */
export interface AccessFacts {
  tree: OrgTree;
  /** The delegations in force today that name the actor deputy, newest first. */
  delegations: readonly DelegationInForce[];
  /** The levels of nominations an admin reassigned to the actor. */
  assigned: readonly { nominationId: string; level: Level }[];
}

export interface AccessibleNomination extends Reviewable {
  id: string;
  /** The agencies consulted on it (hiệp y). */
  opinions: readonly { agency: string }[];
}

/**
 * The deputy rule: a delegation makes the actor decide its level for the delegator's organisation while
 * the deputy is still staff there and the delegator still its reviewer at that level. A reviewer who
 * moved on, or a deputy who became a clerk, leaves a delegation that grants nothing.
 */
export function deputyLevels(actor: Actor, facts: AccessFacts): DelegationInForce[] {
  return facts.delegations.filter(
    (d) =>
      isStaffOf(actor, d.orgCode) &&
      d.delegatorNow?.role === 'REVIEWER' &&
      d.delegatorNow.orgCode === d.orgCode &&
      levelOf(facts.tree.get(d.orgCode)?.kind) === d.level,
  );
}

/** The delegation, if any, that makes the actor a deputy on this nomination's route (at `level`, or at any). */
function deputyOn(actor: Actor, nomination: Reviewable, facts: AccessFacts, level?: Level): DelegationInForce | undefined {
  return deputyLevels(actor, facts).find(
    (d) =>
      (level === undefined || d.level === level) &&
      nomination.route.includes(d.level) &&
      facts.tree.reviewingOrg(nomination.unitCode, d.level)?.code === d.orgCode,
  );
}

/**
 * Whether the actor may see the nomination at all: its unit, its route's reviewers and councils, admins,
 * the reviewer an admin reassigned a level of it to, a deputy on its route today, an agency consulted on
 * it. Anyone else is told it does not exist (404), on every route.
 */
export function visible(actor: Actor, nomination: AccessibleNomination, facts: AccessFacts): boolean {
  return (
    canSee(actor, nomination, facts.tree) ||
    facts.assigned.some((a) => a.nominationId === nomination.id) ||
    nomination.opinions.some((o) => o.agency === actor.orgCode) ||
    deputyOn(actor, nomination, facts) !== undefined
  );
}

/**
 * Whether the actor may decide `level` of this nomination (or add a document to it there), and for whom:
 * as its reviewer or the reviewer an admin reassigned it to (`onBehalfOf` null), or as the deputy of a
 * reviewer who delegated it for today (that reviewer). Null when they may not.
 */
export function authority(actor: Actor, level: Level, nomination: AccessibleNomination, facts: AccessFacts): { onBehalfOf: string | null } | null {
  if (reviewsLevel(actor, level, nomination, facts.tree)) return { onBehalfOf: null };
  if (facts.assigned.some((a) => a.nominationId === nomination.id && a.level === level)) return { onBehalfOf: null };
  const deputy = deputyOn(actor, nomination, facts, level);
  return deputy ? { onBehalfOf: deputy.delegator } : null;
}

/** What waits on an actor (`GET /api/inbox`), as the nominations' filter takes it. */
export interface Waiting {
  /** The level the actor reviews or votes on, in `unitCodes`. */
  level: Level | null;
  unitCodes: string[];
  assigned: { nominationId: string; level: Level }[];
  /** The levels the actor decides today as a deputy, each in its delegator's units. */
  delegated: { level: Level; unitCodes: string[] }[];
  /** A consulted agency's code: what awaits its opinion while the consultation is open. */
  opinionOf?: string;
}

/** What waits on the actor, by the same rules as `authority`; null when nothing can. */
export function waitingOn(actor: Actor, facts: AccessFacts): Waiting | null {
  const { tree } = facts;
  const level = watchedLevel(actor, tree);
  const delegated = deputyLevels(actor, facts).map((d) => ({ level: d.level, unitCodes: tree.unitsUnder(d.orgCode) }));
  // A consulted agency's staff answer for their agency: what awaits its opinion waits on them.
  const opinionOf = tree.get(actor.orgCode)?.kind === 'AGENCY' ? actor.orgCode : undefined;
  if (!level && facts.assigned.length === 0 && delegated.length === 0 && !opinionOf) return null;
  return { level, unitCodes: tree.unitsUnder(actor.orgCode), assigned: [...facts.assigned], delegated, ...(opinionOf && { opinionOf }) };
}

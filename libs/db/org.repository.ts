import { Injectable } from '@nestjs/common';
import { OrgTree, type Actor } from '../domain/access-policy';
import type { Prisma } from './generated/client';
import { PrismaService } from './prisma.service';

/** How long a read organisation chart serves before it is read again. */
const ORG_TREE_TTL_MS = 60_000;

type OrgReader = Pick<Prisma.TransactionClient, 'org'>;

interface Trees {
  all: OrgTree;
  active: OrgTree;
}

export type DevUser = Pick<Actor, 'username' | 'displayName' | 'role'>;

@Injectable()
export class OrgRepository {
  private cached: { trees: Promise<Trees>; until: number } | null = null;

  constructor(private readonly prisma: PrismaService) {}

  /**
   * The tree is a few dozen rows at most; read whole so rules can walk it without more queries. Only an
   * organisation import writes it, and almost every request and commit walks it: one read serves a
   * process for a while (an import clears this process's copy; another process sees a new or moved
   * organisation within the minute). It holds the organisations an import left out too, since the
   * nominations of their past still walk their chain.
   * Inside a transaction, pass it: a read there must use the transaction's connection, or commits holding
   * every connection of the pool would each wait for one more.
   */
  tree(client: OrgReader = this.prisma): Promise<OrgTree> {
    return this.read(client).then(({ all }) => all);
  }

  /** The organisations offered for new work: those the last import kept. */
  activeTree(): Promise<OrgTree> {
    return this.read(this.prisma).then(({ active }) => active);
  }

  /** After an import, this process reads the chart again at its next use. */
  forget(): void {
    this.cached = null;
  }

  private read(client: OrgReader): Promise<Trees> {
    const now = Date.now();
    if (!this.cached || now >= this.cached.until) {
      const trees = client.org.findMany({ orderBy: { code: 'asc' } }).then((rows) => {
        const nodes = rows.map(({ active, ...node }) => ({ node, active }));
        return { all: new OrgTree(nodes.map((n) => n.node)), active: new OrgTree(nodes.filter((n) => n.active).map((n) => n.node)) };
      });
      this.cached = { trees, until: now + ORG_TREE_TTL_MS };
      // A failed read is not kept: the next call reads again.
      trees.catch(() => {
        if (this.cached?.trees === trees) this.cached = null;
      });
    }
    return this.cached.trees;
  }

  /** How many seats the council of an organisation has: the threshold counts against all of them. */
  councilSize(orgCode: string): Promise<number> {
    return this.prisma.user.count({ where: { orgCode, councilSeat: { not: null }, active: true } });
  }

  /** Usernames of the reviewers of an organisation (the people a level of its kind waits on). */
  async reviewersOf(orgCode: string): Promise<string[]> {
    const users = await this.prisma.user.findMany({
      where: { orgCode, role: 'REVIEWER', active: true },
      select: { username: true },
      orderBy: { username: 'asc' },
    });
    return users.map((u) => u.username);
  }

  /** The organisations that have at least one active reviewer. */
  async staffedOrgs(): Promise<Set<string>> {
    const rows = await this.prisma.user.findMany({ where: { role: 'REVIEWER', active: true }, select: { orgCode: true }, distinct: ['orgCode'] });
    return new Set(rows.map((r) => r.orgCode));
  }

  /** Which of these usernames belong to active users. */
  async activeAmong(usernames: string[]): Promise<Set<string>> {
    if (usernames.length === 0) return new Set();
    const rows = await this.prisma.user.findMany({ where: { username: { in: usernames }, active: true }, select: { username: true } });
    return new Set(rows.map((r) => r.username));
  }

  /** Deactivated users too: the web app names the people of past decisions from this list. */
  async users(): Promise<DevUser[]> {
    return this.prisma.user.findMany({ select: { username: true, displayName: true, role: true }, orderBy: { username: 'asc' } });
  }

  /** The whole chart and everyone in it, deactivated ones included, as `GET /api/admin/organisation` shows it. */
  async organisation() {
    const [orgs, users] = await Promise.all([
      this.prisma.org.findMany({ select: { code: true, name: true, kind: true, parentCode: true, active: true }, orderBy: { code: 'asc' } }),
      this.prisma.user.findMany({
        select: { username: true, displayName: true, email: true, role: true, orgCode: true, councilSeat: true, active: true },
        orderBy: { username: 'asc' },
      }),
    ]);
    return { orgs, users };
  }

  /**
   * A user who may act now: a deactivated one is nobody, for a token as for a deputy or a reassignment.
   * Read at every request, never cached, so that a deactivation holds from the next request in every process.
   */
  async findUser(username: string): Promise<Actor | null> {
    return this.prisma.user.findUnique({
      where: { username, active: true },
      select: { username: true, displayName: true, role: true, orgCode: true, councilSeat: true },
    });
  }
}

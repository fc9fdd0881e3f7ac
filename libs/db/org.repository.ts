import { Injectable } from '@nestjs/common';
import { OrgTree, type Actor } from '../domain/access-policy';
import type { Prisma } from './generated/client';
import { PrismaService } from './prisma.service';

/** How long a read organisation chart serves before it is read again. */
const ORG_TREE_TTL_MS = 60_000;

type OrgReader = Pick<Prisma.TransactionClient, 'org'>;

export type DevUser = Pick<Actor, 'username' | 'displayName' | 'role'>;

@Injectable()
export class OrgRepository {
  private cached: { tree: Promise<OrgTree>; until: number } | null = null;

  constructor(private readonly prisma: PrismaService) {}

  /**
   * The tree is a few dozen rows at most; read whole so rules can walk it without more queries. Nothing
   * in the product writes it (the organisation's chart is loaded with its users, by the seed or an
   * import), and almost every request and commit walks it: one read serves a process for a while.
   * Inside a transaction, pass it: a read there must use the transaction's connection, or commits holding
   * every connection of the pool would each wait for one more.
   */
  tree(client: OrgReader = this.prisma): Promise<OrgTree> {
    const now = Date.now();
    if (!this.cached || now >= this.cached.until) {
      const tree = client.org.findMany({ orderBy: { code: 'asc' } }).then((rows) => new OrgTree(rows));
      this.cached = { tree, until: now + ORG_TREE_TTL_MS };
      // A failed read is not kept: the next call reads again.
      tree.catch(() => {
        if (this.cached?.tree === tree) this.cached = null;
      });
    }
    return this.cached.tree;
  }

  /** How many seats the council of an organisation has: the threshold counts against all of them. */
  councilSize(orgCode: string): Promise<number> {
    return this.prisma.user.count({ where: { orgCode, councilSeat: { not: null } } });
  }

  /** Usernames of the reviewers of an organisation (the people a level of its kind waits on). */
  async reviewersOf(orgCode: string): Promise<string[]> {
    const users = await this.prisma.user.findMany({ where: { orgCode, role: 'REVIEWER' }, select: { username: true }, orderBy: { username: 'asc' } });
    return users.map((u) => u.username);
  }

  async users(): Promise<DevUser[]> {
    return this.prisma.user.findMany({ select: { username: true, displayName: true, role: true }, orderBy: { username: 'asc' } });
  }

  async findUser(username: string): Promise<Actor | null> {
    return this.prisma.user.findUnique({
      where: { username },
      select: { username: true, displayName: true, role: true, orgCode: true, councilSeat: true },
    });
  }
}

import { Injectable } from '@nestjs/common';
import { OrgTree, type Actor } from '../domain/access-policy';
import { PrismaService } from './prisma.service';

export type DevUser = Pick<Actor, 'username' | 'displayName' | 'role'>;

@Injectable()
export class OrgRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The tree is a few dozen rows at most; read whole so rules can walk it without more queries. */
  async tree(): Promise<OrgTree> {
    return new OrgTree(await this.prisma.org.findMany({ orderBy: { code: 'asc' } }));
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

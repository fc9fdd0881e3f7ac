import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';

@Injectable()
export class NotificationRepository {
  constructor(private readonly prisma: PrismaService) {}

  listFor(username: string, limit = 100) {
    return this.prisma.notification.findMany({
      where: { username },
      orderBy: [{ createdAt: 'desc' }, { seq: 'desc' }],
      take: limit,
    });
  }

  async markRead(username: string, id: string): Promise<boolean> {
    const { count } = await this.prisma.notification.updateMany({
      where: { id, username, readAt: null },
      data: { readAt: new Date() },
    });
    return count > 0;
  }

  /** Notifications a transition caused that have not been mailed yet, with their recipients' addresses. */
  async unmailed(nominationId: string, seq: number) {
    const rows = await this.prisma.notification.findMany({ where: { nominationId, seq, emailedAt: null } });
    const users = await this.prisma.user.findMany({
      where: { username: { in: rows.map((r) => r.username) } },
      select: { username: true, email: true, displayName: true },
    });
    return rows.flatMap((row) => {
      const user = users.find((u) => u.username === row.username);
      return user ? [{ ...row, email: user.email, displayName: user.displayName }] : [];
    });
  }

  async markEmailed(id: string): Promise<void> {
    await this.prisma.notification.update({ where: { id }, data: { emailedAt: new Date() } });
  }
}

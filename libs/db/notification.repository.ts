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
}

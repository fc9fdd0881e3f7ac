import { Injectable } from '@nestjs/common';
import type { Level } from '../domain/levels';
import { PrismaService } from './prisma.service';

@Injectable()
export class DelegationRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(data: { delegator: string; deputy: string; level: Level; orgCode: string; fromDay: string; toDay: string }) {
    return this.prisma.delegation.create({ data });
  }

  findById(id: string) {
    return this.prisma.delegation.findUnique({ where: { id } });
  }

  /** Those the user gave and those they received, latest period first. */
  async of(username: string) {
    const orderBy = [{ fromDay: 'desc' as const }, { createdAt: 'desc' as const }];
    const [given, received] = await Promise.all([
      this.prisma.delegation.findMany({ where: { delegator: username }, orderBy }),
      this.prisma.delegation.findMany({ where: { deputy: username }, orderBy }),
    ]);
    return { given, received };
  }

  /** Decisions already taken under it keep both names; only future ones lose it. */
  async remove(id: string): Promise<void> {
    await this.prisma.delegation.deleteMany({ where: { id } });
  }

  /** The delegations `deputy` holds on `day` (Hà Nội date), at any level, newest first. */
  inForce(deputy: string, day: string) {
    return this.prisma.delegation.findMany({ where: { deputy, fromDay: { lte: day }, toDay: { gte: day } }, orderBy: { createdAt: 'desc' } });
  }
}

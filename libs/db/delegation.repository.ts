import { Injectable } from '@nestjs/common';
import type { Level } from '../domain/levels';
import { PrismaService } from './prisma.service';

@Injectable()
export class DelegationRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(data: { delegator: string; deputy: string; level: Level; orgCode: string; fromDay: string; toDay: string }) {
    return this.prisma.delegation.create({ data });
  }

  /** The delegation, if any, that lets `deputy` act for `orgCode` at `level` on `day` (Hà Nội date). */
  activeFor(deputy: string, level: Level, orgCode: string, day: string) {
    return this.prisma.delegation.findFirst({
      where: { deputy, level, orgCode, fromDay: { lte: day }, toDay: { gte: day } },
      orderBy: { createdAt: 'desc' },
    });
  }
}

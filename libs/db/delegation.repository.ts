import { Injectable } from '@nestjs/common';
import type { Level } from '../domain/levels';
import { recordAudit } from './audit.repository';
import { PrismaService } from './prisma.service';

// A revoked delegation stays on record, ended; it gives no right any more and is listed no more.
const notRevoked = { endedAt: null };
const VIEW = { id: true, delegator: true, deputy: true, level: true, orgCode: true, fromDay: true, toDay: true, createdAt: true } as const;

@Injectable()
export class DelegationRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(data: { delegator: string; deputy: string; level: Level; orgCode: string; fromDay: string; toDay: string }) {
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.delegation.create({ data, select: VIEW });
      const { delegator, ...details } = data;
      await recordAudit(tx, { actor: delegator, action: 'DELEGATION_GIVEN', subject: `delegation:${created.id}`, details });
      return created;
    });
  }

  findById(id: string) {
    return this.prisma.delegation.findFirst({ where: { id, ...notRevoked }, select: VIEW });
  }

  /** Those the user gave and those they received, latest period first. */
  async of(username: string) {
    const orderBy = [{ fromDay: 'desc' as const }, { createdAt: 'desc' as const }];
    const [given, received] = await Promise.all([
      this.prisma.delegation.findMany({ where: { delegator: username, ...notRevoked }, orderBy, select: VIEW }),
      this.prisma.delegation.findMany({ where: { deputy: username, ...notRevoked }, orderBy, select: VIEW }),
    ]);
    return { given, received };
  }

  /** Ends it, kept on record: decisions already taken under it keep both names; only future ones lose it. */
  async revoke(id: string, actor: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.delegation.updateMany({ where: { id, ...notRevoked }, data: { endedAt: new Date(), endedBy: actor } });
      if (count === 1) await recordAudit(tx, { actor, action: 'DELEGATION_REVOKED', subject: `delegation:${id}`, details: {} });
    });
  }

  /** The delegations `deputy` holds on `day` (Hà Nội date), at any level, newest first. */
  inForce(deputy: string, day: string) {
    return this.prisma.delegation.findMany({
      where: { deputy, fromDay: { lte: day }, toDay: { gte: day }, ...notRevoked },
      orderBy: { createdAt: 'desc' },
      select: VIEW,
    });
  }
}

import { Injectable } from '@nestjs/common';
import { API_MESSAGES } from '../domain/api-messages';
import { awardOf } from '../domain/nomination-catalogue';
import type { DomainError } from '../domain/errors';
import type { Prisma } from './generated/client';
import { PrismaService } from './prisma.service';

type Tx = Prisma.TransactionClient;

/**
 * Places under an award's cap (e.g. CSTĐ cơ sở ≤ 15% of the unit's LĐTT for the year, rounded down).
 * A transaction-scoped advisory lock per (unit, award, year) serialises claimants, so two approvals
 * racing for the last place cannot both win; a claim is keyed by nomination, so a retry is a no-op.
 */
@Injectable()
export class QuotaRepository {
  constructor(private readonly prisma: PrismaService) {}

  claim(nominationId: string): Promise<DomainError | null> {
    return this.prisma.$transaction((tx) => this.claimIn(tx, nominationId));
  }

  async claimIn(tx: Tx, nominationId: string): Promise<DomainError | null> {
    const nomination = await tx.nomination.findUniqueOrThrow({ where: { id: nominationId } });
    const quota = awardOf(nomination).quota;
    if (!quota) return null;
    const { unitCode, awardCode, year } = nomination;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`quota:${unitCode}:${awardCode}:${year}`}))`;
    if (await tx.quotaClaim.findUnique({ where: { nominationId } })) return null;
    const base = await tx.awardHistory.count({ where: { unitCode, awardCode: quota.of, year, revokedAt: null } });
    const cap = Math.floor(base * quota.fraction + 1e-9);
    const used = await tx.quotaClaim.count({ where: { unitCode, awardCode, year } });
    if (used >= cap) {
      const unit = (await tx.org.findUnique({ where: { code: unitCode }, select: { code: true, name: true } })) ?? { code: unitCode, name: unitCode };
      return {
        code: 'QUOTA_EXCEEDED',
        message: API_MESSAGES.nomination.quotaExhausted({ unit, awardCode, year, cap, percent: Math.round(quota.fraction * 100), base, of: quota.of }),
        details: [{ path: 'quota', message: API_MESSAGES.nomination.quotaUsage(cap, used) }],
      };
    }
    await tx.quotaClaim.create({ data: { nominationId, unitCode, awardCode, year } });
    return null;
  }
}

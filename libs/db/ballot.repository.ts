import { Injectable } from '@nestjs/common';
import { catalogueVersion, type CouncilRule } from '../domain/award-catalogue';
import { votePasses, voteMinutes } from '../domain/council-vote';
import type { DomainError } from '../domain/errors';
import type { Level } from '../domain/levels';
import type { Tally } from '../domain/nomination-machine';
import { recordAudit } from './audit.repository';
import type { Prisma } from './generated/client';
import { isUniqueViolation } from './nomination.repository';
import { PrismaService } from './prisma.service';
import { QuotaRepository } from './quota.repository';

type Tx = Prisma.TransactionClient;

export interface BallotStatus {
  level: Level;
  membersTotal: number;
  votesCast: number;
  closed: boolean;
}

export interface BallotResult {
  error: DomainError | null;
  passed: boolean;
  tally: Tally;
  minutes: string;
}

export interface CouncilSession {
  nominationId: string;
  level: Level;
  membersTotal: number;
  rule: CouncilRule;
}

/**
 * A secret ballot: who voted (voters) and the counts (vote_sessions) are kept apart, so no row
 * ever says how a member voted. The session row is locked for each vote and for the close, so a
 * vote arriving as the chair closes is either counted or refused, never lost.
 */
@Injectable()
export class BallotRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly quotas: QuotaRepository,
  ) {}

  async status(nominationId: string, level: Level, membersTotal: number): Promise<BallotStatus> {
    const session = await this.prisma.voteSession.findUnique({ where: { nominationId_level: { nominationId, level } } });
    return {
      level,
      membersTotal: session?.membersTotal ?? membersTotal,
      votesCast: (session?.votesFor ?? 0) + (session?.votesAgainst ?? 0),
      closed: !!session?.closedAt,
    };
  }

  async cast(session: CouncilSession, username: string, vote: 'FOR' | 'AGAINST', requestId: string): Promise<BallotStatus | DomainError> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const locked = await this.lock(tx, session);
        if (locked.closedAt) return { code: 'INVALID_STATE', message: 'Hội đồng đã kết thúc biểu quyết' } satisfies DomainError;
        await tx.voter.create({ data: { nominationId: session.nominationId, level: session.level, username, requestId } });
        const updated = await tx.voteSession.update({
          where: { nominationId_level: { nominationId: session.nominationId, level: session.level } },
          data: vote === 'FOR' ? { votesFor: { increment: 1 } } : { votesAgainst: { increment: 1 } },
        });
        // That the member voted, as the voters table says; never how.
        await recordAudit(tx, { actor: username, action: 'VOTE_CAST', subject: `nomination:${session.nominationId}`, details: { level: session.level } });
        return { level: session.level, membersTotal: updated.membersTotal, votesCast: updated.votesFor + updated.votesAgainst, closed: false };
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const voter = await this.prisma.voter.findUniqueOrThrow({
        where: { nominationId_level_username: { nominationId: session.nominationId, level: session.level, username } },
      });
      // The same click again is answered alike; a second, different vote is refused.
      if (voter.requestId === requestId) return this.status(session.nominationId, session.level, session.membersTotal);
      return { code: 'INVALID_STATE', message: 'Thành viên đã bỏ phiếu cho hồ sơ này', details: [{ path: 'vote', message: 'already voted' }] };
    }
  }

  /** Closes and counts; when the vote passes at an award's deciding level, takes its quota place in the same transaction. */
  async close(nominationId: string, level: Level, closedBy: string, membersTotal: number, isLastLevel: boolean): Promise<BallotResult> {
    return this.prisma.$transaction(async (tx) => {
      const nomination = await tx.nomination.findUniqueOrThrow({ where: { id: nominationId } });
      const rule = catalogueVersion(nomination.catalogueVersion)?.awards.find((a) => a.code === nomination.awardCode)?.councils?.[level];
      if (!rule) throw new Error(`${nomination.awardCode} has no council at ${level}`);
      const session = await this.lock(tx, { nominationId, level, membersTotal, rule });
      const tally: Tally = { for: session.votesFor, against: session.votesAgainst, membersTotal: session.membersTotal, threshold: rule.threshold };
      if (session.closedAt) return { error: null, passed: !!session.passed, tally, minutes: session.minutes ?? '' };
      const passed = votePasses(session.votesFor, session.membersTotal, rule);
      if (passed && isLastLevel) {
        const error = await this.quotas.claimIn(tx, nominationId);
        if (error) return { error, passed, tally, minutes: '' };
      }
      const closedAt = new Date();
      const minutes = voteMinutes(level, tally, rule, passed, closedBy, closedAt);
      await tx.voteSession.update({
        where: { nominationId_level: { nominationId, level } },
        data: { closedAt, closedBy, passed, minutes },
      });
      return { error: null, passed, tally, minutes };
    });
  }

  private async lock(tx: Tx, s: CouncilSession) {
    await tx.voteSession.createMany({
      data: [{ nominationId: s.nominationId, level: s.level, membersTotal: s.membersTotal, threshold: s.rule.threshold, strict: s.rule.strict }],
      skipDuplicates: true,
    });
    await tx.$executeRaw`SELECT 1 FROM vote_sessions WHERE nomination_id = ${s.nominationId}::uuid AND level = ${s.level}::"Level" FOR UPDATE`;
    return tx.voteSession.findUniqueOrThrow({ where: { nominationId_level: { nominationId: s.nominationId, level: s.level } } });
  }
}

import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { API_MESSAGES } from '../domain/api-messages';
import type { CouncilRule } from '../domain/award-catalogue';
import { awardOf } from '../domain/nomination-catalogue';
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

const ALREADY_VOTED: DomainError = {
  code: 'INVALID_STATE',
  message: API_MESSAGES.council.alreadyVoted,
  details: [{ path: 'vote', message: API_MESSAGES.council.alreadyVotedDetail }],
};

/**
 * A secret ballot whose rows cannot be linked: who voted (voters) and the counts (vote_sessions) are
 * never written by the same transaction, so no transaction id, row or order ties a member to a vote.
 * A vote is written with its voter, as a pending row (ballot_votes) that a crash can neither lose nor
 * separate from the voter; a second transaction that records no voter then adds the pending votes to
 * the counts and deletes them. The session row is locked by both, and by the close (which adds what is
 * still pending), so a vote arriving as the chair closes is either counted or refused, never lost.
 */
@Injectable()
export class BallotRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly quotas: QuotaRepository,
  ) {}

  async status(nominationId: string, level: Level, membersTotal: number): Promise<BallotStatus> {
    const [session, votesCast] = await Promise.all([
      this.prisma.voteSession.findUnique({ where: { nominationId_level: { nominationId, level } } }),
      this.prisma.voter.count({ where: { nominationId, level } }),
    ]);
    return { level, membersTotal: session?.membersTotal ?? membersTotal, votesCast, closed: !!session?.closedAt };
  }

  async cast(session: CouncilSession, username: string, vote: 'FOR' | 'AGAINST', requestId: string): Promise<BallotStatus | DomainError> {
    const refused = await this.record(session, username, vote === 'FOR', requestId);
    if (refused) return refused;
    // Also after the same request again: its first attempt may have failed before counting.
    await this.prisma.$transaction(async (tx) => {
      await this.lockExisting(tx, session.nominationId, session.level);
      await this.count(tx, session.nominationId, session.level);
    });
    return this.status(session.nominationId, session.level, session.membersTotal);
  }

  /** The voter and their pending vote, together or not at all; null once recorded, now or by the same request before. */
  private async record(session: CouncilSession, username: string, inFavour: boolean, requestId: string): Promise<DomainError | null> {
    const { nominationId, level } = session;
    try {
      return await this.prisma.$transaction(async (tx) => {
        const locked = await this.lock(tx, session);
        if (locked.closedAt) return { code: 'INVALID_STATE', message: API_MESSAGES.council.voteClosed } satisfies DomainError;
        await tx.voter.create({ data: { nominationId, level, username, requestId } });
        await tx.ballotVote.create({ data: { id: randomUUID(), nominationId, level, inFavour } });
        // That the member voted, as the voters table says; never how.
        await recordAudit(tx, { actor: username, action: 'VOTE_CAST', subject: `nomination:${nominationId}`, details: { level } });
        return null;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const voter = await this.prisma.voter.findUniqueOrThrow({ where: { nominationId_level_username: { nominationId, level, username } } });
      // The same click again is answered alike; a second, different vote is refused.
      return voter.requestId === requestId ? null : ALREADY_VOTED;
    }
  }

  /**
   * Adds the pending votes to the session's counts and deletes them, under the session's lock; the
   * counts afterwards. Run by a transaction that records no voter: the cast's second one, or the close.
   */
  private async count(tx: Tx, nominationId: string, level: Level): Promise<{ votesFor: number; votesAgainst: number }> {
    const pending = await tx.$queryRaw<{ in_favour: boolean }[]>`
      DELETE FROM ballot_votes WHERE nomination_id = ${nominationId}::uuid AND level = ${level}::"Level" RETURNING in_favour`;
    const where = { nominationId_level: { nominationId, level } };
    if (pending.length === 0) return tx.voteSession.findUniqueOrThrow({ where });
    const votesFor = pending.filter((p) => p.in_favour).length;
    return tx.voteSession.update({ where, data: { votesFor: { increment: votesFor }, votesAgainst: { increment: pending.length - votesFor } } });
  }

  /** Closes and counts; when the vote passes at an award's deciding level, takes its quota place in the same transaction. */
  async close(nominationId: string, level: Level, closedBy: string, membersTotal: number, isLastLevel: boolean): Promise<BallotResult> {
    return this.prisma.$transaction(async (tx) => {
      const nomination = await tx.nomination.findUniqueOrThrow({ where: { id: nominationId } });
      const rule = awardOf(nomination).councils?.[level];
      if (!rule) throw new Error(`${nomination.awardCode} has no council at ${level}`);
      const session = await this.lock(tx, { nominationId, level, membersTotal, rule });
      const counted = session.closedAt ? session : await this.count(tx, nominationId, level);
      const tally: Tally = { for: counted.votesFor, against: counted.votesAgainst, membersTotal: session.membersTotal, threshold: rule.threshold };
      if (session.closedAt) return { error: null, passed: !!session.passed, tally, minutes: session.minutes ?? '' };
      const passed = votePasses(counted.votesFor, session.membersTotal, rule);
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
    await this.lockExisting(tx, s.nominationId, s.level);
    return tx.voteSession.findUniqueOrThrow({ where: { nominationId_level: { nominationId: s.nominationId, level: s.level } } });
  }

  private async lockExisting(tx: Tx, nominationId: string, level: Level): Promise<void> {
    await tx.$executeRaw`SELECT 1 FROM vote_sessions WHERE nomination_id = ${nominationId}::uuid AND level = ${level}::"Level" FOR UPDATE`;
  }
}

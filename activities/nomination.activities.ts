import { ApplicationFailure } from '@temporalio/activity';
import { isTransientDbError } from '../libs/db/db-errors';
import { isUniqueViolation, type NominationRepository } from '../libs/db/nomination.repository';
import type { CommandRef } from '../libs/domain/command-fingerprint';
import { PERSISTENCE_FAILED, type DomainError } from '../libs/domain/errors';
import type { Transition } from '../libs/domain/nomination-machine';

export interface NominationActivityDeps {
  nominations: NominationRepository;
}

export interface CommitInput {
  transition: Transition;
  request?: CommandRef;
  claimQuota?: boolean;
}

/**
 * Activities over injected repositories. Temporal may run each more than once, so every one is
 * idempotent: a transition is keyed by (nomination, seq).
 */
export function createNominationActivities({ nominations }: NominationActivityDeps) {
  /** Transient database trouble is retried by Temporal; anything else fails once, for good. */
  const permanent = (error: unknown): never => {
    if (isTransientDbError(error)) throw error;
    throw ApplicationFailure.nonRetryable(error instanceof Error ? error.message : String(error), PERSISTENCE_FAILED);
  };

  return {
    /** The one durable write of a transition; the workflow adopts the transition only once it returns null. */
    async commitTransition({ transition, request, claimQuota }: CommitInput): Promise<DomainError | null> {
      const commit = () => nominations.commit(transition, { request, claimQuota });
      try {
        return await commit();
      } catch (error) {
        // An earlier attempt of this very commit may have won the race for the sequence number: look again.
        if (isUniqueViolation(error)) return commit().catch(permanent);
        return permanent(error);
      }
    },

    /** For workflows started before the durable-write shape, which persist after adopting a transition. */
    async persistTransition(transition: Transition): Promise<void> {
      await nominations.applyTransition(transition).catch(permanent);
    },

    /**
     * Kept for the workflows that started before the outbox and still schedule it: their emails are
     * now queued with the transition and sent by the outbox dispatcher, so there is nothing left to do.
     */
    async deliverEmails(_ref: { nominationId: string; seq: number }): Promise<number> {
      return 0;
    },
  };
}

export type NominationActivities = ReturnType<typeof createNominationActivities>;

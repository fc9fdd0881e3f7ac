import type { NominationRepository } from '../libs/db/nomination.repository';
import type { Transition } from '../libs/domain/nomination-machine';

export interface NominationActivityDeps {
  nominations: NominationRepository;
}

/**
 * Activities over injected repositories. Temporal may run each more than once, so every one is
 * idempotent: the transition is keyed by (nomination, seq), each mail is marked once sent.
 */
export function createNominationActivities({ nominations }: NominationActivityDeps) {
  return {
    async persistTransition(transition: Transition): Promise<void> {
      await nominations.applyTransition(transition);
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

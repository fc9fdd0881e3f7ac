import type { NominationRepository } from '../libs/db/nomination.repository';
import type { NotificationRepository } from '../libs/db/notification.repository';
import type { Transition } from '../libs/domain/nomination-machine';
import type { MailerService } from '../libs/mail/mailer.service';

export interface NominationActivityDeps {
  nominations: NominationRepository;
  notifications: NotificationRepository;
  mailer: MailerService;
}

/**
 * Activities over injected repositories. Temporal may run each more than once, so every one is
 * idempotent: the transition is keyed by (nomination, seq), each mail is marked once sent.
 */
export function createNominationActivities({ nominations, notifications, mailer }: NominationActivityDeps) {
  return {
    async persistTransition(transition: Transition): Promise<void> {
      await nominations.applyTransition(transition);
    },

    async deliverEmails(ref: { nominationId: string; seq: number }): Promise<number> {
      if (!mailer.enabled) return 0;
      let sent = 0;
      for (const n of await notifications.unmailed(ref.nominationId, ref.seq)) {
        await mailer.send({ to: n.email, subject: n.title, text: `Kính gửi ${n.displayName},\n\n${n.body}\n\nHệ thống Thi đua - Khen thưởng, Sở Công Thương Hà Nội` });
        await notifications.markEmailed(n.id);
        sent += 1;
      }
      return sent;
    },
  };
}

export type NominationActivities = ReturnType<typeof createNominationActivities>;

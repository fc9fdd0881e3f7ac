import type { OrgTree } from '../domain/access-policy';
import type { Transition } from '../domain/nomination-machine';
import { emailDeliveries, inAppNotifications, recipientsOf, type NotificationSettings, type Recipients } from '../domain/notification-policy';
import { notificationContext, notificationText, type NotifiedNomination } from '../domain/notification-text';
import type { Prisma } from './generated/client';

type Tx = Prisma.TransactionClient;

/** Injection token of the `NotificationSettings` the configuration gives. */
export const NOTIFICATION_SETTINGS = Symbol('NOTIFICATION_SETTINGS');

/**
 * Writes the notifications of a transition in its own transaction, as the domain words and addresses them;
 * with email on, the emails join the outbox there too and the dispatcher sends them afterwards.
 */
export async function writeNotifications(tx: Tx, t: Transition, nomination: NotifiedNomination, tree: OrgTree, settings: NotificationSettings): Promise<void> {
  const context = notificationContext(t, nomination, tree);
  for (const intent of t.notify) {
    const usernames = await usernamesOf(tx, t.nominationId, recipientsOf(intent, nomination.unitCode, tree));
    const text = notificationText(intent.kind, context);
    await tx.notification.createMany({ data: inAppNotifications(t, intent.kind, usernames, text), skipDuplicates: true });
    if (settings.email) {
      const contacts = await tx.user.findMany({
        where: { username: { in: usernames }, active: true },
        select: { username: true, email: true, displayName: true },
      });
      await tx.delivery.createMany({ data: emailDeliveries(t, intent.kind, contacts, text), skipDuplicates: true });
    }
  }
}

/** Who a transition tells: people who left the organisation (deactivated) are told nothing more. */
async function usernamesOf(tx: Tx, nominationId: string, { usernames, role, assigneeOf }: Recipients): Promise<string[]> {
  const holders = role ? await tx.user.findMany({ where: { ...role, active: true }, select: { username: true }, orderBy: { username: 'asc' } }) : [];
  const assigned = assigneeOf ? await tx.levelAssignment.findUnique({ where: { nominationId_level: { nominationId, level: assigneeOf } } }) : null;
  return [...new Set([...usernames, ...holders.map((u) => u.username), ...(assigned ? [assigned.reviewer] : [])])];
}

import type { OrgTree, Role } from './access-policy';
import type { Level } from './levels';
import type { NotificationKind, NotifyIntent, Transition } from './nomination-machine';
import { emailText } from './notification-text';

/** What the deployment lets notifications do beyond the in-app list, taken from the parsed configuration. */
export interface NotificationSettings {
  /** Each notification also goes by email, through the outbox. */
  email: boolean;
}

/**
 * Whom one notification reaches: users named outright, everyone holding a role (in one organisation,
 * when it names one), and whoever an admin assigned a level of the nomination to.
 */
export interface Recipients {
  usernames: string[];
  role?: { role: Role; orgCode?: string };
  assigneeOf?: Level;
}

/**
 * The audience of an intent in the organisation chart. A level with no reviewing organisation above the
 * unit has no reviewers to tell; its assignee, if an admin named one, still hears.
 */
export function recipientsOf(intent: NotifyIntent, unitCode: string, tree: OrgTree): Recipients {
  if (intent.username) return { usernames: [intent.username] };
  if (intent.audience === 'ADMINS') return { usernames: [], role: { role: 'ADMIN' } };
  if (intent.audience === 'CLERKS') return { usernames: [], role: { role: 'CLERK', orgCode: unitCode } };
  const reviewing = intent.level && tree.reviewingOrg(unitCode, intent.level);
  if (intent.audience === 'SUPERVISORS') {
    // The top level has no one above it: its own reviewers are the ones to stir.
    const above = reviewing ? (reviewing.parentCode ?? reviewing.code) : undefined;
    return { usernames: [], ...(above && { role: { role: 'REVIEWER', orgCode: above } }) };
  }
  return {
    usernames: [],
    ...(reviewing && { role: { role: 'REVIEWER', orgCode: reviewing.code } }),
    // A reviewer an admin assigned to the level hears what its own reviewers hear.
    ...(intent.audience === 'LEVEL_REVIEWERS' && intent.level && { assigneeOf: intent.level }),
  };
}

export interface NotificationText {
  title: string;
  body: string;
}

/** The in-app notifications of one intent: one per recipient, keyed by the transition so a retry adds none. */
export function inAppNotifications(t: Transition, kind: NotificationKind, usernames: string[], text: NotificationText) {
  return usernames.map((username) => ({ username, nominationId: t.nominationId, seq: t.seq, kind, title: text.title, body: text.body }));
}

export interface Contact {
  username: string;
  email: string;
  displayName: string;
}

/** The outbox rows of one intent: an email to each recipient who has an address, addressed by name. */
export function emailDeliveries(t: Transition, kind: NotificationKind, contacts: Contact[], text: NotificationText) {
  return contacts.flatMap(({ username, email, displayName }) =>
    email
      ? [
          {
            channel: 'EMAIL',
            nominationId: t.nominationId,
            seq: t.seq,
            kind,
            recipient: username,
            address: email,
            subject: text.title,
            body: emailText(displayName, text.body),
          },
        ]
      : [],
  );
}

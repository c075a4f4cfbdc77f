import {
  linkActionsFor,
  renderDigest,
  renderNotification,
  signActionToken,
  type DigestEntry,
  type LinkAction,
  type Locale,
  type NotificationFacts,
  type RenderedMail,
} from '@plancycle/notifications';
import type { NotificationRecord } from '@plancycle/persistence';

/** A link keeps working at least this long, even in a message sent after its task fell due. */
const LINK_MIN_LIFETIME_MS = 72 * 60 * 60 * 1000;

export interface LinkSettings {
  publicUrl: string;
  linkSecret: string;
}

/** What a daily digest stores: its entries rendered when it was recorded. */
export interface DigestFacts {
  kind: 'digest';
  recipientName: string;
  day: string;
  entries: DigestEntry[];
}

/**
 * The message of a recorded notification. Rendering is deterministic (tokens carry no issue time),
 * so a retried delivery sends the same message with the same links.
 */
export function composeMail(notification: NotificationRecord, links: LinkSettings): RenderedMail {
  if (notification.kind === 'digest') {
    const facts = notification.facts as unknown as DigestFacts;
    return renderDigest({ recipientName: facts.recipientName, locale: notification.locale, day: facts.day, entries: facts.entries });
  }
  const facts = notification.facts as unknown as NotificationFacts;
  const urls = Object.fromEntries(linkActionsFor(facts).map((action) => [action, actionUrl(notification, facts, action, links)]));
  return renderNotification({ facts, locale: notification.locale, links: urls });
}

/** The digest line of a notification: its subject, and the link that opens its task. */
export function digestEntryOf(notification: NotificationRecord, locale: Locale, links: LinkSettings): DigestEntry {
  const facts = notification.facts as unknown as NotificationFacts;
  return {
    subject: renderNotification({ facts, locale, links: {} }).subject,
    url: facts.task ? actionUrl(notification, facts, 'open', links) : null,
    dueAt: facts.task?.dueAt ?? null,
  };
}

/** `{publicUrl}/api/actions/{token}`: the token names the recipient, the task, the action and the version. */
function actionUrl(notification: NotificationRecord, facts: NotificationFacts, action: LinkAction, links: LinkSettings): string {
  if (!facts.task) throw new Error(`Notification ${notification.id} has no task to link to.`);
  const expiresAt = new Date(Math.max(Date.parse(facts.task.dueAt), Date.parse(notification.createdAt) + LINK_MIN_LIFETIME_MS));
  const token = signActionToken({ userId: notification.recipientUserId, taskId: facts.task.id, action, version: facts.plan.version, expiresAt }, links.linkSecret);
  return `${links.publicUrl.replace(/\/+$/, '')}/api/actions/${token}`;
}

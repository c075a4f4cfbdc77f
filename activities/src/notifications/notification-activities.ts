import { ApplicationFailure, Context } from '@temporalio/activity';
import type { DataSource } from 'typeorm';
import type { Mailer } from '@plancycle/mail';
import { messageIdFor } from '@plancycle/notifications';
import { MailSettingsRepository, NotificationRepository, RecipientRepository } from '@plancycle/persistence';
import type { NotificationActivities } from '@plancycle/workflows';
import { composeMail, digestEntryOf, type DigestFacts, type LinkSettings } from './compose-mail';

export interface NotificationSettings extends LinkSettings {
  mailer: Mailer;
  /** The sender of provinces that have not set their own. */
  defaultFrom: string;
  /** The domain of Message-IDs. */
  mailDomain: string;
}

/** Digests cover what was recorded before 07:00 Vietnam time of their day (UTC+7, no daylight saving). */
const digestCutoff = (day: string) => new Date(`${day}T07:00:00+07:00`);

/**
 * Sends what the outbox holds. Every message is claimed (its attempt counted), sent, then marked
 * sent; one that fails keeps its error for admins and the activity fails after trying the rest, so
 * Temporal retries it with backoff and the retry sends only what is still unsent.
 */
export function createNotificationActivities(dataSource: DataSource, settings: NotificationSettings): NotificationActivities {
  const notifications = new NotificationRepository(dataSource);
  const senders = new MailSettingsRepository(dataSource);

  /** True when this call sent it; false when it was sent before or waits for a digest. */
  async function deliverOne(id: string): Promise<boolean> {
    const notification = await notifications.claimForSending(id);
    if (!notification) return false;
    const sender = await senders.find(notification.provinceCode);
    const mail = composeMail(notification, settings);
    await whileHeartbeating(
      settings.mailer.send({
        ...mail,
        from: sender?.fromAddress ?? settings.defaultFrom,
        replyTo: sender?.replyTo ?? undefined,
        to: notification.recipientEmail,
        messageId: notification.messageId,
      }),
    );
    await notifications.markSent(id);
    return true;
  }

  async function deliverAll(ids: readonly string[]): Promise<number> {
    let sent = 0;
    const failures: string[] = [];
    for (const id of ids) {
      try {
        if (await deliverOne(id)) sent += 1;
      } catch (error) {
        const reason = describe(error);
        // A recipient refused for good (550 at RCPT TO: no such mailbox) will not get better with
        // retries, and must not hold the plan's workflow open; anything else may, so it is retried.
        if (isRecipientRejected(error)) await notifications.markRejected(id, reason);
        else {
          await notifications.markFailed(id, reason);
          failures.push(reason);
        }
      }
    }
    if (failures.length > 0) {
      throw ApplicationFailure.retryable(`${failures.length}/${ids.length} thư chưa gửi được: ${failures[0]}`, 'MAIL_NOT_SENT');
    }
    return sent;
  }

  return {
    async deliverNotifications({ ids }) {
      return { sent: await deliverAll(ids) };
    },

    async sendDailyDigests({ day }) {
      const cutoff = digestCutoff(day);
      for (const userId of await notifications.listDigestRecipients(cutoff)) {
        await recordDigest(userId, day, cutoff);
      }
      // Also those recorded by an earlier attempt that failed to send them.
      return { digests: await deliverAll(await notifications.listPendingDigests(day)) };
    },
  };

  /** One user's digest and the entries it covers, in one transaction: an entry is in exactly one digest. */
  async function recordDigest(userId: string, day: string, cutoff: Date): Promise<void> {
    await dataSource.transaction(async (manager) => {
      const outbox = new NotificationRepository(manager);
      const entries = await outbox.listDigestEntries(userId, cutoff);
      const recipient = await new RecipientRepository(manager).find(userId);
      if (entries.length === 0 || !recipient) return;
      const id = `digest|${day}|${userId}`;
      const facts: DigestFacts = {
        kind: 'digest',
        recipientName: recipient.fullName,
        day,
        entries: entries.map((entry) => digestEntryOf(entry, recipient.locale, settings)),
      };
      await outbox.record([
        {
          id,
          provinceCode: entries[0].provinceCode,
          cycleId: null,
          planId: null,
          taskId: null,
          kind: 'digest',
          recipientUserId: userId,
          recipientEmail: recipient.email,
          locale: recipient.locale,
          delivery: 'immediate',
          facts: facts as unknown as Record<string, unknown>,
          messageId: messageIdFor(id, settings.mailDomain),
        },
      ]);
      await outbox.markDigested(
        entries.map((entry) => entry.id),
        id,
      );
    });
  }
}

/** Keeps the activity's heartbeat going while a slow SMTP exchange runs, so a dead worker is noticed in seconds. */
async function whileHeartbeating<T>(work: Promise<T>): Promise<T> {
  const context = Context.current();
  context.heartbeat();
  const timer = setInterval(() => context.heartbeat(), 1_000);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}

function isRecipientRejected(error: unknown): boolean {
  const { command, responseCode } = (error ?? {}) as { command?: string; responseCode?: number };
  return command === 'RCPT TO' && typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const response = (error as Error & { response?: string }).response;
    return response ? `${error.message} (${response})` : error.message;
  }
  return String(error);
}

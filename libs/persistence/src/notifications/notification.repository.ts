import type { DataSource, EntityManager } from 'typeorm';
import type { NotificationRecord, RecordNotificationInput } from './notification-record';

interface NotificationRow {
  id: string;
  province_code: string;
  cycle_id: string | null;
  plan_id: string | null;
  task_id: string | null;
  kind: string;
  recipient_user_id: string;
  recipient_email: string;
  locale: NotificationRecord['locale'];
  delivery: NotificationRecord['delivery'];
  facts: Record<string, unknown>;
  message_id: string;
  state: NotificationRecord['state'];
  attempts: number;
  last_attempt_at: Date | null;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
  digest_id: string | null;
}

function toRecord(row: NotificationRow): NotificationRecord {
  return {
    id: row.id,
    provinceCode: row.province_code,
    cycleId: row.cycle_id,
    planId: row.plan_id,
    taskId: row.task_id,
    kind: row.kind,
    recipientUserId: row.recipient_user_id,
    recipientEmail: row.recipient_email,
    locale: row.locale,
    delivery: row.delivery,
    facts: row.facts,
    messageId: row.message_id,
    state: row.state,
    attempts: row.attempts,
    lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
    digestId: row.digest_id,
  };
}

/** Longest error text kept: enough for an SMTP reply, not a stack trace. */
const ERROR_MAX = 1000;

/**
 * The notification outbox. A notification is recorded once under its deterministic id (a retried
 * activity records nothing new), claimed before each send attempt and marked sent after: a
 * retried delivery finds it sent and sends nothing.
 */
export class NotificationRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Records what is not recorded yet; returns every id given, recorded now or before. */
  async record(inputs: readonly RecordNotificationInput[]): Promise<string[]> {
    for (const input of inputs) {
      await this.db.query(
        `INSERT INTO notifications (id, province_code, cycle_id, plan_id, task_id, kind, recipient_user_id, recipient_email, locale, delivery, facts, message_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (id) DO NOTHING`,
        [
          input.id,
          input.provinceCode,
          input.cycleId,
          input.planId,
          input.taskId,
          input.kind,
          input.recipientUserId,
          input.recipientEmail,
          input.locale,
          input.delivery,
          JSON.stringify(input.facts),
          input.messageId,
        ],
      );
    }
    return inputs.map((input) => input.id);
  }

  async findById(id: string): Promise<NotificationRecord | null> {
    const [row] = (await this.db.query(`SELECT * FROM notifications WHERE id = $1`, [id])) as NotificationRow[];
    return row ? toRecord(row) : null;
  }

  /**
   * Counts an attempt and returns the notification when it is still to be sent on its own; null
   * when it was sent already or waits for a digest. A crash after the send and before markSent
   * leaves it pending: the next attempt sends it again under the same Message-ID.
   */
  async claimForSending(id: string): Promise<NotificationRecord | null> {
    const [rows] = (await this.db.query(
      `UPDATE notifications SET attempts = attempts + 1, last_attempt_at = now()
       WHERE id = $1 AND state = 'pending' AND delivery = 'immediate'
       RETURNING *`,
      [id],
    )) as [NotificationRow[], number];
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async markSent(id: string): Promise<void> {
    await this.db.query(`UPDATE notifications SET state = 'sent', sent_at = now(), last_error = NULL WHERE id = $1 AND state = 'pending'`, [id]);
  }

  /** The server refused the recipient for good: no more attempts, and admins see why. */
  async markRejected(id: string, error: string): Promise<void> {
    await this.db.query(`UPDATE notifications SET state = 'failed', last_error = $2 WHERE id = $1 AND state = 'pending'`, [id, error.slice(0, ERROR_MAX)]);
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.db.query(`UPDATE notifications SET last_error = $2 WHERE id = $1 AND state = 'pending'`, [id, error.slice(0, ERROR_MAX)]);
  }

  /** Mail of the province not delivered (yet, or ever), oldest first: what an admin looks at when mail is stuck. */
  async listUndelivered(provinceCode: string, limit = 200): Promise<NotificationRecord[]> {
    const rows = (await this.db.query(
      `SELECT * FROM notifications WHERE province_code = $1 AND state IN ('pending', 'failed') ORDER BY created_at, id LIMIT $2`,
      [provinceCode, limit],
    )) as NotificationRow[];
    return rows.map(toRecord);
  }

  async listForPlan(planId: string): Promise<NotificationRecord[]> {
    const rows = (await this.db.query(`SELECT * FROM notifications WHERE plan_id = $1 ORDER BY created_at, id`, [planId])) as NotificationRow[];
    return rows.map(toRecord);
  }

  /** The reminders or escalations recorded for one rung of one task. */
  async listIdsForTaskStep(taskId: string, step: string): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT id FROM notifications WHERE task_id = $1 AND kind IN ('reminder', 'escalation') AND facts ->> 'step' = $2 ORDER BY id`,
      [taskId, step],
    )) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  /** Users with notifications waiting for their digest, recorded before `before`. */
  async listDigestRecipients(before: Date): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT DISTINCT recipient_user_id FROM notifications
       WHERE state = 'pending' AND delivery = 'digest' AND created_at < $1 ORDER BY recipient_user_id`,
      [before],
    )) as Array<{ recipient_user_id: string }>;
    return rows.map((row) => row.recipient_user_id);
  }

  /** What one user's digest lists: their waiting notifications recorded before `before`, oldest first. */
  async listDigestEntries(userId: string, before: Date): Promise<NotificationRecord[]> {
    const rows = (await this.db.query(
      `SELECT * FROM notifications
       WHERE recipient_user_id = $1 AND state = 'pending' AND delivery = 'digest' AND created_at < $2
       ORDER BY created_at, id`,
      [userId, before],
    )) as NotificationRow[];
    return rows.map(toRecord);
  }

  /** Digests of `day` recorded but not sent yet (an earlier attempt failed). */
  async listPendingDigests(day: string): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT id FROM notifications WHERE kind = 'digest' AND facts ->> 'day' = $1 AND state = 'pending' ORDER BY id`,
      [day],
    )) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  /** The entries went out in the digest `digestId`: they are done, and never listed again. */
  async markDigested(ids: readonly string[], digestId: string): Promise<void> {
    await this.db.query(
      `UPDATE notifications SET state = 'digested', sent_at = now(), digest_id = $2 WHERE id = ANY ($1::text[]) AND state = 'pending'`,
      [ids, digestId],
    );
  }
}

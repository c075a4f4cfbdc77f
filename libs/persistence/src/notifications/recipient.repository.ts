import type { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@plancycle/domain';
import { isUuid } from '../is-uuid';
import type { NotificationLocale, RecipientRecord } from './notification-record';

interface RecipientRow {
  id: string;
  full_name: string;
  email: string;
  locale: NotificationLocale;
  notify_digest: boolean;
}

const toRecord = (row: RecipientRow): RecipientRecord => ({
  userId: row.id,
  fullName: row.full_name,
  email: row.email,
  locale: row.locale,
  notifyDigest: row.notify_digest,
});

/** People as mail recipients: who holds a role on a unit, and how each wants their mail. */
export class RecipientRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Active users holding any of `roles` on the unit, each once, in a stable order. */
  async holdersOf(unitCode: string, roles: readonly Role[]): Promise<RecipientRecord[]> {
    const rows = (await this.db.query(
      `SELECT DISTINCT u.id, u.full_name, u.email, u.locale, u.notify_digest, u.username
       FROM users u JOIN user_roles r ON r.user_id = u.id
       WHERE r.unit_code = $1 AND r.role = ANY ($2::text[]) AND u.active
       ORDER BY u.username`,
      [unitCode, roles],
    )) as RecipientRow[];
    return rows.map(toRecord);
  }

  async find(userId: string): Promise<RecipientRecord | null> {
    if (!isUuid(userId)) return null;
    const [row] = (await this.db.query(`SELECT id, full_name, email, locale, notify_digest FROM users WHERE id = $1`, [userId])) as RecipientRow[];
    return row ? toRecord(row) : null;
  }

  async setPreferences(userId: string, preferences: { locale: NotificationLocale; notifyDigest: boolean }): Promise<RecipientRecord | null> {
    await this.db.query(`UPDATE users SET locale = $2, notify_digest = $3 WHERE id = $1`, [userId, preferences.locale, preferences.notifyDigest]);
    return this.find(userId);
  }
}

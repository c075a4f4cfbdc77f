import type { DataSource, EntityManager } from 'typeorm';
import type { MailSettingsRecord } from './notification-record';

/** Each province's sender and reply-to address for the mail PlanCycle sends on its behalf. */
export class MailSettingsRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  async find(provinceCode: string): Promise<MailSettingsRecord | null> {
    const [row] = (await this.db.query(`SELECT province_code, from_address, reply_to FROM province_mail_settings WHERE province_code = $1`, [
      provinceCode,
    ])) as Array<{ province_code: string; from_address: string; reply_to: string | null }>;
    return row ? { provinceCode: row.province_code, fromAddress: row.from_address, replyTo: row.reply_to } : null;
  }

  async save(settings: MailSettingsRecord, updatedBy: string | null): Promise<MailSettingsRecord> {
    await this.db.query(
      `INSERT INTO province_mail_settings (province_code, from_address, reply_to, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (province_code) DO UPDATE SET from_address = excluded.from_address, reply_to = excluded.reply_to,
         updated_by = excluded.updated_by, updated_at = now()`,
      [settings.provinceCode, settings.fromAddress, settings.replyTo, updatedBy],
    );
    return settings;
  }
}

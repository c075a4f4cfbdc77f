import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Email notifications (issue 4), an outbox: a notification is recorded in the same transaction as
 * the decision that causes it, under a deterministic id, then delivered by an activity that marks it
 * sent. `attempts` and `last_error` let an admin see mail that is not getting through.
 *
 * Also each user's language and digest preference, and each province's sender. (An action link
 * needs no table of its own: the decision it takes is audited under the link's request id.)
 */
export class Notifications1795510000000 implements MigrationInterface {
  name = 'Notifications1795510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE users
        ADD COLUMN locale text NOT NULL DEFAULT 'vi' CONSTRAINT users_locale_check CHECK (locale IN ('vi', 'en')),
        ADD COLUMN notify_digest boolean NOT NULL DEFAULT false`);

    await queryRunner.query(`
      CREATE TABLE province_mail_settings (
        province_code text PRIMARY KEY REFERENCES org_units (code),
        from_address text NOT NULL,
        reply_to text NULL,
        updated_by uuid NULL REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE notifications (
        id text PRIMARY KEY,
        province_code text NOT NULL REFERENCES org_units (code),
        cycle_id text NULL REFERENCES cycles (id),
        plan_id uuid NULL REFERENCES plans (id),
        task_id uuid NULL REFERENCES tasks (id),
        kind text NOT NULL,
        recipient_user_id uuid NOT NULL REFERENCES users (id),
        recipient_email text NOT NULL,
        locale text NOT NULL CONSTRAINT notifications_locale_check CHECK (locale IN ('vi', 'en')),
        -- 'digest': waits for the recipient's daily summary instead of going out on its own.
        delivery text NOT NULL CONSTRAINT notifications_delivery_check CHECK (delivery IN ('immediate', 'digest')),
        facts jsonb NOT NULL,
        message_id text NOT NULL CONSTRAINT notifications_message_id_key UNIQUE,
        -- 'failed': the SMTP server refused the recipient for good (a wrong address); shown to admins.
        state text NOT NULL DEFAULT 'pending' CONSTRAINT notifications_state_check CHECK (state IN ('pending', 'sent', 'digested', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        last_attempt_at timestamptz NULL,
        last_error text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz NULL,
        -- The digest message a 'digest' notification went out in.
        digest_id text NULL REFERENCES notifications (id),
        CONSTRAINT notifications_sent_check CHECK ((state IN ('pending', 'failed')) = (sent_at IS NULL))
      )`);
    // What an admin watches: mail not yet out, oldest first.
    await queryRunner.query(`CREATE INDEX notifications_pending_idx ON notifications (province_code, created_at) WHERE state IN ('pending', 'failed')`);
    await queryRunner.query(`CREATE INDEX notifications_digest_idx ON notifications (recipient_user_id) WHERE state = 'pending' AND delivery = 'digest'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notifications, province_mail_settings`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN notify_digest, DROP COLUMN locale`);
  }
}

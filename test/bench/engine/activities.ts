/**
 * The raw engine's activities (benchmark only): the least that recording and mailing an overdue task
 * takes, with none of PlanCycle's own work in the way. The engine worker starts before any part and
 * knows only Temporal, so the database and the SMTP server are named in each call.
 */
import { Pool } from 'pg';
import { createMailer, type Mailer } from '@plancycle/mail';

/** The raw side's escalation records, created by the part in the bench's own database. */
export const DEADLINE_TABLE = 'bench_deadlines';

// One pool per database, as large as the PlanCycle worker's (TypeORM's default is pg's 10).
const pools = new Map<string, Pool>();
const mailers = new Map<string, Mailer>();

export interface RecordDeadlineInput {
  databaseUrl: string;
  key: string;
}

/** One row stamped with now(), as the PlanCycle record's `fired_at` is; idempotent under retries. */
export async function recordDeadline({ databaseUrl, key }: RecordDeadlineInput): Promise<void> {
  let pool = pools.get(databaseUrl);
  if (!pool) pools.set(databaseUrl, (pool = new Pool({ connectionString: databaseUrl })));
  await pool.query(`INSERT INTO ${DEADLINE_TABLE} (key) VALUES ($1) ON CONFLICT (key) DO NOTHING`, [key]);
}

export interface SendDeadlineMailInput {
  smtpUrl: string;
  key: string;
  /** One message per address, one after another, as PlanCycle's delivery sends a rung's notices. */
  to: string[];
}

/** Sends with PlanCycle's own mailer (a fresh SMTP connection per message), so only the work around it differs. */
export async function sendDeadlineMail({ smtpUrl, key, to }: SendDeadlineMailInput): Promise<void> {
  let mailer = mailers.get(smtpUrl);
  if (!mailer) mailers.set(smtpUrl, (mailer = createMailer(smtpUrl, 'Bench <no-reply@plancycle.bench>')));
  for (const [index, address] of to.entries()) {
    await mailer.send({ to: address, subject: `Quá hạn: ${key}`, text: `Việc ${key} đã quá hạn.`, messageId: deadlineMessageId(key, index) });
  }
}

/** The Message-ID of the `index`-th message of a deadline, by which the part finds it at the SMTP server. */
export function deadlineMessageId(key: string, index: number): string {
  return `<${key.replace(/[^A-Za-z0-9.-]/g, '.')}.${index}@plancycle.bench>`;
}

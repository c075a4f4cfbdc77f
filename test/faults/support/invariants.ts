import { formatDocumentNumber } from '@plancycle/domain';
import type { DevSmtpServer } from '@plancycle/mail';
import type { DataSource } from 'typeorm';
import type { PlanningUnit } from './compressed-cycle';

/**
 * What a fault test checks once its cycle has closed: each a list of problems (empty when all is
 * well) and how many things were looked at, for the part's line of figures.
 */
export interface Checked {
  checked: number;
  problems: string[];
}

/** Where one unit's year ended: its plan, its number, its reports, its own workflow's stage. */
export interface UnitEndState {
  plan: string;
  versionInForce: number | null;
  documentNumber: string | null;
  reports: string[];
  stage: string;
}

/**
 * Where a diligent unit's year ends by the domain's rules (DOMAIN.md steps 4–11): its plan issued
 * as version 1 under its issuer's first number of the year, its four quarterly reports and its
 * annual report accepted by its leader, its workflow closed with the cycle.
 */
export function diligentEndState(unit: PlanningUnit): UnitEndState {
  return {
    plan: 'issued',
    versionInForce: 1,
    documentNumber: formatDocumentNumber(1, unit.documentSymbol),
    reports: ['annual:accepted', 'quarterly 1:accepted', 'quarterly 2:accepted', 'quarterly 3:accepted', 'quarterly 4:accepted'],
    stage: 'closed',
  };
}

/** Where each unit's year did end, read from the database, by unit code. */
export async function endStates(dataSource: DataSource, cycleId: string): Promise<Record<string, UnitEndState>> {
  const plans = (await dataSource.query(
    `SELECT p.unit_code, p.stage, p.version_in_force, v.document_number, cu.stage AS unit_stage
     FROM plans p
     JOIN cycle_units cu ON cu.cycle_id = p.cycle_id AND cu.unit_code = p.unit_code
     LEFT JOIN plan_versions v ON v.plan_id = p.id AND v.version = p.version_in_force
     WHERE p.cycle_id = $1 AND p.kind = 'unit'`,
    [cycleId],
  )) as Array<{ unit_code: string; stage: string; version_in_force: number | null; document_number: string | null; unit_stage: string }>;
  const reports = (await dataSource.query(
    `SELECT unit_code, kind || coalesce(' ' || quarter, '') || ':' || stage AS state FROM reports
     WHERE cycle_id = $1 AND kind IN ('quarterly', 'annual') ORDER BY 2`,
    [cycleId],
  )) as Array<{ unit_code: string; state: string }>;
  return Object.fromEntries(
    plans.map((row) => [
      row.unit_code,
      {
        plan: row.stage,
        versionInForce: row.version_in_force,
        documentNumber: row.document_number,
        reports: reports.filter((report) => report.unit_code === row.unit_code).map((report) => report.state),
        stage: row.unit_stage,
      },
    ]),
  );
}

/** The province's end of the year: the cycle, its provincial plan, its provincial report, tasks left open. */
export async function provincialEndState(dataSource: DataSource, cycleId: string) {
  const [row] = (await dataSource.query(
    `SELECT c.stage AS cycle,
            (SELECT p.stage FROM plans p WHERE p.cycle_id = c.id AND p.kind = 'provincial') AS "provincialPlan",
            (SELECT r.stage FROM reports r WHERE r.cycle_id = c.id AND r.kind = 'provincial') AS "provincialReport",
            (SELECT r.sent_at IS NOT NULL FROM reports r WHERE r.cycle_id = c.id AND r.kind = 'provincial') AS "sentToMinistry",
            (SELECT r.aggregate->'missingUnitCodes' FROM reports r WHERE r.cycle_id = c.id AND r.kind = 'provincial') AS "missingUnits",
            (SELECT count(*)::int FROM tasks t JOIN plans p ON p.id = t.plan_id WHERE p.cycle_id = c.id AND t.state = 'open') AS "openTasks"
     FROM cycles c WHERE c.id = $1`,
    [cycleId],
  )) as Array<Record<string, unknown>>;
  return row;
}

/**
 * Document numbers (DOMAIN.md step 6): per issuer and year, the numbers issued are exactly 1..n, no
 * number twice, and the issuer's counter stands at n, so no number was taken by an attempt that
 * then issued nothing.
 */
export async function documentNumberProblems(dataSource: DataSource, cycleId: string): Promise<Checked> {
  const issued = (await dataSource.query(
    `SELECT p.unit_code AS issuer, extract(year FROM v.issued_on)::int AS year, v.document_number
     FROM plan_versions v JOIN plans p ON p.id = v.plan_id
     WHERE p.cycle_id = $1 AND v.document_number IS NOT NULL`,
    [cycleId],
  )) as Array<{ issuer: string; year: number; document_number: string }>;
  const counters = (await dataSource.query(
    `SELECT issuer_code AS issuer, year, last_number FROM document_number_counters
     WHERE issuer_code IN (SELECT unit_code FROM plans WHERE cycle_id = $1)`,
    [cycleId],
  )) as Array<{ issuer: string; year: number; last_number: number }>;
  const problems: string[] = [];
  const issuers = new Set([...issued, ...counters].map((row) => `${row.issuer} ${row.year}`));
  for (const issuer of issuers) {
    const numbers = issued
      .filter((row) => `${row.issuer} ${row.year}` === issuer)
      .map((row) => Number.parseInt(row.document_number, 10))
      .sort((a, b) => a - b);
    const counter = counters.find((row) => `${row.issuer} ${row.year}` === issuer)?.last_number ?? 0;
    const gapless = numbers.every((number, index) => number === index + 1);
    if (!gapless || counter !== numbers.length) problems.push(`${issuer}: numbers ${numbers.join(', ') || 'none'} issued, counter at ${counter}`);
  }
  return { checked: issued.length, problems };
}

/**
 * The audit trail (append-only) holds each transition once: a plan's by plan, version, action and
 * stages; a report's by the report whose task the decision closed (the activity closes the task and
 * appends the event in one transaction, so both carry its now()). A report event that closed no
 * task is itself a problem: it is what a second recording of the same decision would look like.
 */
export async function transitionProblems(dataSource: DataSource, cycleId: string): Promise<Checked> {
  const events = (await dataSource.query(
    `SELECT e.id, e.plan_id, e.version, e.action, e.from_stage, e.to_stage,
            CASE WHEN e.action IN ('report_submit', 'report_return', 'report_accept') THEN coalesce(
              (SELECT t.report_id::text FROM tasks t WHERE t.plan_id = e.plan_id AND t.report_id IS NOT NULL AND t.closed_at = e.at LIMIT 1), 'none')
            WHEN e.action = 'report_sent' THEN (SELECT r.id::text FROM reports r WHERE e.request_id = r.workflow_id || '/sent')
            END AS report_id
     FROM audit_events e WHERE e.cycle_id = $1 AND e.plan_id IS NOT NULL`,
    [cycleId],
  )) as Array<{ id: string; plan_id: string; version: number | null; action: string; from_stage: string | null; to_stage: string | null; report_id: string | null }>;
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const event of events) {
    if (event.report_id === 'none') {
      problems.push(`audit event ${event.id} (${event.action} on plan ${event.plan_id}) closed no task of a report`);
      continue;
    }
    const key = event.report_id
      ? `report ${event.report_id}: ${event.action} ${event.from_stage}→${event.to_stage}`
      : `plan ${event.plan_id} v${event.version}: ${event.action} ${event.from_stage}→${event.to_stage}`;
    const first = seen.get(key);
    if (first) problems.push(`${key} recorded twice (audit events ${first} and ${event.id})`);
    else seen.set(key, event.id);
  }
  return { checked: events.length, problems };
}

/**
 * Every message the SMTP server accepts, by Message-ID. The server keeps only its last thousand
 * messages; a full-size cycle sends more, so the test counts them as they arrive.
 */
export class MailTap {
  readonly copies = new Map<string, number>();

  constructor(mail: DevSmtpServer) {
    mail.beforeAccept = (message) => {
      const id = message.headers['message-id'];
      this.copies.set(id, (this.copies.get(id) ?? 0) + 1);
    };
  }
}

/** One row of the cycle's outbox. */
export interface CycleNotification {
  id: string;
  messageId: string;
  state: string;
  attempts: number;
}

/** Every notification of the cycle, oldest first. */
export async function notificationsOf(dataSource: DataSource, cycleId: string): Promise<CycleNotification[]> {
  const rows = (await dataSource.query(`SELECT id, message_id, state, attempts FROM notifications WHERE cycle_id = $1 ORDER BY created_at, id`, [cycleId])) as Array<{
    id: string;
    message_id: string;
    state: string;
    attempts: number;
  }>;
  return rows.map((row) => ({ id: row.id, messageId: row.message_id, state: row.state, attempts: row.attempts }));
}

/**
 * Delivered once, as a mail client sees it (one message per Message-ID): every notification of the
 * cycle is sent and arrived, nothing arrived that no notification explains, and a Message-ID that
 * arrived twice is the documented in-flight window (a worker died between the server's 250 and
 * marking the notification sent), so it never arrived more often than it was attempted.
 */
export async function deliveryProblems(dataSource: DataSource, cycleId: string, tap: MailTap): Promise<Checked & { resends: number }> {
  const rows = await notificationsOf(dataSource, cycleId);
  const problems: string[] = [];
  let resends = 0;
  for (const row of rows) {
    const copies = tap.copies.get(row.messageId) ?? 0;
    resends += Math.max(0, copies - 1);
    if (row.state !== 'sent') problems.push(`${row.id} is ${row.state} after the cycle closed`);
    else if (copies === 0) problems.push(`${row.id} is marked sent but never arrived`);
    if (copies > row.attempts) problems.push(`${row.messageId} arrived ${copies} times in ${row.attempts} attempts`);
  }
  const known = new Set(rows.map((row) => row.messageId));
  for (const id of tap.copies.keys()) if (!known.has(id)) problems.push(`${id} arrived but no notification of the cycle has it`);
  return { checked: rows.length, problems, resends };
}

/** What the checks of a year's end looked at, for the part's line of figures. */
export interface YearEndFigures {
  transitions: number;
  numbers: number;
  messages: number;
  resends: number;
  /** Units that did not end as a run without faults does, and notifications not delivered. */
  lost: number;
}

/**
 * Asserts that the year ended exactly as a run without faults ends: every unit at its diligent end
 * state, the province's plan issued and its report sent, nothing left open, every number once and
 * in order, every transition once, every notification delivered once.
 */
export async function expectYearEndedAsWithoutFaults(dataSource: DataSource, cycleId: string, units: readonly PlanningUnit[], tap: MailTap): Promise<YearEndFigures> {
  const expected = Object.fromEntries(units.map((unit) => [unit.unitCode, diligentEndState(unit)]));
  const reached = await endStates(dataSource, cycleId);
  expect(reached).toEqual(expected);
  expect(await provincialEndState(dataSource, cycleId)).toEqual({
    cycle: 'closed',
    provincialPlan: 'issued',
    provincialReport: 'accepted',
    sentToMinistry: true,
    missingUnits: [],
    openTasks: 0,
  });
  const numbers = await documentNumberProblems(dataSource, cycleId);
  expect(numbers.problems).toEqual([]);
  const transitions = await transitionProblems(dataSource, cycleId);
  expect(transitions.problems).toEqual([]);
  const delivery = await deliveryProblems(dataSource, cycleId, tap);
  expect(delivery.problems).toEqual([]);
  const unitsOff = units.filter((unit) => JSON.stringify(reached[unit.unitCode]) !== JSON.stringify(expected[unit.unitCode])).length;
  return { transitions: transitions.checked, numbers: numbers.checked, messages: delivery.checked, resends: delivery.resends, lost: unitsOff + delivery.problems.length };
}

import type { DataSource } from 'typeorm';
import { eventually } from '../../support/eventually';
import { endStates, notificationsOf, type CycleNotification } from './invariants';

/** Outages end with retries on backoff: what they held back may take minutes to come through. */
const RECOVERY_MS = 180_000;

/** The request ids of the decisions the audit trail holds for the cycle. */
export async function auditedRequestIds(dataSource: DataSource, cycleId: string): Promise<Set<string>> {
  const rows = (await dataSource.query(`SELECT request_id FROM audit_events WHERE cycle_id = $1 AND request_id IS NOT NULL`, [cycleId])) as Array<{ request_id: string }>;
  return new Set(rows.map((row) => row.request_id));
}

/** The stage of each unit's plan in the cycle, by unit code. */
export async function unitPlanStages(dataSource: DataSource, cycleId: string): Promise<Record<string, string>> {
  return Object.fromEntries(Object.entries(await endStates(dataSource, cycleId)).map(([unitCode, state]) => [unitCode, state.plan]));
}

/** Waits until the plan of every one of `unitCodes` in the cycle is issued. */
export async function untilEveryPlanIssued(dataSource: DataSource, cycleId: string, unitCodes: readonly string[]): Promise<void> {
  await eventually(async () => expect(await unitPlanStages(dataSource, cycleId)).toEqual(Object.fromEntries(unitCodes.map((code) => [code, 'issued']))), { timeoutMs: RECOVERY_MS, intervalMs: 1_000 });
}

/** Waits until the outbox has sent every message of the cycle, and returns them. */
export async function untilEveryMessageSent(dataSource: DataSource, cycleId: string): Promise<CycleNotification[]> {
  return eventually(
    async () => {
      const rows = await notificationsOf(dataSource, cycleId);
      expect(rows.filter((row) => row.state !== 'sent').map((row) => `${row.id} ${row.state} after ${row.attempts} attempts`)).toEqual([]);
      return rows;
    },
    { timeoutMs: RECOVERY_MS, intervalMs: 1_000 },
  );
}

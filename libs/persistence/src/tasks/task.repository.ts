import type { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@plancycle/domain';
import { isUuid } from '../is-uuid';
import type { OpenTaskInput, TaskKind, TaskRecord, TaskState } from './task-record';

interface TaskRow {
  id: string;
  key: string;
  plan_id: string;
  report_id: string | null;
  cycle_id: string;
  plan_unit_code: string;
  plan_unit_name: string;
  plan_kind: 'unit' | 'provincial';
  workflow_id: string;
  kind: TaskKind;
  assignee_unit_code: string;
  assignee_role: Role;
  due_at: Date;
  state: TaskState;
  opened_at: Date;
  closed_at: Date | null;
}

const SELECT_TASK = `
  SELECT t.id, t.key, t.plan_id, t.report_id, p.cycle_id, p.unit_code AS plan_unit_code, u.name AS plan_unit_name, p.kind AS plan_kind, t.workflow_id,
         t.kind, t.assignee_unit_code, t.assignee_role, t.due_at, t.state, t.opened_at, t.closed_at
  FROM tasks t JOIN plans p ON p.id = t.plan_id JOIN org_units u ON u.code = p.unit_code`;

function toRecord(row: TaskRow): TaskRecord {
  return {
    id: row.id,
    key: row.key,
    planId: row.plan_id,
    reportId: row.report_id,
    cycleId: row.cycle_id,
    planUnitCode: row.plan_unit_code,
    planUnitName: row.plan_unit_name,
    planKind: row.plan_kind,
    workflowId: row.workflow_id,
    kind: row.kind,
    assigneeUnitCode: row.assignee_unit_code,
    assigneeRole: row.assignee_role,
    dueAt: row.due_at.toISOString(),
    state: row.state,
    openedAt: row.opened_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
  };
}

/**
 * The human tasks the inbox reads. Workflows open and close them through activities, so both are
 * idempotent by the task's key. A plan has at most one open task: the database refuses a second.
 */
export class TaskRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** The task with that key: opened now, or as it was opened before (a retry changes nothing). */
  async open(input: OpenTaskInput): Promise<TaskRecord> {
    await this.db.query(
      `INSERT INTO tasks (key, plan_id, workflow_id, kind, assignee_unit_code, assignee_role, due_at, report_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT ON CONSTRAINT tasks_key_key DO NOTHING`,
      [input.key, input.planId, input.workflowId, input.kind, input.assigneeUnitCode, input.assigneeRole, input.dueAt, input.reportId ?? null],
    );
    const task = await this.findByKey(input.key);
    if (!task) throw new Error(`Task ${input.key} was not opened.`);
    return task;
  }

  async findById(id: string): Promise<TaskRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = (await this.db.query(`${SELECT_TASK} WHERE t.id = $1`, [id])) as TaskRow[];
    return row ? toRecord(row) : null;
  }

  async findByKey(key: string): Promise<TaskRecord | null> {
    const [row] = (await this.db.query(`${SELECT_TASK} WHERE t.key = $1`, [key])) as TaskRow[];
    return row ? toRecord(row) : null;
  }

  /** True when the open task was closed now; false when it was already closed (its first outcome stays). */
  async close(key: string, state: Exclude<TaskState, 'open'>): Promise<boolean> {
    const closed = (await this.db.query(`UPDATE tasks SET state = $2, closed_at = now() WHERE key = $1 AND state = 'open'`, [key, state])) as [
      unknown[],
      number,
    ];
    return closed[1] > 0;
  }

  /** Moves an open task's due date (the cycle calendar changed); null when the task is no longer open. */
  async reschedule(key: string, dueAt: string): Promise<TaskRecord | null> {
    await this.db.query(`UPDATE tasks SET due_at = $2 WHERE key = $1 AND state = 'open'`, [key, dueAt]);
    const task = await this.findByKey(key);
    return task?.state === 'open' ? task : null;
  }

  /** The cycle is closed: its open tasks are cancelled. Returns how many were. */
  async cancelOpenForCycle(cycleId: string): Promise<number> {
    const [, count] = (await this.db.query(
      `UPDATE tasks SET state = 'cancelled', closed_at = now() WHERE state = 'open' AND plan_id IN (SELECT id FROM plans WHERE cycle_id = $1)`,
      [cycleId],
    )) as [unknown, number];
    return count;
  }

  /** How many tasks of a cycle (its plans and their reports) are still open after their due date. */
  async countOverdueForCycle(cycleId: string, at: Date = new Date()): Promise<number> {
    const [row] = (await this.db.query(
      `SELECT count(*)::int AS overdue FROM tasks t JOIN plans p ON p.id = t.plan_id
       WHERE p.cycle_id = $1 AND t.state = 'open' AND t.due_at < $2`,
      [cycleId, at],
    )) as Array<{ overdue: number }>;
    return row?.overdue ?? 0;
  }

  /** The inbox of someone holding roles on these units: their open tasks, soonest due first. */
  async listOpenForUnits(unitCodes: readonly string[]): Promise<TaskRecord[]> {
    if (unitCodes.length === 0) return [];
    const rows = (await this.db.query(
      `${SELECT_TASK} WHERE t.state = 'open' AND t.assignee_unit_code = ANY ($1::text[]) ORDER BY t.due_at, t.opened_at, t.key COLLATE "C"`,
      [unitCodes],
    )) as TaskRow[];
    return rows.map(toRecord);
  }

  /** The decision the plan (or one of its reports) is waiting for, if any. */
  async findOpenForPlan(planId: string, reportId: string | null = null): Promise<TaskRecord | null> {
    if (!isUuid(planId)) return null;
    const [row] = (await this.db.query(`${SELECT_TASK} WHERE t.plan_id = $1 AND t.state = 'open' AND t.report_id IS NOT DISTINCT FROM $2::uuid`, [
      planId,
      reportId,
    ])) as TaskRow[];
    return row ? toRecord(row) : null;
  }
}

import type { DataSource, EntityManager } from 'typeorm';
import type { EscalationAudience, Instant } from '@plancycle/domain';

/** One rung of the ladder that fired for a task. */
export interface TaskEscalationRecord {
  taskId: string;
  taskKey: string;
  planId: string;
  step: string;
  kind: 'reminder' | 'escalation';
  audience: EscalationAudience[];
  dueAt: Instant;
  firedAt: Instant;
  recipientUserIds: string[];
}

export type RecordTaskEscalationInput = Omit<TaskEscalationRecord, 'taskKey' | 'planId' | 'firedAt'>;

interface Row {
  task_id: string;
  task_key: string;
  plan_id: string;
  step: string;
  kind: TaskEscalationRecord['kind'];
  audience: EscalationAudience[];
  due_at: Date;
  fired_at: Date;
  recipient_user_ids: string[];
}

const SELECT = `
  SELECT e.task_id, t.key AS task_key, t.plan_id, e.step, e.kind, e.audience, e.due_at, e.fired_at, e.recipient_user_ids
  FROM task_escalations e JOIN tasks t ON t.id = e.task_id`;

const toRecord = (row: Row): TaskEscalationRecord => ({
  taskId: row.task_id,
  taskKey: row.task_key,
  planId: row.plan_id,
  step: row.step,
  kind: row.kind,
  audience: row.audience,
  dueAt: row.due_at.toISOString(),
  firedAt: row.fired_at.toISOString(),
  recipientUserIds: row.recipient_user_ids,
});

/** Every reminder and escalation that fired: who was told, of which task, at which step. */
export class TaskEscalationRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** True when recorded now; false when this task's step was recorded before (a retried activity). */
  async record(input: RecordTaskEscalationInput): Promise<boolean> {
    const inserted = (await this.db.query(
      `INSERT INTO task_escalations (task_id, step, kind, audience, due_at, recipient_user_ids)
       VALUES ($1, $2, $3, $4::text[], $5, $6::uuid[])
       ON CONFLICT ON CONSTRAINT task_escalations_task_step_key DO NOTHING
       RETURNING id`,
      [input.taskId, input.step, input.kind, input.audience, input.dueAt, input.recipientUserIds],
    )) as unknown[];
    return inserted.length > 0;
  }

  async listForTask(taskId: string): Promise<TaskEscalationRecord[]> {
    return ((await this.db.query(`${SELECT} WHERE e.task_id = $1 ORDER BY e.id`, [taskId])) as Row[]).map(toRecord);
  }

  /** Every rung fired in a cycle, in the order they fired. */
  async listForCycle(cycleId: string): Promise<TaskEscalationRecord[]> {
    const rows = (await this.db.query(`${SELECT} JOIN plans p ON p.id = t.plan_id WHERE p.cycle_id = $1 ORDER BY e.id`, [cycleId])) as Row[];
    return rows.map(toRecord);
  }
}

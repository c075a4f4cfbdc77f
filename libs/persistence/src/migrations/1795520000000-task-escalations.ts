import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders and escalations (issue 5): each cycle's ladder (null: the default ladder of the domain),
 * and one row per rung that fired for a task: who was told, of which task, at which step.
 */
export class TaskEscalations1795520000000 implements MigrationInterface {
  name = 'TaskEscalations1795520000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE cycles ADD COLUMN escalation_ladder jsonb NULL`);
    await queryRunner.query(`
      CREATE TABLE task_escalations (
        id bigserial PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES tasks (id),
        step text NOT NULL,
        kind text NOT NULL CONSTRAINT task_escalations_kind_check CHECK (kind IN ('reminder', 'escalation')),
        audience text[] NOT NULL,
        -- When the ladder said it was due, and when it was recorded (the lateness an operator watches).
        due_at timestamptz NOT NULL,
        fired_at timestamptz NOT NULL DEFAULT now(),
        recipient_user_ids uuid[] NOT NULL,
        -- A rung fires once per task, however often its activity is retried.
        CONSTRAINT task_escalations_task_step_key UNIQUE (task_id, step)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE task_escalations`);
    await queryRunner.query(`ALTER TABLE cycles DROP COLUMN escalation_ladder`);
  }
}

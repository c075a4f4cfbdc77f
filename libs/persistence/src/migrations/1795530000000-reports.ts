import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports (issue 5): each unit's quarterly and annual reports, ad-hoc reports, and the coordinator's
 * provincial report. A report is about a plan (the unit's, or the provincial plan for the provincial
 * report), so its tasks keep pointing at that plan and the inbox reads them like any other task.
 * A plan waits on one plan decision at a time, and a report on one report decision: the one-open-task
 * rule is split between them.
 */
export class Reports1795530000000 implements MigrationInterface {
  name = 'Reports1795530000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workflow_id text NOT NULL CONSTRAINT reports_workflow_id_key UNIQUE,
        cycle_id text NOT NULL REFERENCES cycles (id),
        unit_code text NOT NULL REFERENCES org_units (code),
        plan_id uuid NOT NULL REFERENCES plans (id),
        -- The version in force when the report opened: the items it reports on (null: nothing issued yet).
        plan_version int NULL,
        kind text NOT NULL CONSTRAINT reports_kind_check CHECK (kind IN ('quarterly', 'annual', 'ad_hoc', 'provincial')),
        quarter int NULL CONSTRAINT reports_quarter_check CHECK (quarter BETWEEN 1 AND 4),
        title text NULL,
        stage text NOT NULL DEFAULT 'writing' CONSTRAINT reports_stage_check CHECK (stage IN ('writing', 'review', 'accepted')),
        content jsonb NOT NULL,
        -- The provincial report: what the units' annual reports add up to, and who is missing.
        aggregate jsonb NULL,
        due_at timestamptz NOT NULL,
        sequence int NOT NULL DEFAULT 0,
        submitted_by uuid NULL REFERENCES users (id),
        submitted_at timestamptz NULL,
        accepted_by uuid NULL REFERENCES users (id),
        accepted_at timestamptz NULL,
        sent_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reports_quarterly_check CHECK ((kind = 'quarterly') = (quarter IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX reports_cycle_idx ON reports (cycle_id, unit_code)`);

    await queryRunner.query(`ALTER TABLE tasks ADD COLUMN report_id uuid NULL REFERENCES reports (id)`);
    await queryRunner.query(`ALTER TABLE tasks DROP CONSTRAINT tasks_kind_check`);
    await queryRunner.query(`
      ALTER TABLE tasks ADD CONSTRAINT tasks_kind_check
        CHECK (kind IN ('draft', 'appraise', 'approve', 'amend', 'report', 'review_report', 'aggregate', 'approve_report'))`);
    await queryRunner.query(`DROP INDEX tasks_one_open_per_plan_idx`);
    await queryRunner.query(`CREATE UNIQUE INDEX tasks_one_open_per_plan_idx ON tasks (plan_id) WHERE state = 'open' AND report_id IS NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX tasks_one_open_per_report_idx ON tasks (report_id) WHERE state = 'open' AND report_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX tasks_one_open_per_report_idx`);
    await queryRunner.query(`DROP INDEX tasks_one_open_per_plan_idx`);
    await queryRunner.query(`DELETE FROM task_escalations WHERE task_id IN (SELECT id FROM tasks WHERE report_id IS NOT NULL)`);
    await queryRunner.query(`DELETE FROM notifications WHERE task_id IN (SELECT id FROM tasks WHERE report_id IS NOT NULL)`);
    await queryRunner.query(`DELETE FROM tasks WHERE report_id IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX tasks_one_open_per_plan_idx ON tasks (plan_id) WHERE state = 'open'`);
    await queryRunner.query(`ALTER TABLE tasks DROP CONSTRAINT tasks_kind_check`);
    await queryRunner.query(`ALTER TABLE tasks ADD CONSTRAINT tasks_kind_check CHECK (kind IN ('draft', 'appraise', 'approve', 'amend'))`);
    await queryRunner.query(`ALTER TABLE tasks DROP COLUMN report_id`);
    await queryRunner.query(`DROP TABLE reports`);
  }
}

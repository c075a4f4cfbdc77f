import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plans and what happens to them (docs/design/plan-lifecycle.md, "Tables"): the versioned content,
 * the appraisal and approval opinions of every round, the human tasks the inbox reads, and the
 * append-only audit trail. The CHECK lists copy PLAN_STAGES and ROLES as they stand today: a
 * migration is history, so a new stage or role arrives with a migration of its own.
 *
 * Rows written by activities carry a key (`workflow_id`, `request_id`, `key`) that is UNIQUE, so a
 * retried activity finds its earlier write instead of making a second one.
 */
export class Plans1795490000000 implements MigrationInterface {
  name = 'Plans1795490000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cycle_id text NOT NULL REFERENCES cycles (id),
        unit_code text NOT NULL REFERENCES org_units (code),
        kind text NOT NULL CONSTRAINT plans_kind_check CHECK (kind IN ('provincial', 'unit')),
        stage text NOT NULL DEFAULT 'pending'
          CONSTRAINT plans_stage_check CHECK (stage IN ('pending', 'drafting', 'appraisal', 'approval', 'issued')),
        version_in_force int NULL,
        sequence int NOT NULL DEFAULT 0,
        workflow_id text NOT NULL CONSTRAINT plans_workflow_id_key UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT plans_cycle_unit_kind_key UNIQUE (cycle_id, unit_code, kind)
      )`);
    await queryRunner.query(`CREATE INDEX plans_unit_code_idx ON plans (unit_code)`);

    await queryRunner.query(`
      CREATE TABLE plan_versions (
        plan_id uuid NOT NULL REFERENCES plans (id),
        version int NOT NULL CONSTRAINT plan_versions_version_check CHECK (version >= 1),
        items jsonb NOT NULL DEFAULT '[]',
        state text NOT NULL DEFAULT 'draft'
          CONSTRAINT plan_versions_state_check CHECK (state IN ('draft', 'submitted', 'returned', 'approved', 'issued', 'superseded')),
        created_by uuid NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid NULL REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        submitted_by uuid NULL REFERENCES users (id),
        submitted_at timestamptz NULL,
        document_number text NULL CONSTRAINT plan_versions_document_number_key UNIQUE,
        issued_on date NULL,
        PRIMARY KEY (plan_id, version),
        CONSTRAINT plan_versions_issued_check CHECK ((document_number IS NULL) = (issued_on IS NULL) AND (state <> 'issued' OR document_number IS NOT NULL))
      )`);
    // One version in force and one version on its way at a time: issuing supersedes the former,
    // and an amendment cannot start while a draft or a submitted version is still being decided.
    await queryRunner.query(`CREATE UNIQUE INDEX plan_versions_one_issued_idx ON plan_versions (plan_id) WHERE state = 'issued'`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX plan_versions_one_in_progress_idx ON plan_versions (plan_id) WHERE state IN ('draft', 'submitted', 'approved')`,
    );
    // Added after plan_versions exists; a null version_in_force (nothing issued yet) is not checked.
    await queryRunner.query(
      `ALTER TABLE plans ADD CONSTRAINT plans_version_in_force_fkey FOREIGN KEY (id, version_in_force) REFERENCES plan_versions (plan_id, version)`,
    );

    await queryRunner.query(`
      CREATE TABLE plan_opinions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL,
        version int NOT NULL,
        step text NOT NULL CONSTRAINT plan_opinions_step_check CHECK (step IN ('appraisal', 'approval')),
        decision text NOT NULL CONSTRAINT plan_opinions_decision_check CHECK (decision IN ('agree', 'return')),
        comments text NOT NULL DEFAULT '',
        decided_by uuid NOT NULL REFERENCES users (id),
        decided_at timestamptz NOT NULL DEFAULT now(),
        request_id text NOT NULL CONSTRAINT plan_opinions_request_id_key UNIQUE,
        FOREIGN KEY (plan_id, version) REFERENCES plan_versions (plan_id, version),
        -- The drafter has to know what to change (seed 001): a return without a reason is no opinion.
        CONSTRAINT plan_opinions_return_comments_check CHECK (decision = 'agree' OR btrim(comments) <> '')
      )`);
    await queryRunner.query(`CREATE INDEX plan_opinions_plan_version_idx ON plan_opinions (plan_id, version)`);

    await queryRunner.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL CONSTRAINT tasks_key_key UNIQUE,
        plan_id uuid NOT NULL REFERENCES plans (id),
        workflow_id text NOT NULL,
        kind text NOT NULL CONSTRAINT tasks_kind_check CHECK (kind IN ('draft', 'appraise', 'approve', 'amend')),
        assignee_unit_code text NOT NULL REFERENCES org_units (code),
        assignee_role text NOT NULL CONSTRAINT tasks_assignee_role_check
          CHECK (assignee_role IN ('admin', 'coordinator', 'officer', 'leader_in_charge', 'appraiser', 'approver')),
        due_at timestamptz NOT NULL,
        state text NOT NULL DEFAULT 'open' CONSTRAINT tasks_state_check CHECK (state IN ('open', 'done', 'cancelled')),
        opened_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz NULL,
        CONSTRAINT tasks_closed_at_check CHECK ((state = 'open') = (closed_at IS NULL))
      )`);
    // A plan waits on one human decision at a time; a second open task would be a workflow bug.
    await queryRunner.query(`CREATE UNIQUE INDEX tasks_one_open_per_plan_idx ON tasks (plan_id) WHERE state = 'open'`);
    // The inbox: open tasks of the units a user holds roles on, soonest due first.
    await queryRunner.query(`CREATE INDEX tasks_open_assignee_idx ON tasks (assignee_unit_code, due_at) WHERE state = 'open'`);

    // Stages are not CHECKed here: cycle-level events carry the cycle's stages, plan events the plan's.
    // Users are referenced without ON DELETE: SET NULL would be an UPDATE, which the trail refuses.
    await queryRunner.query(`
      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        cycle_id text NOT NULL REFERENCES cycles (id),
        plan_id uuid NULL REFERENCES plans (id),
        version int NULL,
        actor uuid NULL REFERENCES users (id),
        at timestamptz NOT NULL DEFAULT now(),
        action text NOT NULL,
        from_stage text NULL,
        to_stage text NULL,
        comment text NULL,
        request_id text NULL CONSTRAINT audit_events_request_id_key UNIQUE,
        FOREIGN KEY (plan_id, version) REFERENCES plan_versions (plan_id, version),
        CONSTRAINT audit_events_version_check CHECK (version IS NULL OR plan_id IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX audit_events_plan_id_idx ON audit_events (plan_id, id)`);
    await queryRunner.query(`CREATE INDEX audit_events_cycle_id_idx ON audit_events (cycle_id, id)`);

    // Append-only for every role, the owner included: a trail that can be edited proves nothing.
    await queryRunner.query(`
      CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % is refused', TG_OP
          USING ERRCODE = 'insufficient_privilege', HINT = 'Record a correction as a new event instead.';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // One statement: plans and plan_versions reference each other.
    await queryRunner.query(`DROP TABLE audit_events, tasks, plan_opinions, plan_versions, plans`);
    await queryRunner.query(`DROP FUNCTION audit_events_refuse_change()`);
  }
}

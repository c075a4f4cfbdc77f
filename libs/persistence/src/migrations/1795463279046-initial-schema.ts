import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first schema. The CHECK lists copy ORG_UNIT_KINDS and ROLES as they stand today on purpose:
 * a migration is history, so a new kind or role arrives with a migration of its own (an
 * integration test fails until it does).
 */
export class InitialSchema1795463279046 implements MigrationInterface {
  name = 'InitialSchema1795463279046';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE org_units (
        code text PRIMARY KEY,
        province_code text NOT NULL,
        parent_code text NULL REFERENCES org_units (code),
        kind text NOT NULL CONSTRAINT org_units_kind_check
          CHECK (kind IN ('province', 'office', 'coordinator', 'department', 'district', 'commune', 'appraiser')),
        name text NOT NULL,
        settings jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX org_units_province_code_idx ON org_units (province_code)`);
    await queryRunner.query(`CREATE INDEX org_units_parent_code_idx ON org_units (parent_code)`);

    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE,
        full_name text NOT NULL,
        email text NOT NULL,
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE user_roles (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        unit_code text NOT NULL REFERENCES org_units (code),
        role text NOT NULL CONSTRAINT user_roles_role_check
          CHECK (role IN ('admin', 'coordinator', 'officer', 'leader_in_charge', 'appraiser', 'approver')),
        PRIMARY KEY (user_id, unit_code, role)
      )`);
    // "Who holds a role on this unit" is how tasks find their assignees.
    await queryRunner.query(`CREATE INDEX user_roles_unit_code_idx ON user_roles (unit_code)`);

    await queryRunner.query(`
      CREATE TABLE work_calendar_days (
        date date PRIMARY KEY,
        kind text NOT NULL CONSTRAINT work_calendar_days_kind_check CHECK (kind IN ('day_off', 'working_day')),
        name text NOT NULL,
        source text NOT NULL CONSTRAINT work_calendar_days_source_check CHECK (source IN ('baseline', 'admin'))
      )`);

    await queryRunner.query(`
      CREATE TABLE cycles (
        id text PRIMARY KEY,
        province_code text NOT NULL REFERENCES org_units (code),
        year int NOT NULL,
        workflow_id text NOT NULL UNIQUE,
        stage text NOT NULL,
        calendar jsonb NOT NULL,
        started_by uuid NULL REFERENCES users (id),
        started_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz NULL,
        sequence int NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT cycles_province_code_year_key UNIQUE (province_code, year)
      )`);

    await queryRunner.query(`
      CREATE TABLE cycle_units (
        cycle_id text NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
        unit_code text NOT NULL REFERENCES org_units (code),
        stage text NOT NULL,
        workflow_id text NOT NULL,
        sequence int NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (cycle_id, unit_code)
      )`);
    await queryRunner.query(`CREATE INDEX cycle_units_unit_code_idx ON cycle_units (unit_code)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE cycle_units`);
    await queryRunner.query(`DROP TABLE cycles`);
    await queryRunner.query(`DROP TABLE work_calendar_days`);
    await queryRunner.query(`DROP TABLE user_roles`);
    await queryRunner.query(`DROP TABLE users`);
    await queryRunner.query(`DROP TABLE org_units`);
  }
}

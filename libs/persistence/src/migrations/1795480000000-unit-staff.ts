import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The 01 leader in charge and 01 officer each unit names for external-information work (seeds 001,
 * 003). One row per unit and role, so naming someone again replaces the earlier name. The person
 * need not have an account yet; when they do, `user_id` links it, and deleting the account keeps
 * the name. The CHECK copies STAFF_ROLES as it stands today: a migration is history.
 */
export class UnitStaff1795480000000 implements MigrationInterface {
  name = 'UnitStaff1795480000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE unit_staff (
        unit_code text NOT NULL REFERENCES org_units (code),
        role text NOT NULL CONSTRAINT unit_staff_role_check CHECK (role IN ('leader_in_charge', 'officer')),
        full_name text NOT NULL,
        position text NOT NULL,
        phone text NULL,
        email text NULL,
        user_id uuid NULL REFERENCES users (id) ON DELETE SET NULL,
        updated_by uuid NULL REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (unit_code, role)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE unit_staff`);
  }
}

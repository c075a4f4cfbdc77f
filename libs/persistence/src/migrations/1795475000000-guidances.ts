import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The ministry's guidance letters as each province recorded them, with their focus tasks. */
export class Guidances1795475000000 implements MigrationInterface {
  name = 'Guidances1795475000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE guidances (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        province_code text NOT NULL REFERENCES org_units (code),
        document_number text NOT NULL,
        issued_on date NOT NULL,
        issuer text NOT NULL,
        subject text NOT NULL,
        plan_year int NOT NULL CONSTRAINT guidances_plan_year_check CHECK (plan_year BETWEEN 2000 AND 2100),
        focus_tasks jsonb NOT NULL,
        recorded_by uuid NULL REFERENCES users (id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT guidances_province_number_key UNIQUE (province_code, document_number)
      )`);
    await queryRunner.query(`CREATE INDEX guidances_province_year_idx ON guidances (province_code, plan_year)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE guidances`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cycle dashboard counts a cycle's overdue tasks through its plans. Without an index on the
 * plan, that read scanned every open task of the country (one province's dashboard reading the
 * other 33's tasks); open tasks are few next to done ones, so the index is partial and small.
 */
export class DashboardIndexes1795600000000 implements MigrationInterface {
  name = 'DashboardIndexes1795600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX tasks_open_plan_due_idx ON tasks (plan_id, due_at) WHERE state = 'open'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX tasks_open_plan_due_idx`);
  }
}

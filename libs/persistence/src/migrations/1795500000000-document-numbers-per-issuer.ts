import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A document number is unique per issuer and year, not across the province: the province and every
 * commune write `01/KH-UBND` on their first plan of the year. document_number_counters already
 * guarantees the per-issuer rule; the global UNIQUE of the plans migration refused the second issuer.
 */
export class DocumentNumbersPerIssuer1795500000000 implements MigrationInterface {
  name = 'DocumentNumbersPerIssuer1795500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE plan_versions DROP CONSTRAINT plan_versions_document_number_key`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE plan_versions ADD CONSTRAINT plan_versions_document_number_key UNIQUE (document_number)`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One running number per issuer and calendar year. Taking a number updates the issuer's row, so
 * concurrent issuances queue on its lock; the number belongs to the transaction that issues the
 * document, and rolls back with it, so numbers never repeat and never skip.
 */
export class DocumentNumberCounters1795470000000 implements MigrationInterface {
  name = 'DocumentNumberCounters1795470000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE document_number_counters (
        issuer_code text NOT NULL REFERENCES org_units (code),
        year int NOT NULL CONSTRAINT document_number_counters_year_check CHECK (year BETWEEN 2000 AND 2100),
        last_number int NOT NULL CONSTRAINT document_number_counters_last_number_check CHECK (last_number >= 1),
        PRIMARY KEY (issuer_code, year)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE document_number_counters`);
  }
}

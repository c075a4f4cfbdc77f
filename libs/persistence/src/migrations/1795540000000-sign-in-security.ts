import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in security (issue 8).
 * - `revoked_tokens`: a token signed out of is refused from then on, not only once it expires; a row
 *   is deleted once its token would have expired by itself.
 * - `sign_in_failures`: failed sign-ins counted per user name and address, shared by every API
 *   process, in the shape rate-limiter-flexible's PostgreSQL store reads (key, points, expire in ms).
 */
export class SignInSecurity1795540000000 implements MigrationInterface {
  name = 'SignInSecurity1795540000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE revoked_tokens (
        jti uuid PRIMARY KEY,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX revoked_tokens_expires_at_idx ON revoked_tokens (expires_at)`);
    await queryRunner.query(`
      CREATE TABLE sign_in_failures (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE sign_in_failures`);
    await queryRunner.query(`DROP TABLE revoked_tokens`);
  }
}

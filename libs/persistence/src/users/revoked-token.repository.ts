import type { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '../is-uuid';

/** Tokens signed out of before they expired (by their `jti`). */
export class RevokedTokenRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Idempotent; also forgets tokens that have expired by themselves since. */
  async revoke(jti: string, expiresAt: Date): Promise<void> {
    await this.db.query(`DELETE FROM revoked_tokens WHERE expires_at < now()`);
    await this.db.query(`INSERT INTO revoked_tokens (jti, expires_at) VALUES ($1, $2) ON CONFLICT (jti) DO NOTHING`, [jti, expiresAt]);
  }

  async isRevoked(jti: string): Promise<boolean> {
    if (!isUuid(jti)) return false;
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM revoked_tokens WHERE jti = $1`, [jti]);
    return rows.length > 0;
  }
}

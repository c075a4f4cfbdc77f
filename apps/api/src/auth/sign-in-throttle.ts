import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { RateLimiterPostgres, type RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { ApiException } from '../common/api-exception';

const WINDOW_SECONDS = 15 * 60;
/** Wrong passwords for one account from one address before it must wait out the window. */
export const FAILURES_PER_ACCOUNT = 5;
/**
 * Wrong passwords from one address, any account: a whole provincial office may sit behind one
 * address, so this is generous; it stops guessing across many accounts, not typing mistakes.
 */
export const FAILURES_PER_ADDRESS = 100;

/**
 * Limits password guessing. Only failures count, and a success clears its account's count, so an
 * official who mistypes twice is not held back. Counted in PostgreSQL (rate-limiter-flexible's
 * store), so every API process shares the count and a restart does not reset it. Keyed by account
 * and address together: someone elsewhere cannot lock an official out by failing on purpose.
 */
@Injectable()
export class SignInThrottle {
  private readonly perAccount: RateLimiterPostgres;
  private readonly perAddress: RateLimiterPostgres;

  constructor(@Inject(DataSource) dataSource: DataSource) {
    const store = { storeClient: dataSource, storeType: 'typeorm', tableName: 'sign_in_failures', tableCreated: true, clearExpiredByTimeout: true, duration: WINDOW_SECONDS };
    this.perAccount = new RateLimiterPostgres({ ...store, keyPrefix: 'account', points: FAILURES_PER_ACCOUNT });
    this.perAddress = new RateLimiterPostgres({ ...store, keyPrefix: 'address', points: FAILURES_PER_ADDRESS });
  }

  /** Throws 429 AUTH_TOO_MANY_ATTEMPTS while either count is used up; checked before the password is. */
  async refuseIfBlocked(username: string, address: string): Promise<void> {
    const [account, fromAddress] = await Promise.all([this.perAccount.get(accountKey(username, address)), this.perAddress.get(address)]);
    const waitMs = Math.max(blockedFor(account, FAILURES_PER_ACCOUNT), blockedFor(fromAddress, FAILURES_PER_ADDRESS));
    if (waitMs > 0) {
      const minutes = Math.ceil(waitMs / 60_000);
      throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, 'AUTH_TOO_MANY_ATTEMPTS', `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút, hoặc liên hệ quản trị viên để đặt lại mật khẩu.`, {
        retryAfterSeconds: Math.ceil(waitMs / 1000),
      });
    }
  }

  async failed(username: string, address: string): Promise<void> {
    // consume() rejects once a count is used up; that is the block itself, already recorded.
    await Promise.all([this.perAccount.consume(accountKey(username, address)).catch(() => undefined), this.perAddress.consume(address).catch(() => undefined)]);
  }

  async succeeded(username: string, address: string): Promise<void> {
    await this.perAccount.delete(accountKey(username, address));
  }
}

function blockedFor(count: RateLimiterRes | null, limit: number): number {
  return count && count.consumedPoints >= limit ? count.msBeforeNext : 0;
}

/** Hashed: the table holds no user names, and any name fits its key column. */
function accountKey(username: string, address: string): string {
  return createHash('sha256').update(`${username.normalize('NFC').toLowerCase()}\u0000${address}`).digest('hex');
}

import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
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
 * Limits password guessing. Each attempt takes its point before the password is checked (an atomic
 * upsert), so guesses sent side by side count as surely as guesses sent one by one; a success gives
 * the point back and clears its account's count, so an official who mistypes twice is not held
 * back. Counted in PostgreSQL (rate-limiter-flexible's store), so every API process shares the
 * count and a restart does not reset it. Keyed by account and address together: someone elsewhere
 * cannot lock an official out by failing on purpose.
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

  /** Takes this attempt's point; throws 429 AUTH_TOO_MANY_ATTEMPTS once either count is used up. */
  async attempt(username: string, address: string): Promise<void> {
    const taken = await Promise.allSettled([this.perAccount.consume(accountKey(username, address)), this.perAddress.consume(address)]);
    const waitMs = Math.max(0, ...taken.map((result) => (result.status === 'rejected' ? blockedFor(result.reason) : 0)));
    if (waitMs === 0) return;
    const minutes = Math.ceil(waitMs / 60_000);
    throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, 'AUTH_TOO_MANY_ATTEMPTS', `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút, hoặc liên hệ quản trị viên để đặt lại mật khẩu.`, {
      retryAfterSeconds: Math.ceil(waitMs / 1000),
    });
  }

  /** The attempt was right: its account starts afresh and its address gets the point back. */
  async succeeded(username: string, address: string): Promise<void> {
    await Promise.all([this.perAccount.delete(accountKey(username, address)), this.perAddress.reward(address, 1)]);
  }
}

/**
 * consume() rejects with the count when it is used up, and with the store's error when PostgreSQL
 * fails: that one is thrown on (a 503, see service-unavailable), never taken for "not blocked".
 */
function blockedFor(reason: unknown): number {
  if (reason instanceof RateLimiterRes) return Math.max(reason.msBeforeNext, 1);
  throw reason;
}

/** Hashed: the table holds no user names, and any name fits its key column. */
function accountKey(username: string, address: string): string {
  return createHash('sha256').update(`${username.normalize('NFC').toLowerCase()}\u0000${address}`).digest('hex');
}

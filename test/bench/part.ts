import type { BenchStack } from './bench-stack';
import type { ApiClient } from './http';
import type { Figure } from './report';

/** What every part of the benchmark is given: the running stack, an admin of Gia Lai, years of its own. */
export interface BenchContext {
  stack: BenchStack;
  /** The API as nobody: sign in with `signIn`, then `as(token)`. */
  api: ApiClient;
  /** Gia Lai's admin (demo seed `admin.gl`). */
  admin: ApiClient;
  /**
   * A cycle year no other part uses, decades ahead of today: a cycle's deadlines then lie far off
   * (unless the part gives it a calendar of its own), so nothing fires while another part measures.
   */
  nextYear(): number;
  log(line: string): void;
}

/** One row group of the table: the figures, and what the JSON report keeps besides (raw samples, profiles). */
export interface PartResult {
  figures: Figure[];
  details: unknown;
}

/**
 * One measurement of issue 9. Parts run one after another in the order of parts.ts, each on the
 * same stack; `BENCH_ONLY=name,name` runs some of them.
 */
export interface BenchPart {
  name: string;
  run(context: BenchContext): Promise<PartResult>;
}

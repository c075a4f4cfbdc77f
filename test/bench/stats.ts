/** Summary figures of a set of samples, in the samples' unit (milliseconds throughout the benchmark). */
export interface Summary {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * The `p`-th percentile (0–100) by linear interpolation between the closest ranks, as numpy's
 * default does: with 200 samples p99 lies between the 198th and 199th smallest, not on the maximum.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.ceil(rank);
  return sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export function summarize(samples: readonly number[]): Summary {
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    count: samples.length,
    min: round(Math.min(...samples)),
    mean: round(samples.reduce((sum, value) => sum + value, 0) / samples.length),
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    p99: round(percentile(samples, 99)),
    max: round(Math.max(...samples)),
  };
}

import { decisionPart } from './decision-latency';
import { fanOutPart } from './fan-out';
import type { BenchPart } from './part';

/** The benchmark's parts in the order they run (issue 9's list). */
export const BENCH_PARTS: readonly BenchPart[] = [fanOutPart, decisionPart];

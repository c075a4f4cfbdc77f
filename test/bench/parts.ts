import type { BenchPart } from './part';

/**
 * The benchmark's parts in the order they run (issue 9's list, the nationwide part last: the whole
 * country's open workflows stay on the servers and in the worker's cache, and would weigh on every
 * part after it). Each is loaded only when it runs, so `BENCH_ONLY` needs none of the others.
 */
export const BENCH_PARTS: ReadonlyArray<{ name: string; load(): Promise<BenchPart> }> = [
  { name: 'fan-out', load: async () => (await import('./fan-out')).fanOutPart },
  { name: 'decisions', load: async () => (await import('./decision-latency')).decisionPart },
  { name: 'escalation', load: async () => (await import('./escalation')).escalationPart },
  { name: 'dashboard', load: async () => (await import('./dashboard')).dashboardPart },
  { name: 'growth', load: async () => (await import('./growth')).growthPart },
  { name: 'nationwide', load: async () => (await import('./nationwide')).nationwidePart },
];

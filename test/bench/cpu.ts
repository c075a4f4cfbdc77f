import { readdirSync, readFileSync } from 'node:fs';

/** CPU time (user + system, ms) used so far by each part of the stack, read from /proc (Linux). */
export type CpuByRole = Record<string, number>;

const TICKS_PER_SECOND = 100;

/**
 * Where the machine's CPU goes while something is measured, by role: each role's processes (the
 * PlanCycle worker, the API, the Temporal server, the benchmark's PostgreSQL backends…), and every
 * other process of the machine together as `other`. Sample before and after, then `cpuSpent`.
 */
export function cpuNow(roles: Record<string, readonly number[]>): CpuByRole {
  const byPid = new Map(Object.entries(roles).flatMap(([role, pids]) => pids.map((pid) => [pid, role] as const)));
  const totals: CpuByRole = Object.fromEntries([...Object.keys(roles), 'other'].map((role) => [role, 0]));
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    // comm is in parentheses and may hold spaces; the fields after it are space separated.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
    totals[byPid.get(Number(entry)) ?? 'other'] += ms;
  }
  return totals;
}

/** CPU ms each role used between two samples (processes that ended meanwhile are not counted). */
export function cpuSpent(before: CpuByRole, after: CpuByRole): CpuByRole {
  return Object.fromEntries(Object.entries(after).map(([role, ms]) => [role, Math.max(0, ms - (before[role] ?? 0))]));
}

/** CPU used over a stretch of wall time: cores busy by role and for the machine, ms per unit of work. */
export interface CpuProfile {
  cores: Record<string, number>;
  machineCores: number;
  msPerUnit: Record<string, number>;
  /** CPU ms per unit of the stack being measured: every role but the benchmark (the load) and `other`. */
  stackMsPerUnit: number;
}

export function cpuProfile(spent: CpuByRole, wallSeconds: number, units: number): CpuProfile {
  const cores: Record<string, number> = {};
  const msPerUnit: Record<string, number> = {};
  let stackMs = 0;
  let machineMs = 0;
  for (const [role, ms] of Object.entries(spent)) {
    cores[role] = Math.round((ms / 1000 / wallSeconds) * 100) / 100;
    msPerUnit[role] = Math.round(ms / units);
    machineMs += ms;
    if (role !== 'benchmark' && role !== 'other') stackMs += ms;
  }
  return { cores, machineCores: Math.round((machineMs / 1000 / wallSeconds) * 100) / 100, msPerUnit, stackMsPerUnit: Math.round(stackMs / units) };
}

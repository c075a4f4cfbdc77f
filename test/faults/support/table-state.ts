import type { DataSource } from 'typeorm';
import { eventually } from '../../support/eventually';

/** Each table's row count and a digest of its rows: an update in place changes the digest, not the count. */
export type TableState = Map<string, { rows: number; digest: string }>;

/**
 * The rows of every table of the test database, read with count(*) and an md5 over the rows in a
 * fixed order (pg_stat's counters lag and only estimate). `ignore` names tables a refused request
 * writes by design, such as the count of failed sign-ins.
 */
export async function tableState(dataSource: DataSource, options: { ignore?: readonly string[] } = {}): Promise<TableState> {
  const tables = (await dataSource.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  )) as Array<{ name: string }>;
  const state: TableState = new Map();
  for (const { name } of tables) {
    if (options.ignore?.includes(name)) continue;
    const quoted = `"${name.replace(/"/g, '""')}"`;
    const [row] = (await dataSource.query(`SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${quoted} t`)) as Array<{ rows: number; digest: string }>;
    state.set(name, row);
  }
  return state;
}

/** The tables whose rows differ between two states, with their counts, e.g. `plans: 3 → 3 (rows changed)`. */
export function changedTables(before: TableState, after: TableState): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].flatMap((name) => {
    const was = before.get(name);
    const is = after.get(name);
    if (was?.digest === is?.digest && was?.rows === is?.rows) return [];
    return [`${name}: ${was?.rows ?? 'none'} → ${is?.rows ?? 'none'}${was?.rows === is?.rows ? ' (rows changed)' : ''}`];
  });
}

/** Rows written between two states: the difference of the counts, plus one for each table changed in place. */
export function rowsWritten(before: TableState, after: TableState): number {
  let written = 0;
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(name);
    const is = after.get(name);
    const difference = Math.abs((is?.rows ?? 0) - (was?.rows ?? 0));
    written += difference > 0 ? difference : was?.digest === is?.digest ? 0 : 1;
  }
  return written;
}

/**
 * The state once the worker has finished what the fixture set off (mail sent, tasks opened): two
 * reads a moment apart that agree. Refused requests are then compared against it.
 */
export async function settledTableState(dataSource: DataSource, options: { ignore?: readonly string[] } = {}): Promise<TableState> {
  return eventually(
    async () => {
      const first = await tableState(dataSource, options);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const second = await tableState(dataSource, options);
      const changed = changedTables(first, second);
      if (changed.length > 0) throw new Error(`The database is still changing: ${changed.join('; ')}`);
      return second;
    },
    { timeoutMs: 60_000, intervalMs: 250 },
  );
}

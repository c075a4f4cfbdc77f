import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

/** One line of the table: PlanCycle's number, the raw engine's, how they compare, and the target. */
export interface Figure {
  figure: string;
  /** In `unit`: milliseconds unless it says otherwise. */
  plancycle: number;
  raw: number;
  /** The ratio, or the formula the target is stated in (e.g. `2×raw+20 = 43.1`). */
  comparison: string;
  target: string;
  /** null for a figure reported for context, with no target of its own. */
  met: boolean | null;
  /** The unit of `plancycle` and `raw` (default `ms`). */
  unit?: string;
}

const COLUMNS = ['figure', 'PlanCycle', 'raw engine', 'ratio (or formula)', 'target', 'met'] as const;

export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((figure) => [
    figure.figure,
    amount(figure.plancycle, figure.unit),
    amount(figure.raw, figure.unit),
    figure.comparison,
    figure.target,
    figure.met === null ? '' : figure.met ? 'yes' : 'NO',
  ]);
  const widths = COLUMNS.map((column, index) => Math.max(column.length, ...rows.map((row) => row[index].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, index) => cell.padEnd(widths[index])).join(' | ')} |`;
  return [line(COLUMNS), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** A figure's number with its unit, or a dash for a number the run could not measure. */
function amount(value: number, unit = 'ms'): string {
  return Number.isFinite(value) ? `${value.toFixed(1)} ${unit}` : '—';
}

export function ratio(plancycle: number, raw: number): number {
  return Math.round((plancycle / raw) * 100) / 100;
}

/** Writes the run as `bench-output/bench-<date>.json` under `root` and returns the file's path. */
export function writeReport(root: string, startedAt: Date, figures: readonly Figure[], details: Record<string, unknown>): string {
  const folder = join(root, 'bench-output');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `bench-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10, node: process.version };
  writeFileSync(file, `${JSON.stringify({ startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), machine, figures, details }, null, 2)}\n`);
  return file;
}

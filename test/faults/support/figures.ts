import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where the parts of a run leave their figures; the summary reporter prints them at the end of the run. */
export const FIGURES_FILE = join(__dirname, '../../../test-output/fault-figures.txt');

/**
 * Ends a part of the fault suite with its line of figures, e.g.
 * `worker crashes: units 50, faults injected 20, transitions checked 812, lost 0`. The line goes to
 * the run's figures file (jest would bury a console.log among its own output) and is printed again
 * after jest's summary.
 */
export function reportFigures(part: string, figures: Record<string, number | string>): string {
  const line = `${part}: ${Object.entries(figures)
    .map(([name, value]) => `${name} ${typeof value === 'number' ? value.toLocaleString('en-US') : value}`)
    .join(', ')}`;
  mkdirSync(join(FIGURES_FILE, '..'), { recursive: true });
  appendFileSync(FIGURES_FILE, `${line}\n`);
  return line;
}

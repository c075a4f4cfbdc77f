// Ends a run with the plain line CI tools read ("Tests: N passed, N failed"). Written at exit so it
// comes after Jest's own summary, which is printed after every custom reporter has run. Before it,
// the fault suite's lines of figures (test/faults/support/figures.ts), one per part that ran.
const { existsSync, readFileSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const FIGURES_FILE = join(__dirname, '../../test-output/fault-figures.txt');

class SummaryReporter {
  onRunStart() {
    rmSync(FIGURES_FILE, { force: true });
  }

  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `Tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`;
    const figures = existsSync(FIGURES_FILE) ? readFileSync(FIGURES_FILE, 'utf8').trim() : '';
    const block = figures ? `\nFault suite figures:\n${figures.split('\n').map((figure) => `  ${figure}`).join('\n')}\n\n` : '';
    process.once('exit', () => process.stderr.write(`${block}${line}\n`));
  }
}
module.exports = SummaryReporter;

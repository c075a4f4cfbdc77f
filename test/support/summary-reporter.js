// Ends a run with the plain line CI tools read ("Tests: N passed, N failed"), after Jest's own summary.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `Tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`;
    process.stderr.write(`\n${line}\n`);
  }
}
module.exports = SummaryReporter;

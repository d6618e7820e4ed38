/**
 * Ends the run with the plain line CI reads in any language: "tests: N passed, N failed" (and skipped).
 * Jest's own summary says the same, in a shape CI does not parse.
 */
export default class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const tail = skipped > 0 ? `, ${skipped} skipped` : '';
    process.stdout.write(`\ntests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${tail}\n`);
  }
}

/**
 * Mocha reporter: the spec output, then each test file's wall time (its top-level suites, hooks
 * included), slowest first. `TEST_TIMINGS=1 npm test`, or `npx mocha --reporter
 * test/support/timing-reporter.ts <files>`: where the suite's time goes.
 */
import Mocha from 'mocha';

class TimingReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const started = new Map<Mocha.Suite, number>();
    const perFile = new Map<string, number>();
    runner.on('suite', (s) => {
      if (s.parent?.root) started.set(s, Date.now());
    });
    runner.on('suite end', (s) => {
      const t0 = started.get(s);
      if (t0 === undefined) return;
      const file = (s.file ?? s.title).replace(`${process.cwd()}/`, '');
      perFile.set(file, (perFile.get(file) ?? 0) + Date.now() - t0);
    });
    runner.once('end', () => {
      const rows = [...perFile].sort((a, b) => b[1] - a[1]);
      console.log('\nwall time per file (s), slowest first:');
      for (const [file, ms] of rows) console.log(`${(ms / 1000).toFixed(1).padStart(8)}  ${file}`);
      console.log(`${(rows.reduce((sum, [, ms]) => sum + ms, 0) / 1000).toFixed(1).padStart(8)}  (all files)`);
    });
  }
}

export default TimingReporter;

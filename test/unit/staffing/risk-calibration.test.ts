/**
 * The chance of meeting the target (staffing/projection-risk.ts) against what happens: the
 * model's own assumptions drawn at random must land within sampling error of the stated
 * probabilities in every band (the arithmetic), and the seeded queue simulator within 10
 * points in every band of three or more intervals, beating a constant forecast on the Brier
 * score. (Before the interval's own randomness was modelled, bands below 80 % were 6-15
 * points pessimistic: this test failed.)
 */
import { expect } from 'chai';
import { calibrateRisk, type CalibrationReport } from '../../../staffing';
import { demoCases } from '../../../bin/commands/risk';
import { main } from '../../../bin/cli';
import { PassThrough } from 'node:stream';

describe('risk calibration: stated chances of meeting the target against drawn and simulated intervals', function () {
  this.timeout(300_000);
  let report: CalibrationReport;
  let enough: CalibrationReport['bands'];
  before(() => {
    report = calibrateRisk(demoCases(), { trials: 150, seed: 7, absenceRate: 0.04, forecastCv: 0.1 });
    enough = report.bands.filter((b) => b.cases >= 3);
  });

  it('the grid spans the bands: at least six bands of ten hold three or more intervals', () => {
    expect(enough.length).to.be.at.least(6);
  });

  it('sampled from the model’s assumptions: every band within 4 points of its mean prediction', () => {
    // 3+ cases × 150 draws: the standard error of a band's frequency is at most ~2.4 points.
    for (const b of enough) expect(Math.abs(b.sampled - b.meanPredicted), `band ${b.from}`).to.be.below(0.04);
  });

  it('queue simulator: every band of three or more intervals within 10 points; at 80 % and above within 5', () => {
    for (const b of enough) {
      const gap = b.queue! - b.meanPredicted;
      expect(Math.abs(gap), `band ${b.from}: ${b.meanPredicted} vs ${b.queue}`).to.be.below(0.1);
      if (b.from >= 0.8) expect(Math.abs(gap), `band ${b.from}`).to.be.below(0.05);
    }
  });

  it('Brier score: the model beats a constant forecast by a third, against the queue too', () => {
    expect(report.brier.sampled).to.be.below(report.brier.sampledConstant * 0.67);
    expect(report.brier.queue!).to.be.below(report.brier.queueConstant! * 0.75);
  });

  it('wfm risk calibration prints the reliability table; a bad flag is exit code 2 naming it', async () => {
    const io = () => ({ stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() });
    const ok = io();
    expect(await main(['risk', 'calibration', '--trials', '20', '--no-queue'], ok)).to.equal(0);
    const text = (ok.stdout.read() as Buffer).toString();
    expect(text)
      .to.contain('predicted')
      .and.to.contain('Brier score')
      .and.to.match(/90–100 %\s+\d+/);
    const bad = io();
    expect(await main(['risk', 'calibration', '--trials', '3'], bad)).to.equal(2);
    expect((bad.stderr.read() as Buffer).toString()).to.contain('--trials must be 10 or more');
  });
});

import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { RotaTimeoutError, solveRotaInWorker } from '../../../scheduling/solve-in-worker';
import { parseRequirementsCsv } from '../../../scheduling/parse/requirements-csv';
import { parseStaffJson } from '../../../scheduling/parse/staff-json';
import { problemFromFiles } from '../../../scheduling/problem';
import type { Problem, SolveProgress } from '../../../scheduling/types';

function sampleWeek(): Problem {
  const req = parseRequirementsCsv(readFileSync(new URL('../../fixtures/rota-sample/REQ.csv', import.meta.url), 'utf8'));
  const staff = parseStaffJson(readFileSync(new URL('../../fixtures/rota-sample/STAFF.json', import.meta.url), 'utf8'));
  if (!req.ok || !staff.ok) throw new Error('sample fixtures do not parse');
  return problemFromFiles(req.value, staff.value, '2026-12-07');
}

describe('scheduling/solveRotaInWorker: the time limit is wall-clock time from the start', function () {
  this.timeout(40000);

  // No assertion here measures how fast the solver is: the deadline is a timer in this thread
  // that stops the worker, and the margins below are for that timer and the event loop only.
  it('solveRotaInWorker, budget already spent before the worker starts, rejects with RotaTimeoutError, not a rota', async () => {
    const t0 = Date.now();
    let error: unknown = null;
    try {
      await solveRotaInWorker(sampleWeek(), { timeLimitSeconds: 2, seed: 1, graceSeconds: 1, startedAtMs: t0 - 5000 });
    } catch (err) {
      error = err;
    }
    expect(error).to.be.instanceOf(RotaTimeoutError);
    // Even the greedy rota takes longer than starting the worker: a rota here would mean the
    // worker ran past a deadline that had passed before it started.
    expect((error as Error).message).to.contain('no rota found within 2 s');
  });

  it('solveRotaInWorker, sample week with 8 s, answers by the deadline plus the grace and its progress times never go backwards', async () => {
    const seen: SolveProgress[] = [];
    const t0 = Date.now();
    // A rota (the best one posted by the deadline) or, on a machine too busy to finish even the
    // greedy one in 8 s, RotaTimeoutError: either way the answer must come at the deadline.
    const s = await solveRotaInWorker(sampleWeek(), {
      timeLimitSeconds: 8,
      seed: 1,
      graceSeconds: 1,
      startedAtMs: t0,
      onProgress: (p) => seen.push(p),
    }).catch((err: unknown) => {
      if (err instanceof RotaTimeoutError) return null;
      throw err;
    });
    const wall = (Date.now() - t0) / 1000;
    if (s) expect(s.shifts.length).to.be.above(0);
    // The worker is stopped by a timer at 8 s + 1 s grace, however slow the solve; the slack is
    // for a busy machine's timers and thread shutdown, not for the solver.
    expect(wall).to.be.below(8 + 1 + 5);
    const times = seen.map((p) => p.seconds);
    expect(times).to.deep.equal([...times].sort((a, b) => a - b));
    if (times.length) expect(Math.max(...times)).to.be.at.most(wall + 0.1);
  });
});

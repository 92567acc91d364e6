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

  it('solveRotaInWorker, budget already spent before the worker starts, rejects with RotaTimeoutError within the grace', async () => {
    const t0 = Date.now();
    let error: unknown = null;
    try {
      await solveRotaInWorker(sampleWeek(), { timeLimitSeconds: 2, seed: 1, graceSeconds: 1, startedAtMs: t0 - 5000 });
    } catch (err) {
      error = err;
    }
    expect(error).to.be.instanceOf(RotaTimeoutError);
    expect((error as Error).message).to.contain('no rota found within 2 s');
    expect(Date.now() - t0).to.be.below(2000);
  });

  it('solveRotaInWorker, sample week with 8 s, answers within 8 s + 1 s grace and its progress times never go backwards', async () => {
    const seen: SolveProgress[] = [];
    const t0 = Date.now();
    const s = await solveRotaInWorker(sampleWeek(), {
      timeLimitSeconds: 8,
      seed: 1,
      graceSeconds: 1,
      startedAtMs: t0,
      onProgress: (p) => seen.push(p),
    });
    const wall = (Date.now() - t0) / 1000;
    expect(s.shifts.length).to.be.above(0);
    expect(wall).to.be.below(9.5);
    const times = seen.map((p) => p.seconds);
    expect(times).to.deep.equal([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).to.be.at.most(wall + 0.1);
  });
});

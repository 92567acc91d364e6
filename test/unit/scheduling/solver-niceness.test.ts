import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { solveRotaInWorker } from '../../../scheduling/solve-in-worker';
import { parseRequirementsCsv } from '../../../scheduling/parse/requirements-csv';
import { parseStaffJson } from '../../../scheduling/parse/staff-json';
import { problemFromFiles } from '../../../scheduling/problem';
import type { Problem } from '../../../scheduling/types';

function sampleWeek(): Problem {
  const req = parseRequirementsCsv(readFileSync(new URL('../../fixtures/rota-sample/REQ.csv', import.meta.url), 'utf8'));
  const staff = parseStaffJson(readFileSync(new URL('../../fixtures/rota-sample/STAFF.json', import.meta.url), 'utf8'));
  if (!req.ok || !staff.ok) throw new Error('sample fixtures do not parse');
  return problemFromFiles(req.value, staff.value, '2026-12-07');
}

/**
 * Solves the sample week until the worker's first progress report, calls `look` then (the
 * worker is alive: it just reported) and stops the solve. No budget to run out: a budget far
 * above need, and the solve is stopped by the test, not by the clock.
 */
async function atFirstProgress(niceness: number | undefined, look: () => void): Promise<void> {
  const stop = new AbortController();
  const solving = solveRotaInWorker(sampleWeek(), {
    timeLimitSeconds: 600,
    seed: 1,
    niceness,
    signal: stop.signal,
    onProgress: () => {
      if (stop.signal.aborted) return;
      look();
      stop.abort('looked');
    },
  });
  await solving.catch((err: unknown) => {
    if (err !== 'looked') throw err;
  });
}

/** Niceness of each thread of this process (Linux /proc: field 19 of the thread's stat). */
function threadNiceness(): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of readdirSync(`/proc/${process.pid}/task`)) {
    try {
      const fields = readFileSync(`/proc/${process.pid}/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ');
      out.set(Number(tid), Number(fields[16]));
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

describe('scheduling/solveRotaInWorker: niceness of the solver thread (Linux)', function () {
  this.timeout(120_000);
  before(function () {
    if (process.platform !== 'linux') this.skip();
  });

  it('niceness 10 → while it solves, one thread of the process runs at 10 and the main thread stays at 0', async () => {
    let nice = new Map<number, number>();
    await atFirstProgress(10, () => (nice = threadNiceness()));
    expect(nice.get(process.pid), 'main thread').to.equal(0);
    expect(
      [...nice.values()].filter((n) => n === 10),
      'threads at niceness 10',
    ).to.have.length(1);
  });

  it('no niceness → no thread of the process is niced', async () => {
    let nice = new Map<number, number>();
    await atFirstProgress(undefined, () => (nice = threadNiceness()));
    expect(nice.size, 'threads seen').to.be.greaterThan(1);
    expect([...nice.values()].filter((n) => n !== 0)).to.deep.equal([]);
  });
});

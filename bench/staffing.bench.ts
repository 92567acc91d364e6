/**
 * Staffing engine benchmark (targets from the issue: a week's requirement for two channels
 * in under 5 ms; any single request under 50 µs at 1,000 Erlangs), and the largest load
 * computed correctly, checked against the independent log-space references of the tests.
 *
 *   node --import tsx bench/staffing.bench.ts [--quick]
 */
import { parseArgs } from 'node:util';
import {
  erlangA,
  erlangC,
  evaluate,
  requiredAgents,
  simulate,
  simulationFromRequirement,
  weekRequirement,
  type ChannelForecast,
  type StaffingRequest,
} from '../staffing';
import { createRng } from '../staffing/simulator/rng';
import { chainStationary, logSpaceErlangB } from '../test/unit/staffing/reference';

const { values } = parseArgs({ options: { quick: { type: 'boolean' } } });
const quick = values.quick ?? false;

interface Row {
  what: string;
  runs: number;
  mean: string;
  p50: string;
  p99: string;
  max: string;
  target: string;
}
const rows: Row[] = [];
const us = (ms: number) => `${(ms * 1000).toFixed(2)} µs`;

/** Times `f` per call (after a warm-up), returning per-call milliseconds. */
function time(runs: number, f: (i: number) => unknown): number[] {
  for (let i = 0; i < Math.min(runs, 200); i++) f(i);
  const out: number[] = new Array(runs);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f(i);
    out[i] = performance.now() - t0;
  }
  return out;
}

function report(what: string, samples: number[], target = '') {
  const s = samples.slice().sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  const fmt = (ms: number) => (ms >= 1 ? `${ms.toFixed(3)} ms` : us(ms));
  rows.push({
    what,
    runs: s.length,
    mean: fmt(s.reduce((a, b) => a + b, 0) / s.length),
    p50: fmt(q(0.5)),
    p99: fmt(q(0.99)),
    max: fmt(s[s.length - 1]!),
    target,
  });
}

// 1. A week of hourly intervals, voice and chat, shaped like the Tbilisi team's days.
const rng = createRng(2026);
const hourly = (peak: number) =>
  Array.from({ length: 168 }, (_, h) => {
    const hour = h % 24;
    return hour < 8 || hour > 21 ? 0 : Math.round(peak * (0.5 + 0.5 * Math.sin(((hour - 8) / 13) * Math.PI)) * (0.8 + 0.4 * rng.uniform()));
  });
const points = (v: number[]) => v.map((volume, h) => ({ start: new Date(Date.UTC(2026, 10, 23, h)).toISOString(), volume }));
const week: ChannelForecast[] = [
  {
    channel: 'voice',
    intervalSeconds: 3600,
    ahtSeconds: 240,
    thresholdSeconds: 20,
    targetServiceLevel: 0.8,
    maxOccupancy: 0.85,
    shrinkage: 0.3,
    points: points(hourly(60)),
  },
  {
    channel: 'chat',
    intervalSeconds: 3600,
    ahtSeconds: 900,
    thresholdSeconds: 180,
    targetServiceLevel: 0.8,
    concurrency: 3,
    patienceSeconds: 600,
    shrinkage: 0.3,
    points: points(hourly(40)),
  },
];
report(
  'week requirement, 2 channels × 168 h (C + A)',
  time(quick ? 50 : 300, () => weekRequirement(week)),
  '< 5 ms',
);
const week15 = week.map((c) => ({
  ...c,
  intervalSeconds: 900,
  points: c.points.flatMap((p) => [0, 1, 2, 3].map((i) => ({ ...p, start: `${p.start}+${i}`, volume: p.volume / 4 + i * 0.01 }))),
}));
report(
  'week requirement, 2 channels × 672 quarter-hours',
  time(quick ? 20 : 100, () => weekRequirement(week15)),
  '',
);

// 2. 100,000 random requests: loads log-uniform in [0.01, 10,000] Erlangs, half Erlang-A.
const n = quick ? 20_000 : 100_000;
const randomRequest = (): StaffingRequest => {
  const erlangs = 10 ** (-2 + 6 * rng.uniform());
  const aht = 60 + Math.floor(rng.uniform() * 840);
  return {
    volume: (erlangs * 1800) / aht,
    intervalSeconds: 1800,
    ahtSeconds: aht,
    thresholdSeconds: Math.floor(rng.uniform() * 60),
    targetServiceLevel: 0.6 + 0.35 * rng.uniform(),
    shrinkage: 0.35 * rng.uniform(),
    patienceSeconds: rng.uniform() < 0.5 ? 30 + rng.uniform() * 600 : undefined,
  };
};
const requests = Array.from({ length: n }, randomRequest);
const found = requests.map((r) => requiredAgents(r).rawAgents);
report(
  `requirement, ${n.toLocaleString('en')} random (0.01–10,000 E)`,
  time(n, (i) => requiredAgents(requests[i]!)),
);
report(
  `evaluation, ${n.toLocaleString('en')} random (at requirement)`,
  time(n, (i) => evaluate({ ...requests[i]!, agents: found[i]! })),
);

// 3. Single requests at 1,000 Erlangs.
const at1000: StaffingRequest = {
  volume: 10_000,
  intervalSeconds: 1800,
  ahtSeconds: 180,
  thresholdSeconds: 20,
  targetServiceLevel: 0.8,
  maxOccupancy: 0.95,
  shrinkage: 0.3,
};
const runs = quick ? 2000 : 20_000;
report(
  'requirement, Erlang-C, 1,000 E',
  time(runs, () => requiredAgents(at1000)),
  '< 50 µs',
);
report(
  'requirement, Erlang-A, 1,000 E (patience 120 s)',
  time(runs, () => requiredAgents({ ...at1000, patienceSeconds: 120 })),
  '< 50 µs',
);
report(
  'evaluation, Erlang-C, 1,000 E, 1,030 agents',
  time(runs, () => erlangC({ ...at1000, agents: 1030 })),
  '< 50 µs',
);
report(
  'evaluation, Erlang-A, 1,000 E, 1,000 agents',
  time(runs, () => erlangA({ ...at1000, agents: 1000, patienceSeconds: 120 })),
  '< 50 µs',
);

// 4. The simulator on the requirement week (both channels, 10 replications), as the scenario page runs it.
const weekRows = weekRequirement(week);
const simInput = simulationFromRequirement(weekRows, {
  intervalSeconds: 3600,
  seed: 1,
  replications: 10,
  chatConcurrency: 3,
  channels: { voice: { ahtSeconds: 240, thresholdSeconds: 20 }, chat: { ahtSeconds: 900, thresholdSeconds: 180, patienceSeconds: 600 } },
});
const contacts = week.reduce((n, c) => n + c.points.reduce((m, p) => m + p.volume, 0), 0);
report(
  `simulate week (${Math.round(contacts).toLocaleString('en')} contacts × 10 replications)`,
  time(quick ? 2 : 5, () => simulate(simInput)),
  '',
);

console.log('\nStaffing engine timings (per call)');
console.table(rows);

// 5. Largest load computed correctly: the requirement's P(wait) (and Erlang-A's abandonment)
//    against the log-space references (Erlang-C: C from log-space Erlang-B; Erlang-A: the
//    stationary chain). Erlang-A gets an abandonment cap of 2 % so that it is not run in the
//    overloaded regime where P(wait) is simply 1.
const accuracy: {
  erlangs: string;
  model: string;
  agents: number;
  metric: string;
  value: number;
  reference: number;
  relativeError: string;
  ok: boolean;
}[] = [];
for (const erlangs of quick ? [1e3, 1e4, 1e5] : [1e2, 1e3, 1e4, 1e5, 1e6]) {
  const req: StaffingRequest = {
    volume: erlangs * 10,
    intervalSeconds: 1800,
    ahtSeconds: 180,
    thresholdSeconds: 20,
    targetServiceLevel: 0.8,
  };
  const c = requiredAgents(req);
  const b = logSpaceErlangB(c.rawAgents, erlangs);
  const refC = (c.rawAgents * b) / (c.rawAgents - erlangs * (1 - b));
  const a = requiredAgents({ ...req, patienceSeconds: 120, maxAbandonRate: 0.02 });
  const refA = chainStationary({ servers: a.rawAgents, erlangs, ahtSeconds: 180, patienceSeconds: 120 });
  const checks = [
    ['Erlang-C', c.rawAgents, 'P(wait)', c.probabilityOfWait, refC],
    ['Erlang-A', a.rawAgents, 'P(wait)', a.probabilityOfWait, refA.probabilityOfWait],
    ['Erlang-A', a.rawAgents, 'abandonRate', a.abandonRate, refA.abandonRate],
  ] as const;
  for (const [model, agents, metric, value, ref] of checks) {
    const err = Math.abs(value - ref) / ref;
    accuracy.push({
      erlangs: erlangs.toLocaleString('en'),
      model,
      agents,
      metric,
      value,
      reference: ref,
      relativeError: err.toExponential(1),
      ok: err < 1e-8,
    });
  }
}
console.log(
  '\nAccuracy at large loads (requirement for 80 % in 20 s; Erlang-A also ≤ 2 % abandonment; vs independent log-space references)',
);
console.table(accuracy);
const allOk = (e: string) => accuracy.filter((r) => r.erlangs === e).every((r) => r.ok);
const largest = [...new Set(accuracy.map((r) => r.erlangs))].filter(allOk).pop();
console.log(`largest load computed correctly (relative error < 1e-8): ${largest} Erlangs`);
console.log('(timings: p50 is the figure to read; mean and max include other processes on a shared 2-core machine and GC)');

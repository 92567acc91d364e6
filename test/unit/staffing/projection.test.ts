import { expect } from 'chai';
import {
  createRng,
  evaluate,
  intervalRisk,
  INTERVAL_NOISE,
  INTERVAL_SKEW,
  projectWeek,
  splitBlended,
  type ChannelSettings,
  type DutyShift,
  type ProjectionDemand,
} from '../../../staffing';
import { coverageOf } from '../../../scheduling/coverage';
import { makeAgent, makeProblem } from '../scheduling/builders';
import { chainReference } from './reference';

const voice: ChannelSettings = {
  id: 'voice',
  kind: 'voice',
  targetServiceLevel: 0.8,
  thresholdSeconds: 20,
  targetAsaSeconds: null,
  maxOccupancy: null,
  shrinkage: 0.3,
  patienceSeconds: null,
  maxAbandonRate: null,
  concurrency: 1,
};
const chat: ChannelSettings = { ...voice, id: 'chat', kind: 'chat', thresholdSeconds: 60, patienceSeconds: 300, concurrency: 2 };

// 2026-12-07 10:00 in Tbilisi (UTC+4) = 06:00Z.
const T = (hh: number, mm = 0) => new Date(Date.UTC(2026, 11, 7, hh - 4, mm)).toISOString();

function duty(staffId: number, from: string, to: string, channel = 'voice', breaks: DutyShift['breaks'] = []): DutyShift {
  return { staffId, start: from, end: to, channel, breaks, activities: null };
}

function demand(over: Partial<ProjectionDemand> = {}): ProjectionDemand {
  return { start: T(10), channel: 'voice', volume: 100, ahtSeconds: 180, neededOnQueue: 14, neededOnRota: 20, ...over };
}

describe('staffing/projection: projectWeek', () => {
  it('projectWeek, 14 voice people on 100 calls per 30 min at AHT 180 s, gives the published SL 0.888 and occupancy 0.714', () => {
    // pyworkforce's published example (queuing/tests/test_erlang.py).
    const shifts = Array.from({ length: 14 }, (_, i) => duty(i + 1, T(10), T(10, 30)));
    const skills = new Map(shifts.map((s) => [s.staffId, ['voice']]));
    const p = projectWeek({ intervalMinutes: 30, channels: [voice], demand: [demand()], staffing: { kind: 'shifts', shifts, skills } });
    expect(p.rows[0]!.onQueue).to.equal(14);
    expect(p.rows[0]!.serviceLevel!).to.be.closeTo(0.888, 0.0005);
    expect(p.rows[0]!.occupancy!).to.be.closeTo(0.714, 0.0005);
  });

  it('projectWeek, 13 people plus one for half the interval, gives the mean of the 13- and 14-server chains (time mix)', () => {
    const shifts = [...Array.from({ length: 13 }, (_, i) => duty(i + 1, T(10), T(11))), duty(99, T(10, 15), T(10, 45))];
    const skills = new Map(shifts.map((s) => [s.staffId, ['voice']]));
    const p = projectWeek({ intervalMinutes: 30, channels: [voice], demand: [demand()], staffing: { kind: 'shifts', shifts, skills } });
    const ref = (n: number) =>
      chainReference({ servers: n, erlangs: 10, ahtSeconds: 180, patienceSeconds: Infinity, thresholdSeconds: 20 });
    expect(p.rows[0]!.onQueue).to.equal(13.5);
    expect(p.rows[0]!.serviceLevel!).to.be.closeTo((ref(13).serviceLevel + ref(14).serviceLevel) / 2, 1e-6);
    expect(p.rows[0]!.asaSeconds!).to.be.closeTo((ref(13).asaSeconds + ref(14).asaSeconds) / 2, 1e-3);
  });

  it('projectWeek, chat with patience and 2 chats at once, gives the Erlang-A chain of agents × 2 servers, with abandonment', () => {
    const shifts = [duty(1, T(10), T(11), 'chat'), duty(2, T(10), T(11), 'chat'), duty(3, T(10), T(11), 'chat')];
    const skills = new Map(shifts.map((s) => [s.staffId, ['chat']]));
    const d = demand({ channel: 'chat', volume: 20, ahtSeconds: 900, neededOnQueue: 3 });
    const p = projectWeek({ intervalMinutes: 60, channels: [voice, chat], demand: [d], staffing: { kind: 'shifts', shifts, skills } });
    const ref = chainReference({ servers: 6, erlangs: 5, ahtSeconds: 900, patienceSeconds: 300, thresholdSeconds: 60 });
    expect(p.rows[0]!.serviceLevel!).to.be.closeTo(ref.serviceLevel, 1e-4);
    expect(p.rows[0]!.abandonRate!).to.be.closeTo(ref.abandonRate, 1e-5);
  });

  it('projectWeek, the lunch break is off the queue and a voice-only person on a chat shift counts nowhere', () => {
    const lunch = [{ start: T(10), end: T(11) }];
    const shifts = [duty(1, T(9), T(12), 'voice', lunch), duty(2, T(9), T(12), 'chat'), duty(3, T(9), T(12))];
    const skills = new Map([
      [1, ['voice']],
      [2, ['voice']],
      [3, ['voice']],
    ]);
    const p = projectWeek({
      intervalMinutes: 60,
      channels: [voice, chat],
      demand: [demand({ start: T(10), neededOnQueue: 2 }), demand({ start: T(10), channel: 'chat', neededOnQueue: 1 })],
      staffing: { kind: 'shifts', shifts, skills },
    });
    expect(p.rows.map((r) => r.onQueue)).to.deep.equal([1, 0]);
  });
});

describe('staffing/queue-split: splitBlended (one policy)', () => {
  it('splitBlended, 3 voice, 2 chat and 4 blended against 5 voice and 3 chat needed, fills deficits then shares 1 spare 5:3', () => {
    // Deficits 2 and 1 take 3 blended; the 4th is shared 5/8 : 3/8 (by hand).
    expect(splitBlended([3, 2], 4, [5, 3], [true, true])).to.deep.equal([5.625, 3.375]);
  });

  it('splitBlended, fewer blended than the deficits, serves the first channel first and leaves the shortfall dv + dc − B', () => {
    const got = splitBlended([1, 0], 2, [4, 2], [true, true]);
    expect(got).to.deep.equal([3, 0]);
    expect(4 - got[0]! + 2 - got[1]!).to.equal(4 - 1 + 2 - 2);
  });

  it('projectWeek and the optimiser’s coverageOf, on the same blended rota, count the same people on each queue', () => {
    const at = (hh: string) => `2026-12-07T${hh}:00+04:00`;
    const need = [
      { timestamp: at('10:00'), channel: 'voice', required: 3 },
      { timestamp: at('10:00'), channel: 'chat', required: 1 },
      { timestamp: at('11:00'), channel: 'voice', required: 1 },
      { timestamp: at('11:00'), channel: 'chat', required: 1 },
    ];
    const staff = [
      makeAgent({ id: '1' }),
      makeAgent({ id: '2', skills: ['voice', 'chat'] }),
      makeAgent({ id: '3', skills: ['voice', 'chat'] }),
    ];
    staff.push(makeAgent({ id: '4', skills: ['voice', 'chat'] }));
    const engine = [
      { staffId: '1', start: at('10:00'), end: at('12:00'), channel: 'voice', breaks: [] },
      { staffId: '2', start: at('10:00'), end: at('12:00'), channel: 'both', breaks: [] },
      { staffId: '3', start: at('10:00'), end: at('12:00'), channel: 'both', breaks: [{ start: at('11:00'), end: at('11:30') }] },
      { staffId: '4', start: at('10:30'), end: at('12:00'), channel: 'both', breaks: [] },
    ];
    const cov = coverageOf(makeProblem({ staff, requirements: need }), engine);
    const shifts = engine.map((s) => ({ ...s, staffId: Number(s.staffId), activities: null }));
    const p = projectWeek({
      intervalMinutes: 60,
      channels: [voice, chat],
      demand: need.map((n) => demand({ start: n.timestamp, channel: n.channel, neededOnQueue: n.required })),
      staffing: { kind: 'shifts', shifts, skills: new Map(staff.map((s) => [Number(s.id), s.skills])) },
    });
    const asked = new Set(need.map((n) => Date.parse(n.timestamp)));
    const fromCoverage = cov.rows
      .filter((r) => asked.has(Date.parse(r.timestamp)))
      .map((r) => `${Date.parse(r.timestamp)}|${r.channel}|${r.onDuty}`)
      .sort();
    const fromProjection = p.rows.map((r) => `${Date.parse(r.start)}|${r.channel}|${r.onQueue}`).sort();
    expect(fromProjection).to.deep.equal(fromCoverage);
    // By hand, 10:00: until 10:30 two blended fill voice's deficit of 2 (chat 0); then a third covers chat: 0.5.
    expect(p.rows.find((r) => r.start === new Date(at('10:00')).toISOString() && r.channel === 'chat')!.onQueue).to.equal(0.5);
  });
});

describe('staffing/projection-risk: intervalRisk', () => {
  it('intervalRisk, against 20,000 seeded draws of volume (band + interval noise) and absence, agrees within 1.5 points', () => {
    const d = { volume: 100, ahtSeconds: 180, lower80: 85, upper80: 115 };
    const n = 14;
    const absence = 0.05;
    const stated = intervalRisk(voice, 30, d, n, { absenceRate: absence })!;
    const rng = createRng(7);
    // The band's spread, plus the interval's own randomness centred below the forecast (projection-risk.ts).
    const band = 30 / (2 * 1.2815515655446004);
    const noise = Math.sqrt(INTERVAL_NOISE * 100);
    const sd = Math.sqrt(band ** 2 + noise ** 2);
    let met = 0;
    const draws = 20_000;
    for (let i = 0; i < draws; i++) {
      const v = Math.max(0, 100 - INTERVAL_SKEW * noise + sd * rng.normal());
      let present = 0;
      for (let k = 0; k < n; k++) if (rng.uniform() >= absence) present++;
      if (present === 0) continue;
      let sl: number;
      try {
        sl = evaluate({ volume: v, intervalSeconds: 1800, ahtSeconds: 180, agents: present, thresholdSeconds: 20 }).serviceLevel ?? 0;
      } catch {
        sl = 0;
      }
      if (sl >= 0.8) met++;
    }
    expect(stated).to.be.closeTo(met / draws, 0.015);
    expect(stated).to.be.within(0.2, 0.9);
  });

  it('intervalRisk, no target set, is null; far more people than needed and no absence, is 1', () => {
    expect(intervalRisk({ ...voice, targetServiceLevel: null }, 30, demand(), 14, { absenceRate: 0 })).to.equal(null);
    expect(intervalRisk(voice, 30, demand(), 30, { absenceRate: 0 })).to.be.closeTo(1, 1e-9);
  });
});

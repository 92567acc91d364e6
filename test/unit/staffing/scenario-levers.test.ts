/**
 * The what-if levers as changes to a week: hand-computed values (volume factors multiply, a
 * day's contacts are kept when hours shorten, new hires' hours add up to count × hours × (1 −
 * shrinkage), targets replace only the fields given) and the extra people to reach a target.
 */
import { expect } from 'chai';
import {
  extraToTarget,
  hiresOnQueue,
  intervalMetrics,
  moveClosedContacts,
  shrinkageFactor,
  volumeFactorOf,
  withTargets,
  type ChannelSettings,
  type ProjectionDemand,
} from '../../../staffing';

const ZONE = 'Asia/Tbilisi';
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
const chat: ChannelSettings = { ...voice, id: 'chat', kind: 'chat', thresholdSeconds: 180, concurrency: 2, shrinkage: 0.2 };

/** Saturday 28 November 2026, local hours `from`..`to` of a channel, `volume` each. */
function day(channel: string, from: number, to: number, volume: (h: number) => number, aht = 180): ProjectionDemand[] {
  const out: ProjectionDemand[] = [];
  for (let h = from; h < to; h++) {
    const start = new Date(Date.UTC(2026, 10, 28, h - 4)).toISOString();
    out.push({ start, channel, volume: volume(h), ahtSeconds: aht, neededOnQueue: 0, neededOnRota: 0 });
  }
  return out;
}

describe('staffing/scenario-levers: the what-if levers', () => {
  it('volume: +10 % overall, +20 % for voice and +50 % on Saturday multiply (× 1.98) on a voice Saturday; other channels get the overall and day only', () => {
    const f = volumeFactorOf({ volumeChangePct: 10, channelVolumePct: { voice: 20 }, dayVolumePct: { '6': 50 } }, ZONE, () => true);
    const sat = day('voice', 10, 11, () => 1)[0]!.start;
    const fri = new Date(Date.parse(sat) - 86_400_000).toISOString();
    expect(f('voice', sat)).to.be.closeTo(1.1 * 1.2 * 1.5, 1e-12);
    expect(f('voice', fri)).to.be.closeTo(1.1 * 1.2, 1e-12);
    expect(f('chat', sat)).to.be.closeTo(1.1 * 1.5, 1e-12);
    const scoped = volumeFactorOf({ volumeChangePct: 10 }, ZONE, (c) => c === 'chat');
    expect(scoped('voice', sat)).to.equal(1);
  });

  it('opening hours 10:00-18:00: the day keeps its contacts, closed hours get none, open hours grow in proportion', () => {
    const demand = day('voice', 8, 23, (h) => h);
    const moved = moveClosedContacts(demand, { opens: '10:00', closes: '18:00' }, ZONE, () => true);
    const total = (d: ProjectionDemand[]) => d.reduce((s, x) => s + x.volume, 0);
    expect(total(moved)).to.be.closeTo(total(demand), 1e-9);
    // 8..22 o’clock: 225 contacts; open 10..17: 108; the 117 others come back, × 225/108.
    expect(moved[0]!.volume).to.equal(0);
    expect(moved[2]!.volume).to.be.closeTo(10 * (225 / 108), 1e-9);
    expect(moved[14]!.volume).to.equal(0);
    const untouched = moveClosedContacts(demand, { opens: '10:00', closes: '18:00' }, ZONE, (c) => c === 'chat');
    expect(untouched).to.deep.equal(demand);
  });

  it('new hires: 2 voice hires of 40 h at 30 % shrinkage = 56 h on the queue, placed in proportion to the load', () => {
    const demand = [...day('voice', 8, 12, (h) => (h === 8 ? 30 : 10)), ...day('chat', 8, 12, () => 10)];
    const got = hiresOnQueue(demand, [voice, chat], { count: 2, skill: 'voice', hoursPerWeek: 40 }, 60);
    const sum = [...got.values()].reduce((s, v) => s + v, 0);
    expect(sum).to.be.closeTo(56, 1e-9);
    expect([...got.keys()].every((k) => k.startsWith('voice|'))).to.equal(true);
    // 08:00 has 30 of the 60 contacts: half of the hours.
    expect(got.get(`voice|${Date.parse(demand[0]!.start)}`)).to.be.closeTo(28, 1e-9);
    const both = hiresOnQueue(demand, [voice, chat], { count: 1, skill: 'both', hoursPerWeek: 40 }, 60);
    // Load: voice 60×180 = 10 800, chat 40×180÷2 = 3 600; voice 3/4 of 40 h × 0.7, chat 1/4 × 0.8.
    const onChannel = (c: string) => [...both].filter(([k]) => k.startsWith(`${c}|`)).reduce((s, [, v]) => s + v, 0);
    expect(onChannel('voice')).to.be.closeTo(40 * 0.75 * 0.7, 1e-9);
    expect(onChannel('chat')).to.be.closeTo(40 * 0.25 * 0.8, 1e-9);
  });

  it('shrinkage 40 % on a channel set at 30 %: the queue keeps 0.6 ÷ 0.7 of its people; targets replace only the fields given', () => {
    expect(shrinkageFactor(voice, 0.4)).to.be.closeTo(0.6 / 0.7, 1e-12);
    const [v, c] = withTargets([voice, chat], { voice: { serviceLevelPct: 90, asaSeconds: 15 } });
    expect(v).to.include({ targetServiceLevel: 0.9, thresholdSeconds: 20, targetAsaSeconds: 15 });
    expect(c).to.equal(chat);
  });

  it('extra to target: 100 calls in 30 min, AHT 180 s, 80 % in 20 s needs 14 (pyworkforce/textbook); with 11 on the queue, 3 more', () => {
    // Erlang-C: 10 Erlangs; 13 agents give about 71 %, 14 about 89 %.
    const row = { volume: 100, ahtSeconds: 180, onQueue: 11 };
    expect(extraToTarget(voice, 30, row)).to.equal(3);
    expect(intervalMetrics(voice, 30, 100, 180, 14).serviceLevel!).to.be.above(0.8);
    expect(intervalMetrics(voice, 30, 100, 180, 13).serviceLevel!).to.be.below(0.8);
    // An ASA target of 5 s binds harder than 80 % in 20 s.
    const strict = { ...voice, targetAsaSeconds: 5 };
    expect(extraToTarget(strict, 30, row)).to.be.above(3);
  });
});

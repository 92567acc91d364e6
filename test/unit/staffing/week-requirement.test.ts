import { expect } from 'chai';
import { erlangA, erlangC, weekRequirement, type ChannelForecast } from '../../../staffing';

const voice = (volumes: number[], over: Partial<ChannelForecast> = {}): ChannelForecast => ({
  channel: 'voice',
  intervalSeconds: 3600,
  ahtSeconds: 240,
  thresholdSeconds: 20,
  targetServiceLevel: 0.8,
  shrinkage: 0.3,
  points: volumes.map((volume, h) => ({ start: `2026-11-23T${String(h).padStart(2, '0')}:00:00+04:00`, volume })),
  ...over,
});

describe('staffing/week-requirement', () => {
  it('weekRequirement, voice and chat hours, gives one plain row per interval and channel in input order', () => {
    const chat: ChannelForecast = {
      ...voice([30, 0]),
      channel: 'chat',
      ahtSeconds: 900,
      thresholdSeconds: 180,
      concurrency: 3,
      patienceSeconds: 600,
    };
    const rows = weekRequirement([voice([60, 0, 45]), chat]);
    expect(rows.map((r) => `${r.channel}@${r.start.slice(11, 13)}`)).to.deep.equal([
      'voice@00',
      'voice@01',
      'voice@02',
      'chat@00',
      'chat@01',
    ]);
    expect(Object.keys(rows[0]!).sort()).to.deep.equal(
      [
        'start',
        'channel',
        'volume',
        'ahtSeconds',
        'rawAgents',
        'scheduledAgents',
        'serviceLevel',
        'asaSeconds',
        'averageWaitSeconds',
        'occupancy',
        'abandonRate',
        'probabilityOfWait',
      ].sort(),
    );
    expect(rows[0]!.start).to.equal('2026-11-23T00:00:00+04:00');
    expect(rows[0]!.abandonRate).to.equal(null); // Erlang-C
    expect(rows[3]!.abandonRate).to.be.a('number'); // Erlang-A
  });

  it('weekRequirement, 60 calls an hour at AHT 240 s, gives the smallest N whose Erlang-C SL ≥ 0.8 and its metrics', () => {
    const [row] = weekRequirement([voice([60])]);
    const at = (n: number) => erlangC({ volume: 60, intervalSeconds: 3600, ahtSeconds: 240, agents: n, thresholdSeconds: 20 });
    expect(at(row!.rawAgents).serviceLevel!).to.be.at.least(0.8);
    expect(at(row!.rawAgents - 1).serviceLevel!).to.be.below(0.8);
    expect(row!.scheduledAgents).to.equal(Math.ceil(row!.rawAgents / 0.7 - 1e-9));
    expect(row!.serviceLevel).to.equal(at(row!.rawAgents).serviceLevel);
  });

  it("weekRequirement, chat with concurrency 3 and patience, reports Erlang-A metrics on the agents' slots", () => {
    const chat: ChannelForecast = {
      ...voice([30]),
      channel: 'chat',
      ahtSeconds: 900,
      thresholdSeconds: 180,
      concurrency: 3,
      patienceSeconds: 600,
    };
    const [row] = weekRequirement([chat]);
    const m = erlangA({
      volume: 30,
      intervalSeconds: 3600,
      ahtSeconds: 900,
      agents: row!.rawAgents * 3,
      thresholdSeconds: 180,
      patienceSeconds: 600,
    });
    expect(row!.serviceLevel).to.equal(m.serviceLevel);
    expect(row!.abandonRate).to.equal(m.abandonRate);
  });

  it('weekRequirement, zero-volume intervals, need 0 agents and invent no minimum', () => {
    const rows = weekRequirement([voice([0, 0])]);
    expect(rows.map((r) => r.rawAgents)).to.deep.equal([0, 0]);
    expect(rows.map((r) => r.scheduledAgents)).to.deep.equal([0, 0]);
  });

  it('weekRequirement, minAgentsWhenOpen 2, floors open intervals only', () => {
    const f = voice([0, 0, 60]);
    f.points[1]!.open = false;
    const rows = weekRequirement([f], { minAgentsWhenOpen: { voice: 2 } });
    expect(rows.map((r) => r.rawAgents)).to.deep.equal([2, 0, rows[2]!.rawAgents]);
    expect(rows[2]!.rawAgents).to.be.above(2);
    expect(rows[0]!.scheduledAgents).to.equal(3);
  });

  it('weekRequirement, a full week of 168 hours for two channels, returns 336 rows', () => {
    const hours = Array.from({ length: 168 }, (_, h) => Math.round(30 + 25 * Math.sin((h % 24) / 3.8)));
    const rows = weekRequirement([
      voice(hours),
      { ...voice(hours), channel: 'chat', ahtSeconds: 900, concurrency: 3, thresholdSeconds: 240 },
    ]);
    expect(rows).to.have.length(336);
  });

  it('weekRequirement, a bad point, throws naming the channel and point', () => {
    expect(() => weekRequirement([voice([10, -5])])).to.throw(/^channels\[0\]\.points\[1\]\.volume: must be/);
    expect(() => weekRequirement([voice([10], { shrinkage: 1 })])).to.throw(/^channels\[0\]\.points\[0\]\.shrinkage/);
  });
});

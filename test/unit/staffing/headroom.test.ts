import { expect } from 'chai';
import { dayHeadroom, queueKey, type ChannelSettings, type ProjectionDemand } from '../../../staffing';

/**
 * dayHeadroom against the published Erlang-C example (pyworkforce, queuing/tests/test_erlang.py):
 * 100 contacts in 30 minutes, AHT 180 s, 80 % answered within 20 s → 14 agents is the fewest
 * that meets the target (SL 0.888 with 14). So with 17 on the queue, 3 more could be off.
 */
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
const ZONE = 'Asia/Tbilisi';
// Monday 7 Dec 2026 in Tbilisi (UTC+4).
const T = (day: number, hh: number, mm = 0) => new Date(Date.UTC(2026, 11, 7 + day, hh - 4, mm)).toISOString();

const demand = (start: string, volume = 100): ProjectionDemand => ({
  start,
  channel: 'voice',
  volume,
  ahtSeconds: 180,
  neededOnQueue: 14,
  neededOnRota: 20,
});

/** Textbook Erlang C (written here, not the project's): share answered within `t` s with `n` agents. */
function textbookSl(volume: number, intervalSeconds: number, aht: number, n: number, t: number): number {
  const a = (volume * aht) / intervalSeconds;
  if (n <= a) return 0;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < n; k++) {
    term *= a / k;
    sum += term;
  }
  const top = ((term * a) / n) * (n / (n - a));
  const c = top / (sum + top);
  return 1 - c * Math.exp((-(n - a) * t) / aht);
}

function run(onQueue: [string, number][], rows: ProjectionDemand[], target = 0.8) {
  return dayHeadroom({
    intervalMinutes: 30,
    zone: ZONE,
    channels: [{ ...voice, targetServiceLevel: target }],
    demand: rows,
    onQueue: new Map(onQueue.map(([start, n]) => [queueKey('voice', start), n])),
  });
}

describe('dayHeadroom: more people who could be off on a day and still meet the target', () => {
  it('one interval, the published example: 17 on the queue → 3; 14 → 0 and not short; 13 → short', () => {
    const row = [demand(T(0, 10))];
    expect(run([[T(0, 10), 17]], row)[0]).to.include({ date: '2026-12-07', headroom: 3, short: false });
    expect(run([[T(0, 10), 14]], row)[0]).to.include({ headroom: 0, short: false });
    const short = run([[T(0, 10), 13]], row)[0];
    expect(short).to.include({ headroom: 0, short: true });
    expect(short.serviceLevel).to.be.below(0.8);
    expect(run([[T(0, 10), 14]], row)[0].serviceLevel).to.be.closeTo(0.888, 0.001);
  });

  it('each day on its own: a quiet second day keeps its own, larger headroom; no target → null', () => {
    const rows = [demand(T(0, 10)), demand(T(1, 10), 50)];
    const days = run(
      [
        [T(0, 10), 16],
        [T(1, 10), 16],
      ],
      rows,
    );
    // 50 contacts need fewer people: the fewest meeting 80 % by the textbook formula.
    let fewest = 1;
    while (textbookSl(50, 1800, 180, fewest, 20) < 0.8) fewest++;
    expect(days.map((d) => [d.date, d.headroom])).to.deep.equal([
      ['2026-12-07', 2],
      ['2026-12-08', Math.min(10, 16 - fewest)],
    ]);
    expect(textbookSl(100, 1800, 180, 14, 20)).to.be.closeTo(0.888, 0.001);
    const none = dayHeadroom({
      intervalMinutes: 30,
      zone: ZONE,
      channels: [{ ...voice, targetServiceLevel: null }],
      demand: rows,
      onQueue: new Map(),
    });
    expect(none.every((d) => d.headroom === null)).to.equal(true);
  });

  it('the day is judged as a whole (volume-weighted), not interval by interval', () => {
    // A busy interval well staffed and a light one thin: the day can still give people.
    const rows = [demand(T(0, 10), 100), demand(T(0, 10, 30), 10)];
    const [day] = run(
      [
        [T(0, 10), 18],
        [T(0, 10, 30), 3],
      ],
      rows,
    );
    expect(day.headroom!).to.be.greaterThan(0);
  });
});

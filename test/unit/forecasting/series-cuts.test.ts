import { expect } from 'chai';
import { SeriesCuts } from '../../../forecasting/series-cuts';
import { instantsOf, prepareSeries, type HistoryPoint } from '../../../forecasting/series';
import { syntheticHistory } from '../../../forecasting/synthetic';

/** prepareSeries and SeriesCuts.prepare at every `stepMs` from the history's first instant past its last. */
function compareCuts(history: HistoryPoint[], zone: string, intervalMinutes: number | undefined, stepMs: number): number {
  const instants = instantsOf(history);
  const cuts = new SeriesCuts(history, zone, instants);
  let compared = 0;
  for (let t = instants[0] - stepMs; t <= instants[instants.length - 1] + 2 * stepMs; t += stepMs) {
    let expected: unknown;
    let actual: unknown;
    try {
      expected = prepareSeries(history, zone, intervalMinutes, t, instants);
    } catch (err) {
      expected = (err as Error).message;
    }
    try {
      actual = cuts.prepare(intervalMinutes, t);
    } catch (err) {
      actual = (err as Error).message;
    }
    expect(actual, new Date(t).toISOString()).to.deep.equal(expected);
    compared++;
  }
  return compared;
}

describe('SeriesCuts', () => {
  it('prepare, an hourly Tbilisi history with handle times cut at every hour, equals prepareSeries', () => {
    const h = syntheticHistory({ seed: 1, from: '2025-06-02', days: 40, dailyVolume: 300, ahtSeconds: 240 });
    expect(compareCuts(h, 'Asia/Tbilisi', 60, 3_600_000)).to.be.greaterThan(900);
  });

  it('prepare, a 15-minute history cut every 5 minutes and read hourly or as given, equals prepareSeries', () => {
    const h = syntheticHistory({ seed: 5, from: '2025-06-02', days: 10, dailyVolume: 900, intervalMinutes: 15 });
    compareCuts(h, 'Asia/Tbilisi', 15, 300_000);
    compareCuts(h, 'Asia/Tbilisi', 60, 300_000);
    compareCuts(h, 'Asia/Tbilisi', undefined, 3_600_000);
  });

  it('prepare, a Berlin history across both clock changes (local time goes back), equals prepareSeries', () => {
    const h = syntheticHistory({ seed: 4, from: '2025-03-24', days: 230, dailyVolume: 4000, openHours: [0, 24], zone: 'Europe/Berlin' });
    const early = h.filter((p) => String(p.start) < '2025-04-10');
    compareCuts(early, 'Europe/Berlin', 60, 3_600_000);
    compareCuts(h, 'Europe/Berlin', 60, 7 * 86_400_000);
  });

  it('prepare, hourly rows that turn into 15-minute rows, refuses and warns as prepareSeries does', () => {
    const hourly = syntheticHistory({ seed: 6, from: '2025-06-02', days: 12, dailyVolume: 300 });
    const quarter = syntheticHistory({ seed: 6, from: '2025-06-14', days: 12, dailyVolume: 300, intervalMinutes: 15 });
    const h = [...hourly, ...quarter.filter((p) => String(p.start) > String(hourly[hourly.length - 1].start))];
    compareCuts(h, 'Asia/Tbilisi', 15, 3_600_000);
    compareCuts(h, 'Asia/Tbilisi', 60, 3_600_000);
  });

  it('prepare, points out of order, equals prepareSeries', () => {
    const h = syntheticHistory({ seed: 2, from: '2025-06-02', days: 15, dailyVolume: 300 });
    [h[10], h[200]] = [h[200], h[10]];
    compareCuts(h, 'Asia/Tbilisi', 60, 3_600_000);
  });
});

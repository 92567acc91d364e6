import { expect } from 'chai';
import { FoldMemo } from '../../../forecasting/fold-memo';
import { forecastSeries, type ForecastOptions, type HistoryPoint } from '../../../forecasting/index';
import { syntheticHistory } from '../../../forecasting/synthetic';

const TBILISI = 'Asia/Tbilisi';
const history = syntheticHistory({ seed: 7, from: '2025-06-02', days: 140, dailyVolume: 400, growth: 0.1 });

function options(start: string, foldMemo?: FoldMemo): ForecastOptions {
  return { zone: TBILISI, start, hours: 72, calendar: { publicHolidays: 'GE' }, foldMemo };
}

describe('FoldMemo', () => {
  it('sharedLength, grids equal up to index 5, shares 5 values; another first day shares none', () => {
    const memo = new FoldMemo();
    const first = Float64Array.from([1, 2, NaN, 4, 5, 6, 7]);
    expect(memo.sharedLength(first, 100, 24)).to.equal(7);
    expect(memo.sharedLength(Float64Array.from([1, 2, NaN, 4, 5, 0, 7, 8]), 100, 24)).to.equal(5);
    expect(memo.sharedLength(first.subarray(0, 4), 100, 24)).to.equal(4);
    expect(memo.sharedLength(first, 101, 24)).to.equal(0);
    expect(memo.sharedLength(first, 100, 48)).to.equal(0);
  });

  it('sharedLength, a longer grid agreeing with all of the first, takes its place', () => {
    const memo = new FoldMemo();
    memo.sharedLength(Float64Array.from([1, 2, 3]), 0, 24);
    expect(memo.sharedLength(Float64Array.from([1, 2, 3, 4, 5]), 0, 24)).to.equal(3);
    expect(memo.sharedLength(Float64Array.from([1, 2, 3, 4, 9]), 0, 24)).to.equal(4);
  });

  it('forecastSeries, a memo filled by forecasts from a day and a week earlier, gives the fresh forecast exactly', () => {
    const memo = new FoldMemo();
    forecastSeries(history, options('2025-10-12T00:00', memo));
    forecastSeries(history, options('2025-10-18T00:00', memo));
    const shared = forecastSeries(history, options('2025-10-19T00:00', memo));
    expect(shared).to.deep.equal(forecastSeries(history, options('2025-10-19T00:00')));
  });

  it('forecastSeries, a memo filled from a history with one value changed, gives the changed history its own forecast', () => {
    // The change lies inside the backtest weeks, so a memo trusting the first history would differ.
    const changed: HistoryPoint[] = history.map((p, i) => (i === history.length - 400 ? { ...p, volume: p.volume * 3 + 50 } : p));
    const memo = new FoldMemo();
    const before = forecastSeries(history, options('2025-10-19T00:00', memo));
    const fresh = forecastSeries(changed, options('2025-10-19T00:00'));
    expect(fresh.points).to.not.deep.equal(before.points);
    expect(forecastSeries(changed, options('2025-10-19T00:00', memo))).to.deep.equal(fresh);
  });
});

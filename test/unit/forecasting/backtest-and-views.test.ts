import { expect } from 'chai';
import {
  accuracyByWeek,
  applyAdjustmentsByPlatform,
  backtest,
  dailyShape,
  weeklyShape,
  type ForecastPoint,
  type HistoryPoint,
} from '../../../forecasting/index';
import { syntheticHistory } from '../../../forecasting/synthetic';

const TBILISI = 'Asia/Tbilisi';

describe('backtest', () => {
  const h = syntheticHistory({ seed: 11, from: '2025-01-06', days: 280, dailyVolume: 2000 });

  it('backtest, synthetic centre, seasonal-naive WAPE equals an independent same-hour-last-week computation', () => {
    const r = backtest(h, { zone: TBILISI, folds: 2, horizon: 168 });
    // Independent: the last 2 × 168 hours, forecast = the value 168 hours earlier.
    const v = h.map((p) => p.volume);
    let err = 0;
    let sum = 0;
    for (let i = v.length - 336; i < v.length; i++) {
      const fold = i < v.length - 168 ? v.length - 336 : v.length - 168;
      err += Math.abs(v[i - 168 * (1 + Math.floor((i - fold) / 168))] - v[i]);
      sum += v[i];
    }
    const naive = r.methods.find((m) => m.method === 'seasonal-naive')!;
    expect(naive.wape).to.be.closeTo(err / sum, 1e-12);
    expect(r.folds.map((f) => f.from)).to.deep.equal([
      new Date(Date.parse(String(h[h.length - 336].start)) + 4 * 3_600_000).toISOString().slice(0, 16),
      new Date(Date.parse(String(h[h.length - 168].start)) + 4 * 3_600_000).toISOString().slice(0, 16),
    ]);
  });

  it('backtest, synthetic centre, auto beats the seasonal naive by more than 15% and covers 80% within 0.65-0.95', () => {
    const r = backtest(h, { zone: TBILISI, folds: 4, horizon: 168 });
    const auto = r.methods[0];
    const naive = r.methods.find((m) => m.method === 'seasonal-naive')!;
    expect(auto.method).to.equal('auto');
    expect(auto.wape).to.be.lessThan(0.85 * naive.wape);
    expect(auto.coverage80Open).to.be.within(0.65, 0.95);
    expect(auto.coverage95Open).to.be.within(0.85, 1);
    expect(auto.mase).to.be.lessThan(1);
  });

  it('backtest, synthetic centre, pinball at 50% is half the WAPE; the calibrated 90% quantile scores below the median loss', () => {
    const r = backtest(h, { zone: TBILISI, folds: 2, horizon: 168 });
    for (const m of r.methods) {
      expect(m.pinball50, m.method).to.be.closeTo(m.wape / 2, 1e-12);
      expect(m.pinball10, m.method).to.be.greaterThan(0);
      expect(m.pinball90, m.method).to.be.greaterThan(0);
    }
    // Scored at τ = 0.9, the point forecast itself would cost about pb50 (symmetric errors): a
    // calibrated upper80 must do better than that.
    const naive = r.methods.find((m) => m.method === 'seasonal-naive')!;
    expect(naive.pinball90).to.be.lessThan(naive.pinball50);
  });

  it('backtest, history shorter than the folds, runs the folds it holds; shorter than a fold and a week, throws a clear error', () => {
    expect(backtest(h.slice(0, 24 * 20), { zone: TBILISI, folds: 4 }).folds).to.have.length(1);
    expect(() => backtest(h.slice(0, 24 * 13), { zone: TBILISI, folds: 4 })).to.throw(/too short/);
  });
});

describe('forecast views', () => {
  const pts: ForecastPoint[] = [0, 1, 2].map((i) => ({
    start: `2026-12-07T0${i}:00:00.000+04:00`,
    volume: 10,
    lower80: 8,
    upper80: 12,
    lower95: 6,
    upper95: 14,
  }));

  it('applyAdjustmentsByPlatform on the whole channel, ×1.2 on the first two hours then set 5 on the second, applies in order with bounds', () => {
    const out = applyAdjustmentsByPlatform(
      pts,
      [],
      [
        { from: '2026-12-07T00:00:00+04:00', to: '2026-12-07T02:00:00+04:00', kind: 'scale', value: 1.2, platform: null },
        { from: '2026-12-07T01:00:00+04:00', to: '2026-12-07T02:00:00+04:00', kind: 'set', value: 5, platform: null },
      ],
    ).channel;
    expect(out[0].volume).to.be.closeTo(12, 1e-12);
    expect(out[0].lower80).to.be.closeTo(9.6, 1e-12);
    expect(out[0].upper80).to.be.closeTo(14.4, 1e-12);
    expect(out[0].modelVolume).to.equal(10);
    expect(out[1].volume).to.equal(5);
    expect(out[1].upper80).to.be.closeTo(12 * 1.2 * (5 / 12), 1e-12);
    expect(out.slice(0, 3).map((p) => p.adjusted)).to.deep.equal([true, true, false]);
    expect(out[2]).to.include({ volume: 10 });
  });

  it('accuracyByWeek, two weeks of points, gives WAPE and bias per local Monday', () => {
    const f = [
      { start: '2026-12-06T10:00:00+04:00', volume: 10 }, // Sunday → week of 30 Nov
      { start: '2026-12-07T10:00:00+04:00', volume: 10 },
      { start: '2026-12-08T10:00:00+04:00', volume: 30 },
      { start: '2026-12-09T10:00:00+04:00', volume: 1 },
    ];
    const a = [
      { start: '2026-12-06T06:00:00Z', volume: 20 },
      { start: '2026-12-07T06:00:00Z', volume: 20 },
      { start: '2026-12-08T06:00:00Z', volume: 20 },
    ];
    expect(accuracyByWeek(f, a)).to.deep.equal([
      { weekStart: '2026-11-30', forecast: 10, actual: 20, wape: 0.5, bias: -0.5, n: 1 },
      { weekStart: '2026-12-07', forecast: 40, actual: 40, wape: 0.5, bias: 0, n: 2 },
    ]);
  });

  it('weeklyShape and dailyShape, an exact weekday × hour pattern, recover totals and shares', () => {
    const hist: HistoryPoint[] = [];
    const totals = [100, 80, 80, 80, 60, 20, 0];
    for (let d = 0; d < 56; d++) {
      for (let hour = 0; hour < 24; hour++) {
        const w = d % 7; // 2026-01-05 is a Monday
        const share = hour >= 9 && hour < 13 ? 0.25 : 0;
        hist.push({ start: new Date(Date.UTC(2026, 0, 5 + d, hour - 4)).toISOString(), volume: totals[w] * share });
      }
    }
    const weekly = weeklyShape(hist, { zone: TBILISI, calendar: { publicHolidays: 'none' } });
    expect(weekly.map((w) => w.meanTotal)).to.deep.equal(totals);
    expect(weekly[0].share).to.be.closeTo(100 / 420, 1e-12);
    const daily = dailyShape(hist, { zone: TBILISI, calendar: { publicHolidays: 'none' } });
    expect(daily[0].slots[10]).to.deep.equal({ time: '10:00', share: 0.25 });
    expect(daily[6].slots.every((s) => s.share === 0)).to.equal(true);
  });
});

import { expect } from 'chai';
import { epochDay, isoOfDay, weekdayOf } from '../../../forecasting/grid';
import { forecastSeries, type HistoryPoint } from '../../../forecasting/index';
import { monthPositions, monthTurnFactors } from '../../../forecasting/month-turn';
import { syntheticHistory } from '../../../forecasting/synthetic';

const SPD = 24;

/** Hourly grid values of a synthetic series (open every day 08-22, UTC so no hour moves). */
function gridOf(history: HistoryPoint[]): Float64Array {
  return Float64Array.from(history.map((p) => p.volume));
}

/** The synthetic series with the volume of every 1st of a month × `first` and every last day × `last`. */
function withMonthTurn(days: number, first: number, last: number, seed = 11): HistoryPoint[] {
  const h = syntheticHistory({ seed, from: '2025-01-06', days, dailyVolume: 4000, zone: 'UTC', dayNoise: 0.02, holidayFactor: 1 });
  return h.map((p) => {
    const iso = String(p.start).slice(0, 10);
    const day = epochDay(iso);
    const tomorrow = isoOfDay(day + 1);
    const f = iso.endsWith('-01') ? first : tomorrow.endsWith('-01') ? last : 1;
    return { start: p.start, volume: Math.round(p.volume * f) };
  });
}

describe('month-turn factors', () => {
  it('monthPositions, Monday-Friday centre in October and November 2003, counts open days from each end', () => {
    const open = (d: number) => weekdayOf(d) < 5;
    const p = monthPositions(epochDay('2003-10-01'), epochDay('2003-11-30'), open);
    const named = Object.fromEntries([...p].map(([d, pos]) => [isoOfDay(d), pos]));
    // 1 Oct 2003 was a Wednesday; 1 Nov a Saturday, so the first open day is Monday 3 Nov.
    expect(named).to.deep.equal({
      '2003-10-01': 'f1',
      '2003-10-02': 'f2',
      '2003-10-03': 'f3',
      '2003-10-30': 'l2',
      '2003-10-31': 'l1',
      '2003-11-03': 'f1',
      '2003-11-04': 'f2',
      '2003-11-05': 'f3',
      '2003-11-27': 'l2',
      '2003-11-28': 'l1',
    });
  });

  it('monthTurnFactors, a year with the 1st at ×1.25 and the last day at ×1.10, recovers both, shrunk by n ÷ (n + 3)', () => {
    const h = withMonthTurn(364, 1.25, 1.1);
    const turn = monthTurnFactors(gridOf(h), SPD, epochDay('2025-01-06'));
    const byPos = Object.fromEntries(turn.effects.map((e) => [e.position, e]));
    expect(Object.keys(byPos).sort()).to.deep.equal(['f1', 'l1']);
    for (const [pos, truth] of [
      ['f1', 1.25],
      ['l1', 1.1],
    ] as const) {
      const n = byPos[pos].seen;
      expect(n).to.be.within(10, 12);
      const expected = Math.exp((Math.log(truth) * n) / (n + 3));
      expect(byPos[pos].factor).to.be.closeTo(expected, 0.02);
    }
    expect(turn.factorOf(epochDay('2026-02-01'))).to.equal(byPos.f1.factor);
    expect(turn.factorOf(epochDay('2026-02-15'))).to.equal(1);
  });

  it('monthTurnFactors, a series without a monthly cycle, finds no effect (factor 1 everywhere)', () => {
    const h = withMonthTurn(364, 1, 1);
    const turn = monthTurnFactors(gridOf(h), SPD, epochDay('2025-01-06'));
    expect(turn.effects).to.deep.equal([]);
    expect(turn.factorOf(epochDay('2026-01-01'))).to.equal(1);
  });

  it('forecastSeries, history with the 1st at ×1.25, forecasts the 1st above the same weekday a week later', () => {
    const h = withMonthTurn(364, 1.25, 1);
    // Starts Monday 2026-01-05 after 52 weeks; 2026-02-01 is a Sunday, compared with Sunday 2026-02-08.
    const f = forecastSeries(h, { zone: 'UTC', start: '2026-01-05T00:00', hours: 42 * 24, calendar: { publicHolidays: 'none' } });
    const day = (iso: string) => f.points.filter((p) => String(p.start).startsWith(iso)).reduce((a, p) => a + p.volume, 0);
    const ratio = day('2026-02-01') / day('2026-02-08');
    expect(ratio).to.be.within(1.12, 1.3);
    expect(f.monthTurn?.map((e) => e.position)).to.include('f1');
  });
});

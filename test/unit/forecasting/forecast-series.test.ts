import { expect } from 'chai';
import { dayMarks, holidayRatios } from '../../../forecasting/calendar/day-marks';
import { fillClosedSlots } from '../../../forecasting/closed-slots';
import { forecastSeries, type HistoryPoint } from '../../../forecasting/index';
import { syntheticHistory } from '../../../forecasting/synthetic';
import { ZoneClock } from '../../../forecasting/zone-clock';

const TBILISI = 'Asia/Tbilisi';

/** Deterministic hourly history: `perHour(localDayIndex, hour)` contacts, local dates from 2026-01-05 (a Monday). */
function history(days: number, perHour: (day: number, hour: number) => number, zone = TBILISI, aht?: number): HistoryPoint[] {
  const clock = new ZoneClock(zone);
  const out: HistoryPoint[] = [];
  for (let d = 0; d < days; d++) {
    for (let h = 0; h < 24; h++) {
      const r = clock.resolveLocal(Date.UTC(2026, 0, 5 + d, h));
      if (r.kind === 'gap') continue;
      out.push({ start: new Date(r.kind === 'ok' ? r.ms : r.earlier).toISOString(), volume: perHour(d, h), ahtSeconds: aht });
    }
  }
  return out;
}

const office = (_d: number, h: number) => (h >= 9 && h < 18 ? 20 : 0);

describe('forecastSeries', () => {
  it('forecastSeries, a steady office-hours series, forecasts 20 in open hours and 0 when closed, 168 points', () => {
    const r = forecastSeries(history(70, office), {
      zone: TBILISI,
      start: '2026-03-16T00:00',
      hours: 168,
      calendar: { publicHolidays: 'none' },
    });
    expect(r.points).to.have.length(168);
    expect(r.points[10].volume).to.be.closeTo(20, 1e-9);
    expect(r.points[3].volume).to.equal(0);
    expect(r.points[0].start).to.equal('2026-03-16T00:00:00.000+04:00');
    for (const p of r.points) {
      expect(p.lower95).to.be.at.most(p.lower80);
      expect(p.lower80).to.be.at.most(p.volume + 1e-9);
      expect(p.upper80).to.be.at.least(p.volume - 1e-9);
      expect(p.upper95).to.be.at.least(p.upper80);
    }
    expect(r.candidates.length).to.be.greaterThan(3);
    // The reason is codes with figures, worded by the catalogue (no English from forecasting/).
    expect(r.chosenBecause.map((n) => n.code)).to.satisfy(
      (codes: string[]) => codes.includes('lowestWape') || codes.includes('combinationKept'),
    );
  });

  it('forecastSeries, rows after the start in the history, ignores them', () => {
    const base = history(70, office);
    const polluted = [...base, ...history(80, () => 9999).slice(70 * 24)];
    const opts = { zone: TBILISI, start: '2026-03-16T00:00', hours: 48, calendar: { publicHolidays: 'none' as const } };
    expect(forecastSeries(polluted, opts).points).to.deep.equal(forecastSeries(base, opts).points);
  });

  it('forecastSeries, five days of history, falls back and says so', () => {
    const r = forecastSeries(history(5, office), { zone: TBILISI, start: '2026-01-10T00:00', hours: 24 });
    expect(r.warnings.map((w) => w.code)).to.include('shortHistoryNoBacktest');
    expect(r.points[12].volume).to.be.closeTo(20, 1e-9);
  });

  it('forecastSeries, missing intervals in the history, still forecasts every interval with a number', () => {
    const h = history(60, office).filter((_, i) => i % 7 !== 3);
    const r = forecastSeries(h, { zone: TBILISI, start: '2026-03-09T00:00', hours: 168 });
    for (const p of r.points) expect(Number.isFinite(p.volume)).to.equal(true);
  });

  it('forecastSeries, a holiday with no calls last week, does not lower the same weekday this week', () => {
    // 2026-03-03 (Tuesday) is Mother's Day in Georgia; the centre took no calls that day.
    const h = history(63, (d, hour) => (d === 57 ? 0 : office(d, hour)));
    const r = forecastSeries(h, { zone: TBILISI, start: '2026-03-09T00:00', hours: 168 });
    const tuesdayNoon = r.points.find((p) => p.start.startsWith('2026-03-10T12'))!;
    expect(tuesdayNoon.volume).to.be.closeTo(20, 1e-9);
  });

  it('forecastSeries, a coordinator campaign of +50%, raises that day by half', () => {
    const h = history(70, office);
    const events = [{ from: '2026-03-18', to: '2026-03-18', kind: 'event' as const, effectPct: 50, note: 'campaign' }];
    const r = forecastSeries(h, { zone: TBILISI, start: '2026-03-16T00:00', hours: 168, calendar: { publicHolidays: 'none', events } });
    expect(r.points.find((p) => p.start.startsWith('2026-03-18T12'))!.volume).to.be.closeTo(30, 1e-9);
    expect(r.points.find((p) => p.start.startsWith('2026-03-17T12'))!.volume).to.be.closeTo(20, 1e-9);
    expect(r.specialDays[0]).to.include({ date: '2026-03-18', factor: 1.5 });
  });

  it('forecastSeries, Berlin spring change in the horizon, gives one point per real hour and skips 02:00 local', () => {
    const h = history(70, office, 'Europe/Berlin');
    const r = forecastSeries(h, { zone: 'Europe/Berlin', start: '2026-03-29T00:00', hours: 24 });
    expect(r.points).to.have.length(24);
    expect(r.points.map((p) => p.start.slice(11, 13))).to.not.include('02');
    expect(r.points[2].start).to.equal('2026-03-29T03:00:00.000+02:00');
    expect(r.points[23].start).to.equal('2026-03-30T00:00:00.000+02:00');
  });

  it('forecastSeries, 15-minute history, infers 15 minutes and gives four points an hour', () => {
    const h: HistoryPoint[] = [];
    // Tbilisi is UTC+4 all year: local midnight of 5 January is 20:00 UTC the day before.
    for (let q = 0; q < 42 * 96; q++) h.push({ start: new Date(Date.UTC(2026, 0, 4, 20) + q * 900_000).toISOString(), volume: q % 4 });
    const r = forecastSeries(h, { zone: TBILISI, start: '2026-02-16T00:00', hours: 24 });
    expect(r.intervalMinutes).to.equal(15);
    expect(r.points).to.have.length(96);
    expect(r.points.slice(0, 4).map((p) => Math.round(p.volume))).to.deep.equal([0, 1, 2, 3]);
  });

  it('forecastSeries, a constant handle time, forecasts that handle time', () => {
    const r = forecastSeries(history(42, office, TBILISI, 300), { zone: TBILISI, start: '2026-02-16T00:00', hours: 24 });
    expect(r.points[12].ahtSeconds).to.be.closeTo(300, 1e-9);
  });

  it('holidayRatios, a synthetic centre at half volume on Georgian holidays, learns about 0.5', () => {
    const h = syntheticHistory({ seed: 7, from: '2025-01-01', days: 365, holidayFactor: 0.5 });
    const r = forecastSeries(h, { zone: TBILISI, start: '2026-01-01T00:00', hours: 48 });
    const ny = r.specialDays.find((d) => d.date === '2026-01-01')!;
    expect(ny.factor).to.be.within(0.4, 0.6);
  });

  it('holidayRatios, a centre that ignores Georgian holidays, learns no reduction', () => {
    const h = syntheticHistory({ seed: 8, from: '2025-01-01', days: 365, holidayFactor: 1 });
    const r = forecastSeries(h, { zone: TBILISI, start: '2026-01-01T00:00', hours: 48, calendar: { publicHolidays: 'GE' } });
    expect(r.specialDays.find((d) => d.date === '2026-01-01')!.factor).to.be.within(0.9, 1.1);
    // By default (auto) such a centre gets no holiday marks at all.
    expect(forecastSeries(h, { zone: TBILISI, start: '2026-01-01T00:00', hours: 48 }).specialDays).to.have.length(0);
  });

  it('holidayRatios, hand-made days, compares a holiday to the same weekday one and two weeks around it', () => {
    const spd = 1;
    const y = Float64Array.from([
      10, 10, 10, 10, 10, 10, 10, 20, 20, 20, 20, 20, 20, 20, 5, 30, 30, 30, 30, 30, 30, 40, 40, 40, 40, 40, 40, 40, 50,
    ]);
    const first = 20_000;
    const marks = dayMarks(first, first + 40, {
      publicHolidays: 'none',
      events: [{ from: '2024-10-18', to: '2024-10-18', kind: 'holiday' }],
    });
    // 2024-10-18 = epoch day 20000 + 14 (value 5): its neighbours at −7, −14, +7, +14 are 20, 10, 40, 50 → mean 30.
    expect(holidayRatios(y, spd, first, marks)).to.deep.equal([{ key: 'holiday:2024-10-18', ratio: 5 / 30 }]);
  });

  it('fillClosedSlots, hours always absent and one absent open hour, zeroes the first and keeps the second missing', () => {
    const spd = 4;
    const y = new Float64Array(8 * 7 * spd);
    for (let i = 0; i < y.length; i++) y[i] = i % spd === 0 ? NaN : 5; // slot 0 never written
    y[3 * 7 * spd + 2] = NaN; // one logging gap in an open slot
    for (let i = 5 * 7 * spd; i < 5 * 7 * spd + spd; i++) y[i] = NaN; // a whole day missing
    const f = fillClosedSlots(y, spd);
    expect(f[0]).to.equal(0);
    expect(f[7 * spd]).to.equal(0);
    expect(f[3 * 7 * spd + 2]).to.be.NaN;
    expect(f[5 * 7 * spd + 1]).to.be.NaN;
    expect(f[5 * 7 * spd]).to.be.NaN;
  });

  it('forecastSeries, a file without rows for closed hours, forecasts 0 when closed and the daily profile when open', () => {
    const h = history(70, office).filter((p) => p.volume > 0);
    const r = forecastSeries(h, { zone: TBILISI, start: '2026-03-16T00:00', hours: 168, calendar: { publicHolidays: 'none' } });
    expect(r.points).to.have.length(168);
    expect(r.points[3].volume).to.equal(0);
    expect(r.points[10].volume).to.be.closeTo(20, 1e-9);
    expect(r.method).to.equal('combination');
  });

  it('forecastSeries, hourly UTC data in a half-hour zone (Kolkata), keeps hourly intervals starting at :30 local', () => {
    const h: HistoryPoint[] = [];
    for (let i = 0; i < 42 * 24; i++) h.push({ start: new Date(Date.UTC(2026, 0, 5) + i * 3_600_000).toISOString(), volume: 5 });
    const r = forecastSeries(h, { zone: 'Asia/Kolkata', start: '2026-02-16T05:30', hours: 3 });
    expect(r.intervalMinutes).to.equal(60);
    expect(r.points.map((p) => p.start)).to.deep.equal([
      '2026-02-16T05:30:00.000+05:30',
      '2026-02-16T06:30:00.000+05:30',
      '2026-02-16T07:30:00.000+05:30',
    ]);
    expect(r.points[0].volume).to.be.closeTo(5, 1e-9);
  });
});

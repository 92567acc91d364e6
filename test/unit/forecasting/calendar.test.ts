import { expect } from 'chai';
import { dayMarks, dayFactors, DEFAULT_HOLIDAY_FACTOR } from '../../../forecasting/calendar/day-marks';
import { georgianHolidays, georgianHolidaysBetween, orthodoxEaster } from '../../../forecasting/calendar/georgian-holidays';
import { epochDay } from '../../../forecasting/grid';

describe('forecasting calendar', () => {
  it('orthodoxEaster, years with published dates, matches them', () => {
    // Orthodox Easter Sundays (Gregorian): 2023-04-16, 2024-05-05, 2025-04-20, 2026-04-12, 2027-05-02, 2003-04-27.
    const known: [number, number, number][] = [
      [2023, 4, 16],
      [2024, 5, 5],
      [2025, 4, 20],
      [2026, 4, 12],
      [2027, 5, 2],
      [2003, 4, 27],
    ];
    for (const [y, m, d] of known) expect(orthodoxEaster(y), String(y)).to.deep.equal({ month: m, day: d });
  });

  it('georgianHolidays, 2024 against 2025, adds 17 May only from 2025 and moves Easter', () => {
    const y24 = georgianHolidays(2024).map((h) => h.date);
    const y25 = georgianHolidays(2025).map((h) => h.date);
    expect(y24).to.not.include('2024-05-17');
    expect(y25).to.include('2025-05-17');
    expect(y24).to.include.members(['2024-05-03', '2024-05-04', '2024-05-05', '2024-05-06']);
    expect(y25).to.have.length(y24.length + 1);
    expect(georgianHolidaysBetween('2025-12-31', '2026-01-02').map((h) => h.key)).to.deep.equal(['newYear', 'newYear2']);
  });

  it('dayMarks, a coordinator day off on a public holiday, keeps the coordinator mark', () => {
    const d = epochDay('2026-01-07');
    const marks = dayMarks(d - 1, d + 1, {
      events: [{ from: '2026-01-07', to: '2026-01-07', kind: 'event', effectPct: 20, note: 'promo' }],
    });
    expect(marks.get(d)).to.deep.equal({ key: 'promo', source: 'coordinator', kind: 'event', effectPct: 20 });
    expect(marks.size).to.equal(1);
  });

  it('dayFactors, no holiday in the history, gives the default for a public holiday and 1 for an event without effect', () => {
    const f = dayFactors(new Float64Array(24 * 14).fill(1), 24, epochDay('2026-02-02'), new Map());
    expect(f({ key: 'christmas', source: 'public', kind: 'holiday' }).factor).to.equal(DEFAULT_HOLIDAY_FACTOR);
    expect(f({ key: 'x', source: 'coordinator', kind: 'event' }).factor).to.equal(1);
    expect(f({ key: 'x', source: 'coordinator', kind: 'holiday', effectPct: -100 }).factor).to.equal(0);
  });
});

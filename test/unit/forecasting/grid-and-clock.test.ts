import { expect } from 'chai';
import { DateTime } from 'luxon';
import { buildGrid, epochDay, indexOfLocal, isoOfDay, localOfIndex, weekdayOf } from '../../../forecasting/grid';
import { formatInstant, formatTimestamp, parseTimestamp, type TimestampStyle } from '../../../forecasting/timestamp';
import { fixedOffsetZone, guessZone, ZoneClock } from '../../../forecasting/zone-clock';

describe('forecasting grid and zone clock', () => {
  it('weekdayOf, known calendar dates, gives Monday=0 … Sunday=6', () => {
    // 2026-01-05 is a Monday, 2003-03-03 a Monday, 2026-12-06 a Sunday (any calendar).
    expect(weekdayOf(epochDay('2026-01-05'))).to.equal(0);
    expect(weekdayOf(epochDay('2003-03-03'))).to.equal(0);
    expect(weekdayOf(epochDay('2026-12-06'))).to.equal(6);
    expect(isoOfDay(epochDay('2024-02-29'))).to.equal('2024-02-29');
  });

  it('buildGrid, a gap and a repeated slot, gives NaN for the gap and the mean for the repeat', () => {
    const g = buildGrid(
      [
        { local: '2026-01-05T00:00', volume: 4 },
        { local: '2026-01-05T02:00', volume: 6 },
        { local: '2026-01-05T02:00', volume: 8 },
      ],
      60,
    );
    expect(g.slotsPerDay).to.equal(24);
    expect(Array.from(g.values)).to.deep.equal([4, NaN, 7]);
    expect(indexOfLocal('2026-01-06T01:00', g.firstDay, 60)).to.equal(25);
    expect(localOfIndex(25, g.firstDay, 60)).to.equal('2026-01-06T01:00');
    expect(localOfIndex(97, g.firstDay, 15)).to.equal('2026-01-06T00:15');
  });

  it('ZoneClock, Berlin offsets through the year, match luxon', () => {
    const clock = new ZoneClock('Europe/Berlin');
    for (let d = 0; d < 400; d += 3) {
      const ms = Date.UTC(2026, 0, 1) + d * 86_400_000 + ((d * 7) % 24) * 3_600_000;
      expect(clock.offsetMinutes(ms), new Date(ms).toISOString()).to.equal(DateTime.fromMillis(ms, { zone: 'Europe/Berlin' }).offset);
    }
  });

  it('ZoneClock, the spring gap and the autumn overlap in Berlin, are a gap and two instants', () => {
    const clock = new ZoneClock('Europe/Berlin');
    expect(clock.resolveLocal(Date.UTC(2026, 2, 29, 2, 30))).to.deep.equal({ kind: 'gap' });
    expect(clock.resolveLocal(Date.UTC(2026, 9, 25, 2, 30))).to.deep.equal({
      kind: 'ambiguous',
      earlier: Date.UTC(2026, 9, 25, 0, 30),
      later: Date.UTC(2026, 9, 25, 1, 30),
    });
    expect(clock.resolveLocal(Date.UTC(2026, 0, 5, 10, 0))).to.deep.equal({ kind: 'ok', ms: Date.UTC(2026, 0, 5, 9, 0) });
    expect(clock.formatLocalIso(Date.UTC(2026, 6, 1, 10, 0))).to.equal('2026-07-01T12:00:00.000+02:00');
  });

  it('formatTimestamp, each input style, writes the output the same way', () => {
    const clock = new ZoneClock('Asia/Tbilisi');
    for (const text of [
      '2026-12-07T09:00:00',
      '2026-12-07T09:00',
      '2026-12-07T09:00:00+04:00',
      '2026-12-07T05:00:00Z',
      '2026-12-07 09:00:00',
      '2026-12-07T09:00:00.000+0400',
    ]) {
      const p = parseTimestamp(text, clock);
      if (!p.ok) throw new Error(p.message);
      expect(formatTimestamp(DateTime.fromMillis(p.ms, { zone: 'Asia/Tbilisi' }), p.style)).to.equal(text);
    }
  });

  it('formatInstant, every 15 minutes of a year in three zones (DST, +05:45, -03:30) in every style, writes what formatTimestamp writes', () => {
    const styles: TimestampStyle[] = [];
    for (const offset of ['none', 'Z', 'colon', 'basic'] as const)
      for (const [seconds, millis, space] of [
        [false, false, false],
        [true, false, true],
        [true, true, false],
      ])
        styles.push({ offset, seconds, millis, space });
    for (const zone of ['Europe/Berlin', 'Asia/Kathmandu', 'America/St_Johns']) {
      const clock = new ZoneClock(zone);
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 900_000) {
        const style = styles[(ms / 900_000) % styles.length];
        const dt = DateTime.fromMillis(ms, { zone });
        expect(formatInstant(ms, clock, style)).to.equal(formatTimestamp(dt, style));
      }
    }
  });

  it('guessZone, one offset, gives the fixed-offset zone', () => {
    expect(guessZone([{ ms: 0, offsetMinutes: 240 }])).to.equal('UTC+4');
    expect(fixedOffsetZone(-330)).to.equal('UTC-5:30');
    expect(fixedOffsetZone(0)).to.equal('UTC');
    expect(new ZoneClock('UTC-5:30').offsetMinutes(0)).to.equal(-330);
  });

  it('guessZone, US eastern offsets on both sides of the March 2026 change, gives America/New_York', () => {
    const samples = [
      { ms: Date.UTC(2026, 2, 8, 6), offsetMinutes: -300 }, // 01:00 EST
      { ms: Date.UTC(2026, 2, 8, 7), offsetMinutes: -240 }, // 03:00 EDT
    ];
    expect(guessZone(samples)).to.equal('America/New_York');
    // The same change a week later matches no common zone.
    expect(guessZone(samples.map((s) => ({ ...s, ms: s.ms + 7 * 86_400_000 })))).to.equal(null);
  });
});

import { expect } from 'chai';
import { parseHistoryCsvText, type HistoryCsvOptions } from '../../../forecasting/history-csv';

/** Tbilisi is UTC+4 all year: 12:00 local is 08:00Z. */
const OPTS: HistoryCsvOptions = { zone: 'Asia/Tbilisi', intervalMinutes: 60 };
const NOW = Date.parse('2026-12-05T08:30:00Z'); // 12:30 in Tbilisi

const read = (rows: string[], opts: Partial<HistoryCsvOptions> = {}) =>
  parseHistoryCsvText(['timestamp,channel,volume', ...rows].join('\n'), { ...OPTS, ...opts });
const where = (r: ReturnType<typeof read>) => r.errors.map((e) => [e.line, e.field, e.code]);

describe('history-csv reader: rows in the future and off the interval grid', () => {
  it('reader with a clock, a row starting after now, is an inFuture error on its line and the timestamp field', () => {
    const r = read(['2026-12-05T11:00:00,voice,4', '2026-12-05T12:00:00,voice,5', '2026-12-05T13:00:00,voice,6'], { notAfterMs: NOW });
    expect(where(r)).to.deep.equal([[4, 'timestamp', 'inFuture']]);
    expect(r.errors[0].params).to.deep.equal({ now: '2026-12-05 12:30', zone: 'Asia/Tbilisi' });
    expect(r.errors[0].value).to.equal('2026-12-05T13:00:00');
  });

  it('reader with a clock, a year typed wrong (2027) with an offset, is refused; rows up to now are kept', () => {
    const r = read(['2026-12-05T12:30:00+04:00,voice,4', '2027-12-01T09:00:00+04:00,voice,5'], { notAfterMs: NOW });
    expect(where(r)).to.deep.equal([[3, 'timestamp', 'inFuture']]);
    expect(r.intervals.map((i) => i.start)).to.deep.equal(['2026-12-05T08:00:00.000Z']);
  });

  it('reader without a clock (forecasting from a file), a future row, is read as before', () => {
    const r = read(['2030-01-01T09:00:00,voice,4']);
    expect(r.errors).to.deep.equal([]);
  });

  it('reader, one row at 12:07 among three hourly rows, is an offGrid error naming minute 7 and the 60-minute grid', () => {
    const r = read(['2026-11-02T11:00:00,voice,4', '2026-11-02T12:07:00,voice,5', '2026-11-02T13:00:00,voice,6']);
    expect(where(r)).to.deep.equal([[3, 'timestamp', 'offGrid']]);
    expect(r.errors[0].params).to.deep.equal({ minute: 7, grid: 60 });
  });

  it('reader, a single row at 12:07, is an offGrid error (never read as 1-minute data)', () => {
    const r = read(['2026-11-02T12:07:00,voice,5']);
    expect(where(r)).to.deep.equal([[2, 'timestamp', 'offGrid']]);
  });

  it('reader, quarter-hour rows with one at 09:52, names 09:52 off the 15-minute grid', () => {
    const rows = ['09:00', '09:15', '09:30', '09:45', '09:52', '10:00'].map((t) => `2026-11-02T${t}:00,voice,1`);
    const r = read(rows);
    expect(where(r)).to.deep.equal([[6, 'timestamp', 'offGrid']]);
    expect(r.errors[0].params).to.deep.equal({ minute: 52, grid: 15 });
  });

  it('reader, clean quarter-hour and 5-minute files, accepts them and sums them into hours', () => {
    const quarters = read(['09:00', '09:15', '09:30', '09:45'].map((t) => `2026-11-02T${t}:00,voice,2`));
    expect(quarters.errors).to.deep.equal([]);
    expect(quarters.inputIntervalMinutes).to.equal(15);
    expect(quarters.intervals.map((i) => i.volume)).to.deep.equal([8]);
    const fives = read(Array.from({ length: 12 }, (_, i) => `2026-11-02T09:${String(i * 5).padStart(2, '0')}:00,voice,1`));
    expect(fives.errors).to.deep.equal([]);
    expect(fives.inputIntervalMinutes).to.equal(5);
    expect(fives.intervals.map((i) => i.volume)).to.deep.equal([12]);
  });
});

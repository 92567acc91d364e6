import { expect } from 'chai';
import { HistoryCsvReader, parseHistoryCsvText, readHistoryCsv, type HistoryCsvOptions } from '../../../forecasting/history-csv';

const TBILISI: HistoryCsvOptions = { zone: 'Asia/Tbilisi', intervalMinutes: 60 };

function read(text: string, opts: Partial<HistoryCsvOptions> = {}) {
  return parseHistoryCsvText(text, { ...TBILISI, ...opts });
}

function only(text: string, opts: Partial<HistoryCsvOptions> = {}) {
  const r = read(text, opts);
  expect(r.errors, JSON.stringify(r.errors)).to.have.length(1);
  return r.errors[0];
}

describe('history-csv reader', () => {
  describe('valid files', () => {
    it('reader, local timestamps in Tbilisi, gives UTC starts four hours earlier and local starts with +04:00', () => {
      const r = read('timestamp,channel,volume\n2026-01-05T10:00:00,voice,12\n2026-01-05T11:00:00,voice,0\n');
      expect(r.errors).to.deep.equal([]);
      expect(r.intervals.map((i) => [i.start, i.localStart, i.volume])).to.deep.equal([
        ['2026-01-05T06:00:00.000Z', '2026-01-05T10:00:00.000+04:00', 12],
        ['2026-01-05T07:00:00.000Z', '2026-01-05T11:00:00.000+04:00', 0],
      ]);
      expect(r.rowCount).to.equal(2);
      expect(r.first).to.equal('2026-01-05T06:00:00.000Z');
      expect(r.last).to.equal('2026-01-05T07:00:00.000Z');
      expect(r.hasAht).to.equal(false);
    });

    it('reader, timestamps with offsets or Z, converts them to the same instant', () => {
      const r = read(
        'timestamp,channel,volume\n2026-01-05T10:00:00+04:00,voice,1\n2026-01-05T07:00:00Z,voice,2\n2026-01-05T12:00:00+0400,voice,3\n',
      );
      expect(r.errors).to.deep.equal([]);
      expect(r.intervals.map((i) => i.start)).to.deep.equal([
        '2026-01-05T06:00:00.000Z',
        '2026-01-05T07:00:00.000Z',
        '2026-01-05T08:00:00.000Z',
      ]);
    });

    it('reader, columns in another order with quoted fields and CRLF, reads every field', () => {
      const r = read(
        '"volume",platform,channel,timestamp,aht_seconds,answered,abandoned\r\n"7",web,"voice",2026-01-05T10:00,"180.5",5,2\r\n',
      );
      expect(r.errors).to.deep.equal([]);
      expect(r.intervals[0]).to.include({
        volume: 7,
        platform: 'web',
        channel: 'voice',
        ahtSeconds: 180.5,
        answered: 5,
        abandoned: 2,
        rows: 1,
      });
      expect(r.hasAht).to.equal(true);
    });

    it('reader, quoted field spanning two lines, counts lines from the record start', () => {
      const r = read('timestamp,channel,volume\n2026-01-05T10:00,"voi\nce",1\n2026-01-05T10:00,x,-1\n');
      expect(r.errors).to.have.length(1);
      expect(r.errors[0].line).to.equal(4);
      expect(r.intervals[0].channel).to.equal('voi\nce');
    });

    it('reader, 15-minute rows into 60-minute buckets, sums volumes and volume-weights aht', () => {
      const text = [
        'timestamp,channel,volume,aht_seconds,answered,abandoned',
        '2026-01-05T10:00,voice,10,100,8,2',
        '2026-01-05T10:15,voice,30,200,30,0',
        '2026-01-05T10:30,voice,0,999,,',
        '2026-01-05T10:45,voice,0,,,',
      ].join('\n');
      const r = read(text);
      expect(r.errors).to.deep.equal([]);
      expect(r.intervals).to.have.length(1);
      // (10·100 + 30·200) / 40 = 175; the 999 s row has no volume, so no weight.
      expect(r.intervals[0]).to.include({ volume: 40, ahtSeconds: 175, answered: 38, abandoned: 2, rows: 4 });
      expect(r.inputIntervalMinutes).to.equal(15);
    });

    it('reader, 15-minute rows into 30-minute buckets, makes two buckets an hour', () => {
      const text =
        'timestamp,channel,volume\n2026-01-05T10:00,chat,1\n2026-01-05T10:15,chat,2\n2026-01-05T10:30,chat,3\n2026-01-05T10:45,chat,4\n';
      const r = read(text, { intervalMinutes: 30 });
      expect(r.intervals.map((i) => [i.localStart.slice(11, 16), i.volume])).to.deep.equal([
        ['10:00', 3],
        ['10:30', 7],
      ]);
    });

    it('reader, rows out of order over channels and platforms, sorts by start, channel, platform', () => {
      const text =
        'timestamp,channel,volume,platform\n2026-01-05T11:00,voice,1,b\n2026-01-05T10:00,voice,2,b\n2026-01-05T10:00,chat,3,\n2026-01-05T10:00,voice,4,a\n';
      const r = read(text);
      expect(r.intervals.map((i) => `${i.localStart.slice(11, 13)} ${i.channel} ${i.platform}`)).to.deep.equal([
        '10 chat ',
        '10 voice a',
        '10 voice b',
        '11 voice b',
      ]);
    });

    it('reader, blank trailing lines and a BOM, ignores them', () => {
      const r = read('\uFEFFtimestamp,channel,volume\n2026-01-05T10:00,voice,1\n\n\n');
      expect(r.errors).to.deep.equal([]);
      expect(r.rowCount).to.equal(1);
    });

    it('readHistoryCsv, async iterable of lines, gives the same result as the text parser', async () => {
      const lines = ['timestamp,channel,volume', '2026-01-05T10:00,voice,1', '2026-01-05T11:00,voice,2'];
      async function* gen() {
        for (const l of lines) yield l;
      }
      const r = await readHistoryCsv(gen(), TBILISI);
      expect(r).to.deep.equal(read(lines.join('\n')));
    });

    it('reader, a known channel list, accepts listed channels', () => {
      expect(read('timestamp,channel,volume\n2026-01-05T10:00,voice,1\n', { channels: ['voice', 'chat'] }).errors).to.deep.equal([]);
    });
  });

  it('reader, offsets changing once, samples the first row, both sides of the change and the last row', () => {
    const r = read(
      'timestamp,channel,volume\n2026-03-08T01:00:00-05:00,voice,1\n2026-03-08T03:00:00-04:00,voice,1\n2026-03-08T04:00:00-04:00,voice,1\n',
    );
    expect(r.localTimestamps).to.equal(false);
    expect(r.offsetSamples).to.deep.equal([
      { ms: Date.UTC(2026, 2, 8, 6), offsetMinutes: -300 },
      { ms: Date.UTC(2026, 2, 8, 7), offsetMinutes: -240 },
      { ms: Date.UTC(2026, 2, 8, 8), offsetMinutes: -240 },
    ]);
    expect(read('timestamp,channel,volume\n2026-03-08T01:00:00,voice,1\n').localTimestamps).to.equal(true);
  });

  describe('daylight saving (Europe/Berlin)', () => {
    const berlin = { zone: 'Europe/Berlin' };
    it('reader, local time in the spring gap, is an error naming the zone', () => {
      const e = only('timestamp,channel,volume\n2026-03-29T02:00,voice,1\n', berlin);
      expect(e).to.include({ line: 2, field: 'timestamp', value: '2026-03-29T02:00' });
      expect(e.message).to.match(/does not exist in Europe\/Berlin/);
    });

    it('reader, ambiguous autumn time, takes the earlier instant (summer time, UTC+2)', () => {
      const r = read('timestamp,channel,volume\n2026-10-25T02:00,voice,1\n', berlin);
      expect(r.intervals[0].start).to.equal('2026-10-25T00:00:00.000Z');
      expect(r.intervals[0].localStart).to.equal('2026-10-25T02:00:00.000+02:00');
    });

    it('reader, ambiguous time repeated, is a duplicate unless dstLenient, then the later hour', () => {
      const text = 'timestamp,channel,volume\n2026-10-25T02:00,voice,1\n2026-10-25T02:00,voice,2\n';
      expect(read(text, berlin).errors[0].message).to.match(/duplicate interval/);
      const lenient = read(text, { ...berlin, dstLenient: true });
      expect(lenient.errors).to.deep.equal([]);
      expect(lenient.intervals.map((i) => i.start)).to.deep.equal(['2026-10-25T00:00:00.000Z', '2026-10-25T01:00:00.000Z']);
    });

    it('reader, gap time with dstLenient, skips the row with a warning', () => {
      const r = read('timestamp,channel,volume\n2026-03-29T02:00,voice,1\n2026-03-29T03:00,voice,1\n', { ...berlin, dstLenient: true });
      expect(r.errors).to.deep.equal([]);
      expect(r.intervals).to.have.length(1);
      expect(r.warnings[0]).to.match(/daylight-saving/);
    });
  });

  describe('header errors', () => {
    it('reader, missing required column, is an error on line 1 naming it', () => {
      expect(only('timestamp,channel\n2026-01-05T10:00,voice\n')).to.include({ line: 1, field: 'volume' });
    });
    it('reader, unknown column, is an error on line 1 naming it', () => {
      expect(only('timestamp,channel,volume,colour\n2026-01-05T10:00,voice,1,red\n')).to.include({ line: 1, field: 'colour' });
    });
    it('reader, a column twice, is an error on line 1', () => {
      expect(only('timestamp,channel,volume,volume\n')).to.include({ line: 1, field: 'volume' });
    });
    it('reader, empty file, is an error on line 1', () => {
      expect(only('')).to.include({ line: 1 });
    });
  });

  describe('row errors', () => {
    const cases: [string, string, string, string | undefined, RegExp][] = [
      ['bad timestamp', 'yesterday,voice,1', 'timestamp', 'yesterday', /ISO 8601/],
      ['impossible date', '2026-02-30T10:00,voice,1', 'timestamp', '2026-02-30T10:00', /not a valid calendar/],
      ['empty timestamp', ',voice,1', 'timestamp', '', /empty/],
      ['seconds off the minute', '2026-01-05T10:00:30,voice,1', 'timestamp', '2026-01-05T10:00:30', /whole minute/],
      ['empty channel', '2026-01-05T10:00,,1', 'channel', '', /empty/],
      ['unknown channel', '2026-01-05T10:00,fax,1', 'channel', 'fax', /unknown channel 'fax'/],
      ['negative volume', '2026-01-05T10:00,voice,-3', 'volume', '-3', /negative/],
      ['non-numeric volume', '2026-01-05T10:00,voice,lots', 'volume', 'lots', /not a number/],
      ['volume over a million', '2026-01-05T10:00,voice,1000001', 'volume', '1000001', /more than 1000000/],
      ['volume 1e20', '2026-01-05T10:00,voice,1e20', 'volume', '1e20', /more than 1000000/],
      ['volume past exact doubles', '2026-01-05T10:00,voice,9007199254740993', 'volume', '9007199254740993', /more than/],
      ['empty volume', '2026-01-05T10:00,voice,', 'volume', '', /empty/],
      ['hex volume', '2026-01-05T10:00,voice,0x10', 'volume', '0x10', /not a number/],
    ];
    for (const [name, row, field, value, message] of cases) {
      it(`reader, ${name}, is an error on line 2 in field ${field}`, () => {
        const e = only(`timestamp,channel,volume\n${row}\n`, { channels: ['voice'] });
        expect(e).to.include({ line: 2, field });
        if (value !== undefined) expect(e.value).to.equal(value);
        expect(e.message).to.match(message);
      });
    }

    const extra: [string, string, string, RegExp][] = [
      ['answered + abandoned over volume', '2026-01-05T10:00,voice,5,,4,2', 'answered', /more than volume/],
      ['abandoned alone over volume', '2026-01-05T10:00,voice,5,,,6', 'abandoned', /more than volume/],
      ['zero aht', '2026-01-05T10:00,voice,5,0,,', 'aht_seconds', /greater than 0/],
      ['negative aht', '2026-01-05T10:00,voice,5,-2,,', 'aht_seconds', /greater than 0/],
      ['text aht', '2026-01-05T10:00,voice,5,abc,,', 'aht_seconds', /not a number/],
      ['negative answered', '2026-01-05T10:00,voice,5,,-1,', 'answered', /negative/],
      ['fractional abandoned', '2026-01-05T10:00,voice,5,,,1.5', 'abandoned', /whole number/],
      ['aht 1e308', '2026-01-05T10:00,voice,5,1e308,,', 'aht_seconds', /more than 86400/],
      ['aht over a day', '2026-01-05T10:00,voice,5,86401,,', 'aht_seconds', /more than 86400/],
      ['answered 2^31', '2026-01-05T10:00,voice,5,,2147483648,', 'answered', /more than 1000000/],
    ];
    for (const [name, row, field, message] of extra) {
      it(`reader, ${name}, is an error in field ${field}`, () => {
        const e = only(`timestamp,channel,volume,aht_seconds,answered,abandoned\n${row}\n`);
        expect(e).to.include({ line: 2, field });
        expect(e.message).to.match(message);
      });
    }

    it('reader, unknown platform with a platform list, is an error', () => {
      expect(only('timestamp,channel,volume,platform\n2026-01-05T10:00,voice,1,fax\n', { platforms: ['web'] })).to.include({
        line: 2,
        field: 'platform',
      });
    });

    it('reader, wrong number of fields, is an error on that line', () => {
      expect(only('timestamp,channel,volume\n2026-01-05T10:00,voice\n').line).to.equal(2);
    });

    it('reader, duplicate interval, names the line of the first occurrence', () => {
      const e = only('timestamp,channel,volume\n2026-01-05T10:00,voice,1\n2026-01-05T11:00,voice,1\n2026-01-05T06:00Z,voice,1\n');
      expect(e.line).to.equal(4);
      expect(e.message).to.equal('duplicate interval: same timestamp, channel and platform as line 2');
    });

    it('reader, same time on another platform, is not a duplicate and sums into its own interval', () => {
      const r = read('timestamp,channel,volume,platform\n2026-01-05T10:00,voice,1,a\n2026-01-05T10:00,voice,1,b\n');
      expect(r.errors).to.deep.equal([]);
      expect(r.intervals).to.have.length(2);
    });

    it('reader, a stray row off an hourly grid, is an error naming the grid', () => {
      const rows = Array.from(
        { length: 200 },
        (_, h) => `2026-01-${String(5 + Math.floor(h / 24)).padStart(2, '0')}T${String(h % 24).padStart(2, '0')}:00,voice,1`,
      );
      rows.splice(50, 0, '2026-01-07T10:30,voice,1');
      const e = only(`timestamp,channel,volume\n${rows.join('\n')}\n`);
      expect(e).to.include({ line: 52, field: 'timestamp' });
      expect(e.message).to.match(/60-minute grid/);
    });

    it('reader, blank line in the middle, is an error on that line', () => {
      expect(only('timestamp,channel,volume\n2026-01-05T10:00,voice,1\n\n2026-01-05T11:00,voice,1\n').line).to.equal(3);
    });

    it('reader, unclosed quote, is an error at the record start', () => {
      expect(only('timestamp,channel,volume\n2026-01-05T10:00,"voice,1\n').line).to.equal(2);
    });

    it('reader, more errors than maxErrors, keeps maxErrors and counts all', () => {
      const rows = Array.from({ length: 30 }, () => 'bad,voice,1');
      const r = read(`timestamp,channel,volume\n${rows.join('\n')}\n`, { maxErrors: 10 });
      expect(r.errors).to.have.length(10);
      expect(r.errorCount).to.equal(30);
    });

    it('reader, errors and good rows mixed, still reports every bad line in line order', () => {
      const r = read('timestamp,channel,volume\nbad,voice,1\n2026-01-05T10:00,voice,1\n2026-01-05T11:00,voice,x\n');
      expect(r.errors.map((e) => e.line)).to.deep.equal([2, 4]);
    });
  });

  it('reader, interval length not dividing an hour, throws at construction', () => {
    expect(() => new HistoryCsvReader({ zone: 'Asia/Tbilisi', intervalMinutes: 25 })).to.throw(/divide 60/);
  });
});

import { expect } from 'chai';
import { CsvRecordBuilder } from '../../../forecasting/csv-line';
import { parseRow, plainRowReader, readHeader, type RowContext } from '../../../forecasting/history-csv-row';
import { parseHistoryCsvText } from '../../../forecasting/history-csv';
import { ZoneClock } from '../../../forecasting/zone-clock';

/** Checks the record splitter's fields of a line without quotes against a split made character by character. */
function strictFields(line: string): string[] {
  const b = new CsvRecordBuilder();
  const fields: string[] = [];
  let field = '';
  for (const ch of line) {
    if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  expect(b.feed(line), line).to.deep.equal(fields);
  return fields;
}

const HEADERS = [
  'timestamp,channel,volume',
  'timestamp,channel,volume,aht_seconds,abandoned,answered,platform',
  'volume,timestamp,platform,channel',
];
const TIMESTAMPS = [
  '2026-01-05T10:00:00',
  '2026-01-05T10:00',
  '2026-01-05 10:00:00',
  '2026-01-05T10:00:00.000',
  '2026-01-05T10:00:00.5',
  '2026-01-05T10:00:30',
  '2026-01-05T10:00:00Z',
  '2026-01-05T10:00:00.000Z',
  '2026-01-05T10:00:00+04:00',
  '2026-01-05T10:00:00-00:00',
  '2026-01-05T10:00:00+05:45',
  '2026-01-05T10:00:00+0400',
  '2026-01-05T10:00:00+04',
  '2026-03-29T02:30:00',
  '2026-03-29T03:00:00',
  '2026-10-25T02:00:00',
  '2026-10-25T03:00:00',
  '2026-03-08T02:00:00',
  '2026-11-01T01:00:00',
  '2024-02-29T00:00:00',
  '2025-02-29T00:00:00',
  '2026-04-31T00:00:00',
  '2026-13-01T00:00:00',
  '2026-01-01T24:00:00',
  '2026-01-01T23:60:00',
  '2026-01-01T23:59:60',
  '0050-01-01T00:00:00',
  ' 2026-01-05T10:00:00 ',
  '2026-01-05t10:00:00',
  '',
];
const COUNTS = ['0', '12', '38.5', '1000000', '1000001', '-3', '+3', '1e3', '.5', '5.', '0x10', 'abc', '', ' 7 ', '3.0'];
const AHTS = ['', '180', '0', '86400', '86401', '180.5', '-1', 'x'];

function contexts(zone: string): { header: string; ctx: RowContext }[] {
  return HEADERS.map((header) => {
    const { columns } = readHeader(header.split(','));
    return { header, ctx: { columns: columns!, clock: new ZoneClock(zone), channels: ['voice', 'chat'], platforms: ['web', 'ios'] } };
  });
}

describe('forecasting/history-csv-row plainRowReader: the hand-read common row', () => {
  it('plainRowReader, thousands of varied rows in four zones: each row it reads is the strict parseRow row, the rest it leaves to parseRow', () => {
    let plain = 0;
    let strictOnly = 0;
    for (const zone of ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kathmandu']) {
      for (const { header, ctx } of contexts(zone)) {
        const read = plainRowReader(ctx);
        const names = header.split(',');
        let k = 0;
        for (const ts of TIMESTAMPS) {
          for (const volume of COUNTS) {
            k++;
            const values: Record<string, string> = {
              timestamp: ts,
              channel: ['voice', 'chat', 'email', '', ' voice'][k % 5],
              volume,
              aht_seconds: AHTS[k % AHTS.length],
              abandoned: COUNTS[(k * 7) % COUNTS.length],
              answered: COUNTS[(k * 3) % COUNTS.length],
              platform: ['web', '', 'ios', 'fax'][k % 4],
            };
            const fields = names.map((n) => values[n]);
            if (k % 11 === 0) fields.push('extra');
            const strict = parseRow(fields, ctx);
            const fast = read(fields);
            if (fast) {
              plain++;
              expect(strict.errors, `${zone} ${fields.join(',')}`).to.deep.equal([]);
              expect(fast, `${zone} ${fields.join(',')}`).to.deep.equal(strict.row);
            } else if (strict.row) strictOnly++;
          }
        }
      }
    }
    // Both paths are exercised: most good rows by hand, a few odd good shapes left to the strict path.
    expect(plain).to.be.greaterThan(300);
    expect(strictOnly).to.be.greaterThan(20);
  });

  it('CsvRecordBuilder.feed, lines without quotes: the same fields as splitting at each comma', () => {
    for (const line of ['a,b,c', '', ',', 'a,,b,', ' x , y ', '2026-01-05T10:00:00,voice,38.5\r'.slice(0, -1)]) strictFields(line);
  });

  it('parseHistoryCsvText, a file of good and bad lines with CRLF, quotes, decimals and a DST day: the errors and intervals of the strict path', () => {
    const lines = [
      'timestamp,channel,volume,aht_seconds',
      '2026-03-29T00:00:00,voice,10,180',
      '"2026-03-29T01:00:00",voice,12.5,200',
      '2026-03-29T02:00:00,voice,3,',
      '2026-03-29T03:00:00,"voice",4,190.5',
      '2026-03-29T04:00:00,voice,-1,180',
      '2026-03-29T05:00:00,voice,x,180',
      '2026-03-29T06:00:00,voice,5',
      '2026-03-29T07:00:00,fax,5,100',
      '2026-03-29T07:00:00,voice,1e1,100',
      '2026-03-29T07:00:00,voice,2,100',
      '2026-03-29T08:00:00+02:00,voice,6,100',
      '2026-03-29T09:00:00Z,voice,6,100',
    ];
    const opts = { zone: 'Europe/Berlin', intervalMinutes: 60, channels: ['voice'] };
    const r = parseHistoryCsvText(lines.join('\r\n') + '\r\n', opts);
    // The same file with every line quoted where it can be takes only the strict path.
    const quoted = lines.map((l, i) => (i === 0 ? l : l.replace(/^([^,"]*),/, '"$1",')));
    const s = parseHistoryCsvText(quoted.join('\n'), opts);
    expect(r.errors.map((e) => [e.line, e.field, e.code])).to.deep.equal([
      [4, 'timestamp', 'timestampInGap'],
      [6, 'volume', 'negative'],
      [7, 'volume', 'notNumber'],
      [8, '', 'fieldCount'],
      [9, 'channel', 'unknownValue'],
      [11, 'timestamp', 'duplicateInterval'],
    ]);
    expect(r.errors).to.deep.equal(s.errors);
    expect(r.intervals).to.deep.equal(s.intervals);
    expect(r.timestampStyle).to.deep.equal(s.timestampStyle);
    expect(r.offsetSamples).to.deep.equal(s.offsetSamples);
  });
});

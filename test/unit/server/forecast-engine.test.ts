import { expect } from 'chai';
import { withClosedHours } from '../../../app/forecast-engine';
import { warningText } from '../../../server/i18n/codes';
import { translator } from '../../../server/i18n';
import { storedPoint } from '../../../app/forecast-for-week';
import { spreadToInterval } from '../../../app/forecast-inputs';

describe('forecast engine adapter: closed hours and warnings', () => {
  it('withClosedHours: one open hour on a Tbilisi day → 24 points, the other 23 are 0 at whole local hours', () => {
    const out = withClosedHours([{ start: '2026-11-16T06:00:00.000Z', volume: 12, ahtSeconds: 300 }], 'Asia/Tbilisi', 60);
    expect(out).to.have.length(24);
    const starts = out.map((p) => p.start as string).sort();
    expect(starts[0]).to.equal('2026-11-15T20:00:00.000Z'); // local midnight, UTC+4
    expect(starts[23]).to.equal('2026-11-16T19:00:00.000Z');
    expect(out.filter((p) => p.volume !== 0)).to.deep.equal([{ start: '2026-11-16T06:00:00.000Z', volume: 12, ahtSeconds: 300 }]);
  });

  it('withClosedHours: spring-forward day in Berlin (23 local hours) → 23 points, none in the skipped hour', () => {
    const out = withClosedHours([{ start: '2026-03-29T08:00:00.000Z', volume: 5, ahtSeconds: null }], 'Europe/Berlin', 60);
    expect(out).to.have.length(23);
    expect(new Set(out.map((p) => p.start)).size).to.equal(23);
    expect(out.map((p) => p.start))
      .to.include('2026-03-28T23:00:00.000Z')
      .and.include('2026-03-29T01:00:00.000Z')
      .and.include('2026-03-29T21:00:00.000Z');
  });

  it('withClosedHours: 30-minute grid, a day without rows → nothing added for it (missing, not closed)', () => {
    const out = withClosedHours([{ start: '2026-11-16T06:00:00.000Z', volume: 3, ahtSeconds: null }], 'Asia/Tbilisi', 30);
    expect(out).to.have.length(48);
    expect(
      out.every((p) => (p.start as string) >= '2026-11-15T20:00:00.000Z' && (p.start as string) < '2026-11-16T20:00:00.000Z'),
    ).to.equal(true);
  });

  it('warningText: a coded warning → the catalogue’s Georgian with its figures; a string stored before codes → unchanged', () => {
    const ka = translator('ka');
    expect(warningText({ code: 'outliers', params: { count: 3, dates: ['2026-01-01'] } }, ka, 'Asia/Tbilisi')).to.equal(
      'სწავლებიდან გამოირიცხა 3 უჩვეულო დღე (უახლესი: ხუთშაბათი 01.01).',
    );
    expect(warningText({ code: 'historyGap', params: { days: 5 } }, ka, 'Asia/Tbilisi')).to.contain('5 დღით');
    expect(warningText('something stored long ago', ka, 'Asia/Tbilisi')).to.equal('something stored long ago');
  });

  it('storedPoint: value 20 adjusted to 30 → bands scaled by 1.5; a forecast of 0 set to 4 → every band 4', () => {
    const base = {
      start: '2026-11-16T06:00:00.000Z',
      volume: 20,
      lower80: 16,
      upper80: 24,
      lower95: 12,
      upper95: 28,
      ahtSeconds: null,
      adjustedVolume: 30,
    };
    expect(storedPoint(base, 250)).to.deep.equal({
      start: base.start,
      volume: 30,
      ahtSeconds: 250,
      lower80: 24,
      upper80: 36,
      lower95: 18,
      upper95: 42,
    });
    const zero = storedPoint({ ...base, volume: 0, lower80: 0, upper80: 1, lower95: 0, upper95: 2, adjustedVolume: 4 }, null);
    expect([zero.volume, zero.lower80, zero.upper80, zero.lower95, zero.upper95]).to.deep.equal([4, 4, 4, 4, 4]);
  });

  it('spreadToInterval: hourly rows on a 15-minute team grid → four quarters of a quarter each; 30-minute rows on a 30-minute grid → unchanged', () => {
    const hourly = [
      { start: '2026-11-16T06:00:00.000Z', volume: 8 },
      { start: '2026-11-16T07:00:00.000Z', volume: 4 },
    ];
    const quarters = spreadToInterval(hourly, 'Asia/Tbilisi', 15);
    expect(quarters.map((p) => p.start.slice(11, 16))).to.deep.equal([
      '06:00',
      '06:15',
      '06:30',
      '06:45',
      '07:00',
      '07:15',
      '07:30',
      '07:45',
    ]);
    expect(quarters.map((p) => p.volume)).to.deep.equal([2, 2, 2, 2, 1, 1, 1, 1]);
    const halves = [...hourly, { start: '2026-11-16T07:30:00.000Z', volume: 3 }];
    expect(spreadToInterval(halves, 'Asia/Tbilisi', 30)).to.equal(halves);
  });
});

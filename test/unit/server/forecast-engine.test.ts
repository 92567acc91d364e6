import { expect } from 'chai';
import { withClosedHours } from '../../../server/use-cases/forecast-engine';
import { translateWarning } from '../../../server/view-models/forecast';
import { translator } from '../../../server/i18n';

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
    expect(out.map((p) => p.start)).to.include('2026-03-28T23:00:00.000Z').and.include('2026-03-29T01:00:00.000Z').and.include('2026-03-29T21:00:00.000Z');
  });

  it('withClosedHours: 30-minute grid, a day without rows → nothing added for it (missing, not closed)', () => {
    const out = withClosedHours([{ start: '2026-11-16T06:00:00.000Z', volume: 3, ahtSeconds: null }], 'Asia/Tbilisi', 30);
    expect(out).to.have.length(48);
    expect(out.every((p) => (p.start as string) >= '2026-11-15T20:00:00.000Z' && (p.start as string) < '2026-11-16T20:00:00.000Z')).to.equal(true);
  });

  it('translateWarning: known engine sentences → the catalogue’s Georgian; an unknown one → unchanged', () => {
    const ka = translator('ka');
    expect(translateWarning('3 unusual day(s) left out of training: 2026-01-01', ka)).to.equal('სწავლებიდან გამოირიცხა 3 უჩვეულო დღე.');
    expect(translateWarning('the history ends 5.0 day(s) before the start', ka)).to.contain('5.0');
    expect(translateWarning('something new', ka)).to.equal('something new');
  });
});

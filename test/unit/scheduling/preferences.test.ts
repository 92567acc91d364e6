import { expect } from 'chai';
import { preferencesOnDay } from '../../../scheduling/preferences';

const TUESDAY = { date: '2026-12-08', weekday: 2 };
const late = { startClock: 14 * 60, evening: true, night: false };
const early = { startClock: 8 * 60, evening: false, night: false };

describe('scheduling/preferences preferencesOnDay: asked and honoured, the one rule for optimiser and ledger', () => {
  it('"rather no evenings on Tuesdays": a late Tuesday breaks it, an early one or a day off keeps it, Wednesday is not asked', () => {
    const prefs = { avoid: [{ time: 'evening' as const, weekday: 2 }] };
    expect(preferencesOnDay(prefs, TUESDAY, late)).to.deep.equal({ asked: 1, honoured: 0 });
    expect(preferencesOnDay(prefs, TUESDAY, early)).to.deep.equal({ asked: 1, honoured: 1 });
    expect(preferencesOnDay(prefs, TUESDAY, null)).to.deep.equal({ asked: 1, honoured: 1 });
    expect(preferencesOnDay(prefs, { date: '2026-12-09', weekday: 3 }, late)).to.deep.equal({ asked: 0, honoured: 0 });
  });

  it('avoid without a weekday asks every day; early means a start before 11:00; night uses the night fact', () => {
    expect(preferencesOnDay({ avoid: [{ time: 'early' }] }, TUESDAY, early)).to.deep.equal({ asked: 1, honoured: 0 });
    expect(preferencesOnDay({ avoid: [{ time: 'early' }] }, TUESDAY, { ...early, startClock: 11 * 60 })).to.deep.equal({
      asked: 1,
      honoured: 1,
    });
    expect(preferencesOnDay({ avoid: [{ time: 'night' }] }, TUESDAY, { ...late, night: true })).to.deep.equal({ asked: 1, honoured: 0 });
  });

  it('a day off by weekday name or date is kept only without a shift; wanted shifts ask only on worked days', () => {
    expect(preferencesOnDay({ daysOff: ['tuesday'] }, TUESDAY, early)).to.deep.equal({ asked: 1, honoured: 0 });
    expect(preferencesOnDay({ daysOff: ['2026-12-08'] }, TUESDAY, null)).to.deep.equal({ asked: 1, honoured: 1 });
    expect(preferencesOnDay({ shifts: ['early', 'late'] }, TUESDAY, late)).to.deep.equal({ asked: 1, honoured: 1 });
    expect(preferencesOnDay({ shifts: ['09:00'] }, TUESDAY, early)).to.deep.equal({ asked: 1, honoured: 0 });
    expect(preferencesOnDay({ shifts: ['early'] }, TUESDAY, null)).to.deep.equal({ asked: 0, honoured: 0 });
  });
});

import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { hasMessage, translator } from '../../../server/i18n';
import { notesText } from '../../../server/i18n/codes';
import type { ForecastNote } from '../../../forecasting/notes';
import { forecastSeries } from '../../../forecasting';

const SAMPLES: ForecastNote[] = [
  { code: 'askedFor', params: {} },
  { code: 'tooLittleHistory', params: {} },
  { code: 'combinationKept', params: { wape: '0.123', folds: 4, best: 'daily-profile', bestWape: '0.120', marginPct: 5 } },
  { code: 'lowestWape', params: { wape: '0.081', folds: 4 } },
  { code: 'betterThanCombination', params: { marginPct: 5, combinationWape: '0.097' } },
  { code: 'seasonalNaive', params: { wape: '0.214' } },
  { code: 'combinationNeedsHistory', params: { method: 'week-average' } },
  { code: 'combinationWeights', params: { methods: ['daily-profile', 'weighted-weeks'], weights: [0.3, 0.2] } },
  { code: 'noHistory', params: {} },
  { code: 'coordinatorEffect', params: { effectPct: -40 } },
  { code: 'eventWithoutEffect', params: {} },
  { code: 'learnedFromSame', params: { count: 2, holiday: 'independenceDay' } },
  { code: 'meanOfPastHolidays', params: { count: 6 } },
  { code: 'defaultHolidayFactor', params: { factor: 0.5 } },
  { code: 'holidaysTooFewSeen', params: { seen: 1, need: 3 } },
  { code: 'holidaysApplied', params: { ratio: '0.31', seen: 7 } },
  { code: 'holidaysNotApplied', params: { ratio: '0.97', seen: 7 } },
];
const [en, ka] = [translator('en'), translator('ka')];
const ZONE = 'Asia/Tbilisi';

describe('forecast notes: why a method was chosen and how holidays count, as codes worded by the catalogue', () => {
  it('the engine writes only codes sampled here (grep of note(…) in forecasting/), each in the catalogue', () => {
    const written = new Set<string>();
    const walk = (dir: string) => {
      for (const f of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, f.name);
        if (f.isDirectory()) walk(p);
        else if (f.name.endsWith('.ts')) for (const m of fs.readFileSync(p, 'utf8').matchAll(/note\(\s*'(\w+)'/g)) written.add(m[1]);
      }
    };
    walk('forecasting');
    expect(written.size).to.be.greaterThan(10);
    expect([...written].filter((c) => !SAMPLES.some((s) => s.code === c))).to.deep.equal([]);
    for (const s of SAMPLES) expect(hasMessage(`forecast.note.${s.code}`), s.code).to.equal(true);
  });

  for (const sample of SAMPLES) {
    it(`${sample.code}: English and Georgian fill every placeholder; Georgian has no English words but WAPE and the CLI flag`, () => {
      for (const t of [en, ka]) {
        const text = notesText(sample, t, ZONE);
        expect(text).to.not.match(/\{\w+\}|forecast\.note/);
        for (const v of Object.values(sample.params)) if (typeof v === 'number') expect(text).to.contain(String(v));
      }
      const georgian = notesText(sample, ka, ZONE).replace(/WAPE|--holidays GE/g, '');
      expect(georgian).to.not.match(/[A-Za-z]{2,}/);
    });
  }

  it('notesText, method and holiday names in the reader’s language; clauses joined with "; "', () => {
    const text = notesText([SAMPLES[3], SAMPLES[7]], en, ZONE);
    expect(text).to.equal(
      'lowest WAPE 0.081 over 4 backtest week(s) before the start; a weighted mean of Daily total × intraday profile, Recent weeks, weighted (weights 0.3/0.2)',
    );
    expect(notesText(SAMPLES[11], en, ZONE)).to.equal('learned from 2 past Independence Day');
  });

  it('notesText, a legacy English sentence stored before notes were codes, is shown as it is', () => {
    expect(notesText('lowest WAPE 0.081 over 4 backtest week(s)', ka, ZONE)).to.equal('lowest WAPE 0.081 over 4 backtest week(s)');
    expect(notesText(undefined, en, ZONE)).to.equal('');
  });

  it('forecastSeries, eight weeks of office hours, gives its reasons as codes that render without an English word in Georgian', () => {
    const history = Array.from({ length: 56 * 24 }, (_, k) => {
      const at = Date.parse('2026-01-19T00:00:00+04:00') + k * 3_600_000;
      const hour = new Date(at + 4 * 3_600_000).getUTCHours();
      return { start: new Date(at).toISOString(), volume: hour >= 9 && hour < 18 ? 20 + (k % 7) : 0 };
    });
    const r = forecastSeries(history, { zone: ZONE, start: '2026-03-16T00:00', hours: 24 });
    expect(r.chosenBecause.length).to.be.greaterThan(0);
    for (const n of [...r.chosenBecause, r.holidays!]) expect(n).to.have.keys(['code', 'params']);
    expect(notesText(r.chosenBecause, ka, ZONE).replace(/WAPE/g, '')).to.not.match(/[A-Za-z]{2,}/);
  });
});

import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { AREAS, hasMessage, translate, translator } from '../../../server/i18n';
import { noteChannelName } from '../../../models/channel-names';
import { warningText } from '../../../server/i18n/codes';
import type { ForecastWarning } from '../../../forecasting/warnings';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n: the English/Georgian message catalogue', () => {
  for (const [name, area] of Object.entries(AREAS)) {
    it(`${name}: every English key has a Georgian text with the same placeholders`, () => {
      const problems: string[] = [];
      for (const [key, en] of Object.entries(area.en)) {
        const ka = area.ka[key];
        if (ka === undefined || ka.trim() === '') problems.push(`missing ka: ${key}`);
        else if (placeholders(ka).join() !== placeholders(en).join()) problems.push(`placeholders differ: ${key}`);
      }
      for (const key of Object.keys(area.ka)) if (!(key in area.en)) problems.push(`ka only: ${key}`);
      expect(problems).to.deep.equal([]);
    });
  }

  it('translate: fills placeholders and falls back to the key for an unknown message', () => {
    expect(translate('en', 'home.welcome', { name: 'Nino' })).to.equal('Hello, Nino');
    expect(translate('ka', 'home.welcome', { name: 'Nino' })).to.equal('გამარჯობა, Nino');
    expect(translate('en', 'no.such.key')).to.equal('no.such.key');
  });

  it('views: every literal {{t "key"}} used in a template exists in the catalogue', () => {
    const missing: string[] = [];
    const walk = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    for (const file of walk('views').filter((f) => f.endsWith('.hbs'))) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/\{\{t "([^"]+)"/g)) {
        if (translate('en', m[1]) === m[1]) missing.push(`${file}: ${m[1]}`);
      }
    }
    expect(missing).to.deep.equal([]);
  });

  describe('forecast warnings: every code in both languages with its figures', () => {
    const SAMPLES: ForecastWarning[] = [
      { code: 'mixedIntervals', params: { coarseMinutes: 60, fineMinutes: 30 } },
      { code: 'shortHistory', params: { days: 12 } },
      { code: 'shortHistoryNoBacktest', params: { days: 5, method: 'seasonal-naive' } },
      { code: 'defaultSpread', params: {} },
      { code: 'outliers', params: { count: 7, dates: ['2026-01-01', '2026-01-07'] } },
      { code: 'historyGap', params: { days: 2.5 } },
      { code: 'fewerFolds', params: { days: 27.5, folds: 3, horizonHours: 168, asked: 4 } },
      { code: 'methodsOnFewerFolds', params: {} },
      { code: 'noHistory', params: {} },
    ];
    const [en, ka] = [translator('en'), translator('ka')];

    it('the engine writes only codes sampled here (grep of warning(…) in forecasting/)', () => {
      const written = new Set<string>();
      for (const f of fs.readdirSync('forecasting').filter((n) => n.endsWith('.ts')))
        for (const m of fs.readFileSync(path.join('forecasting', f), 'utf8').matchAll(/warning\('(\w+)'/g)) written.add(m[1]);
      expect(written.size).to.be.greaterThan(6);
      expect([...written].filter((c) => !SAMPLES.some((s) => s.code === c))).to.deep.equal([]);
      for (const s of SAMPLES) expect(hasMessage(`forecast.warning.${s.code}`), s.code).to.equal(true);
    });

    for (const sample of SAMPLES) {
      it(`${sample.code}: English and Georgian name every number; Georgian has no English words`, () => {
        for (const t of [en, ka]) {
          const text = warningText(sample, t, 'Asia/Tbilisi');
          expect(text).to.not.match(/\{\w+\}|forecast\.warning/);
          for (const v of Object.values(sample.params)) if (typeof v === 'number') expect(text).to.contain(String(v));
        }
        expect(warningText(sample, ka, 'Asia/Tbilisi')).to.not.match(/[A-Za-z]{2,}/);
      });
    }
  });
});

describe("i18n: a team's own channel id is said by its kind and name key", () => {
  it("'rota.channel.<id>' as its kind's, 'channel.<id>' as its name key's, in both languages; an unknown id stays a key", () => {
    noteChannelName('voice-tbs2', { kind: 'voice', nameKey: 'channel.voice' });
    noteChannelName('social-tbs2', { kind: 'chat', nameKey: 'channel.chat' });
    expect(translate('en', 'rota.channel.voice-tbs2')).to.equal(translate('en', 'rota.channel.voice'));
    expect(translate('ka', 'rota.channel.voice-tbs2')).to.equal(translate('ka', 'rota.channel.voice'));
    expect(translate('en', 'channel.social-tbs2')).to.equal(translate('en', 'channel.chat'));
    expect(translate('ka', 'channel.social-tbs2')).to.equal(translate('ka', 'channel.chat'));
    expect(hasMessage('rota.channel.social-tbs2')).to.equal(true);
    expect(translate('en', 'skill.social-tbs2')).to.equal(translate('en', 'skill.chat'));
    expect(translate('en', 'rota.channel.never-made')).to.equal('rota.channel.never-made');
    expect(hasMessage('rota.channel.never-made')).to.equal(false);
  });
});

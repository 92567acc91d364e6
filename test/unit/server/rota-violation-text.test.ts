import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { explanationText, violationDetail, violationText } from '../../../server/i18n/codes';
import { hasMessage, translate, translator } from '../../../server/i18n';
import type { CodeParams, Violation } from '../../../scheduling';

const en = translator('en');
const ka = translator('ka');
const ZONE = 'Asia/Tbilisi';
const v = (rule: string, code: string, params: CodeParams = {}): Violation => ({ rule, code, staffId: '1', time: null, params });

/** One sample of every code the rule checker writes, with parameters of each kind it uses. */
const SAMPLES: Violation[] = [
  v('shiftLength', 'shiftLength', { lengthHours: 8.75, allowedHours: [8, 9] }),
  v('window', 'startsBefore', { earliest: '08:00' }),
  v('window', 'endsAfter', { latest: '23:00' }),
  v('week', 'week'),
  v('grid', 'grid', { stepMinutes: 30 }),
  v('unavailable', 'unavailable', { from: '2026-12-07T00:00:00+04:00', to: '2026-12-08T00:00:00+04:00' }),
  v('skill', 'skill', { channel: 'chat' }),
  v('break', 'breakOutside'),
  v('break', 'breaksOverlap'),
  v('break', 'breakTooShort', { totalMinutes: 30, needMinutes: 60 }),
  v('nightHours', 'nightHours', { nightHours: 1.75, maxHours: 1 }),
  v('unknownStaff', 'unknownStaff', { staffId: '17' }),
  v('oneShiftPerDay', 'oneShiftPerDay'),
  v('contractHours', 'contractHours', { workedHours: 32, contractHours: 40, toleranceHours: 1 }),
  v('maxHours', 'maxHours', { workedHours: 45, maxHours: 40 }),
  v('overlap', 'overlap'),
  v('rest', 'rest', { restHours: 9, needHours: 12 }),
  v('daysOff', 'daysOff', { daysOff: 1, needDays: 2 }),
  v('consecutiveDays', 'consecutiveDays', { days: 7, maxDays: 6 }),
  v('locked', 'locked', { start: '2026-12-07T05:00:00Z', end: '2026-12-07T13:00:00Z' }),
];

/** The (rule, code) pairs written in scheduling/rules/*.ts: `violation(ctx, 'rule', …, 'code')`. */
function engineCodes(): { rule: string; code: string }[] {
  const dir = path.resolve('scheduling/rules');
  const out: { rule: string; code: string }[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'rule-context.ts')) {
    const src = fs.readFileSync(path.join(dir, file), 'utf8').replace(/\s+/g, ' ');
    for (const m of src.matchAll(/violation\(ctx, '(\w+)'/g)) {
      // The call's arguments up to its closing parenthesis; a last string argument is the code.
      let depth = 1;
      let i = m.index + 'violation('.length;
      for (; depth > 0 && i < src.length; i++) depth += src[i] === '(' ? 1 : src[i] === ')' ? -1 : 0;
      const code = /, '(\w+)'\s*,?\s*\)$/.exec(src.slice(m.index, i))?.[1] ?? m[1];
      out.push({ rule: m[1], code });
    }
  }
  return out;
}

const LATIN_WORD = /[A-Za-z]{2,}/;

describe('violation texts from codes, in the page language', () => {
  it('violationText, rest, English: the rule title and its figures', () => {
    expect(violationText(v('rest', 'rest', { restHours: 9, needHours: 12 }), en, ZONE)).to.equal(
      'Less than the minimum rest between shifts (only 9 h rest, need 12 h)',
    );
  });

  it('violationText, rest, Georgian: the same figures in Georgian', () => {
    expect(violationText(v('rest', 'rest', { restHours: 9, needHours: 12 }), ka, ZONE)).to.equal(
      'ცვლებს შორის დასვენება მინიმუმზე ნაკლებია (მხოლოდ 9 სთ დასვენება, საჭიროა 12 სთ)',
    );
  });

  it('violationDetail, hours and lists: rounded to two decimals, allowed lengths as 8/9', () => {
    expect(violationDetail(v('shiftLength', 'shiftLength', { lengthHours: 8.7549, allowedHours: [8, 9] }), en, ZONE)).to.equal(
      '8.75 h long; allowed: 8/9 h',
    );
  });

  it('violationDetail, instants: shown in the team zone (05:00Z is 09:00 in Tbilisi) with the weekday', () => {
    const locked = SAMPLES.find((s) => s.code === 'locked')!;
    expect(violationDetail(locked, en, ZONE)).to.equal('locked shift Mon 07.12 09:00–Mon 07.12 17:00 changed or missing');
    expect(violationDetail(locked, ka, ZONE)).to.equal('დაბლოკილი ცვლა ორშ 07.12 09:00–ორშ 07.12 17:00 შეიცვალა ან აკლია');
  });

  it('violationDetail, channel: named as the catalogue names it (chat → ჩატი in Georgian)', () => {
    const skill = SAMPLES.find((s) => s.code === 'skill')!;
    expect(violationDetail(skill, en, ZONE)).to.equal(`works ${translate('en', 'rota.channel.chat')} without the skill`);
    expect(violationDetail(skill, ka, ZONE)).to.contain(translate('ka', 'rota.channel.chat'));
  });

  for (const sample of SAMPLES) {
    it(`${sample.rule}/${sample.code}: both languages have the message, every parameter appears, Georgian has no English words`, () => {
      for (const t of [en, ka]) {
        const text = violationText(sample, t, ZONE);
        expect(text, text).to.not.match(/\{\w+\}|rota\.rule|ruleDetail/);
        for (const [name, value] of Object.entries(sample.params)) {
          if (typeof value === 'number') expect(text, `${name} in ${text}`).to.contain(String(value));
        }
      }
      expect(violationText(sample, ka, ZONE)).to.not.match(LATIN_WORD);
    });
  }

  it('every (rule, code) the rule checker writes has a sample above and a message in both languages', () => {
    const written = engineCodes();
    expect(written.length).to.be.greaterThan(15);
    const sampled = new Set(SAMPLES.map((s) => `${s.rule}/${s.code}`));
    for (const { rule, code } of written) {
      expect(sampled.has(`${rule}/${code}`), `${rule}/${code} sampled`).to.equal(true);
      expect(hasMessage(`rota.rule.${rule}`), `rota.rule.${rule}`).to.equal(true);
      expect(hasMessage(`rota.ruleDetail.${code}`), `rota.ruleDetail.${code}`).to.equal(true);
    }
  });
});

describe('infeasibility reasons from codes', () => {
  const who = { staffId: 'a1', name: 'Nino Beridze', contractHours: 40 };
  const REASONS = [
    { code: 'contractAboveMaximum', params: { ...who, contractHours: 45, maxHours: 40 } },
    {
      code: 'notEnoughDays',
      params: { ...who, maxDays: 3, longestHours: 8, blockedDates: ['2026-12-07', '2026-12-08'] },
    },
    { code: 'notEnoughDaysOff', params: { ...who, maxDays: 4, longestHours: 8, daysOff: 3 } },
    { code: 'noWeekFits', params: { ...who, toleranceHours: 1, restHours: 12, daysOff: 2, maxConsecutiveDays: 6 } },
    { code: 'noRotaKeepsTheRules', params: {} },
    { code: 'noRotaInTime', params: {} },
  ];

  it('explanationText, contractAboveMaximum, English: names the person and both hours', () => {
    expect(explanationText(REASONS[0], en, ZONE)).to.equal(
      'Nino Beridze has 45 contracted hours, more than the 40-hour weekly maximum (no overtime allowed).',
    );
  });

  it('explanationText, notEnoughDays: blocked dates as weekday names in the reader’s language', () => {
    expect(explanationText(REASONS[1], en, ZONE)).to.contain('block Monday 07.12, Tuesday 08.12');
    expect(explanationText(REASONS[1], ka, ZONE)).to.contain('ორშაბათი 07.12, სამშაბათი 08.12');
  });

  for (const reason of REASONS) {
    it(`${reason.code}: both languages, every number shown, Georgian without English words (the name aside)`, () => {
      for (const t of [en, ka]) {
        const text = explanationText(reason, t, ZONE);
        expect(text).to.not.match(/\{\w+\}|rota\.infeasible/);
        for (const value of Object.values(reason.params)) if (typeof value === 'number') expect(text).to.contain(String(value));
      }
      expect(explanationText(reason, ka, ZONE).replace('Nino Beridze', '')).to.not.match(LATIN_WORD);
    });
  }
});

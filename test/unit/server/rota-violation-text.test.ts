import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { violationDetail, violationText } from '../../../server/view-models/rota';
import { translator } from '../../../server/i18n';
import type { Violation } from '../../../scheduling';

const en = translator('en');
const ka = translator('ka');
const v = (rule: string, detail: string): Violation => ({ rule, staffId: '1', time: null, detail });

/** The engine's own detail wordings (rules with data in them, like a staff id or a channel, are not translated). */
const TRANSLATED = [
  'rest',
  'shiftLength',
  'window',
  'grid',
  'nightHours',
  'contractHours',
  'maxHours',
  'daysOff',
  'consecutiveDays',
  'oneShiftPerDay',
  'overlap',
  'week',
];

function engineDetails(): { rule: string; detail: string }[] {
  const dir = path.resolve('scheduling/rules');
  const out: { rule: string; detail: string }[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const src = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const m of src.matchAll(/violation\(ctx, '(\w+)', .*?, (?:'([^']*)'|`([^`]*)`)\)/g)) {
      // Sample values for the placeholders: clock times for opening hours, numbers elsewhere.
      const detail = (m[2] ?? m[3]).replace(/\$\{([^}]*)\}/g, (_all, expr: string) => (/Start|End/.test(expr) ? '08:00' : '7'));
      out.push({ rule: m[1], detail });
    }
  }
  return out;
}

describe('violation texts in the page language', () => {
  it('English: the engine words are kept as they are', () => {
    expect(violationText(v('rest', 'only 9 h rest, need 12 h'), en)).to.equal(
      'Less than the minimum rest between shifts (only 9 h rest, need 12 h)',
    );
    expect(violationDetail(v('shiftLength', 'length 8.75 h not in 8/9 h'), en)).to.equal('length 8.75 h not in 8/9 h');
  });

  it('Georgian: the detail is translated with its numbers', () => {
    expect(violationText(v('rest', 'only 9 h rest, need 12 h'), ka)).to.equal(
      'ცვლებს შორის დასვენება მინიმუმზე ნაკლებია (მხოლოდ 9 სთ დასვენება, საჭიროა 12 სთ)',
    );
    expect(violationDetail(v('window', 'ends after 23:00'), ka)).to.equal('მთავრდება 23:00-ის შემდეგ');
    expect(violationDetail(v('nightHours', '1.75 night hours, max 1'), ka)).to.equal('1.75 ღამის საათი, მაქსიმუმ 1');
  });

  it('an unknown wording is shown as it is', () => {
    expect(violationDetail(v('skill', 'works chat without the skill'), ka)).to.equal('works chat without the skill');
    expect(violationDetail(v('rest', 'something new'), ka)).to.equal('something new');
  });

  it('every detail the engine writes for the translated rules is recognised (English unchanged, Georgian without English words)', () => {
    const details = engineDetails().filter((d) => TRANSLATED.includes(d.rule));
    expect(details.map((d) => d.rule)).to.include.members(TRANSLATED);
    for (const d of details) {
      expect(violationDetail(v(d.rule, d.detail), en), d.detail).to.equal(d.detail);
      expect(violationDetail(v(d.rule, d.detail), ka), d.detail).to.not.match(/[A-Za-z]{2,}/);
    }
  });
});

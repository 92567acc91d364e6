import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { AREAS, translate } from '../../../server/i18n';

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
});

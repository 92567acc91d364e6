import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The import direction of STYLE.md, enforced: the domain folders stay pure (no HTTP, no database,
 * no app code), `models/` is the only place that imports TypeORM, `server/` the only one that
 * imports Express, and domain code takes the clock and randomness as arguments.
 */
function tsFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function imports(file: string): string[] {
  const src = fs.readFileSync(file, 'utf8');
  return [...src.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
}

const DOMAIN = ['forecasting', 'staffing', 'scheduling'];

describe('architecture: import direction between folders', () => {
  for (const folder of DOMAIN) {
    it(`${folder}/: imports no express, typeorm, pg, better-sqlite3, server/ or models/`, () => {
      const bad = tsFiles(folder).flatMap((f) =>
        imports(f)
          .filter((s) => /^(express|typeorm|pg|better-sqlite3|express-handlebars)$/.test(s) || /(^|\/)(server|models)(\/|$)/.test(s))
          .map((s) => `${f}: ${s}`),
      );
      expect(bad).to.deep.equal([]);
    });

    it(`${folder}/: reads neither the wall clock nor Math.random (they come in as arguments)`, () => {
      const code = (f: string) => fs.readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      const bad = tsFiles(folder).filter((f) => /\bDate\.now\(|\bMath\.random\(|\bnew Date\(\)|DateTime\.now\(/.test(code(f)));
      expect(bad).to.deep.equal([]);
    });
  }

  it('typeorm is imported only under models/', () => {
    const roots = ['server', 'seeds', 'bin', 'forecasting', 'staffing', 'scheduling'];
    const bad = roots.flatMap(tsFiles).filter((f) => imports(f).some((s) => s === 'typeorm' || s.startsWith('typeorm/')));
    expect(bad).to.deep.equal([]);
  });

  it('express is imported only under server/', () => {
    const roots = ['models', 'seeds', 'bin', 'forecasting', 'staffing', 'scheduling'];
    const bad = roots.flatMap(tsFiles).filter((f) => imports(f).some((s) => s === 'express'));
    expect(bad).to.deep.equal([]);
  });
});

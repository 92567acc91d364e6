import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';

/**
 * `npm test` runs test/unit once (on SQLite) and only test/integration and test/e2e again on
 * PostgreSQL (bin/run-tests.js). That is sound only while no unit test opens a database: this
 * keeps it so. A test that needs one belongs in test/integration.
 */
function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const OPENS_A_DATABASE = [
  /from\s+['"][./]*support\/(db|app|team)['"]/,
  /from\s+['"][./]*models(\/index|\/data-source)?['"]/,
  /\b(createTestDataSource|createDataSource|startTestApp)\b/,
  // Reading the settings from the environment (a config test may pass them in an object of its own).
  /process\.env(\.|\[\s*['"])(TEST_DB|ROTA_SQLITE_PATH|DATABASE_URL)\b/,
];

describe('architecture: unit tests need no database', () => {
  it('test/unit/: no file imports the database or app test helpers, models/ itself, or reads the database settings', () => {
    const self = path.basename(new URL(import.meta.url).pathname);
    const bad = tsFiles('test/unit')
      .filter((f) => path.basename(f) !== self)
      .flatMap((f) => {
        const src = fs.readFileSync(f, 'utf8');
        return OPENS_A_DATABASE.filter((re) => re.test(src)).map((re) => `${f}: ${re.source}`);
      });
    expect(bad).to.deep.equal([]);
  });
});

import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import * as audit from '../../../models/repositories/audit';

/**
 * The audit log is append-only for the app: its repository offers appending and reading only,
 * and no other code reaches the audit_log table or its entity.
 */
function tsFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('architecture: the audit log is append-only', () => {
  it('models/repositories/audit.ts: exports only append and list functions, and calls no update, delete, remove or save', () => {
    expect(Object.keys(audit).filter((name) => !/^(append|list)[A-Z]/.test(name))).to.deep.equal([]);
    const src = fs.readFileSync('models/repositories/audit.ts', 'utf8');
    expect(src).not.to.match(/\.(update|delete|remove|save|softDelete|clear|upsert)\(/);
  });

  it('no other module imports the AuditLog entity or writes SQL against audit_log', () => {
    const roots = ['app', 'server', 'bin', 'seeds', 'models/repositories'];
    const bad = roots
      .flatMap(tsFiles)
      .filter((f) => !f.endsWith(path.join('repositories', 'audit.ts')))
      .filter((f) => /\bAuditLog\b|audit_log/.test(fs.readFileSync(f, 'utf8')));
    expect(bad).to.deep.equal([]);
  });
});

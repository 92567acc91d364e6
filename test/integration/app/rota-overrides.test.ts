/**
 * The overrides shown on the rota (rotaOverrides): only the entries of the revision that record
 * a rule broken on purpose, oldest first, however many other rota entries came after them.
 */
import { expect } from 'chai';
import { createTestDataSource, destroyTestDataSource, testDbKind } from '../../support/db';
import { appendAudit } from '../../../models/repositories/audit';
import { rotaOverrides } from '../../../app/rota-week';
import type { DataSource } from '../../../models';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 8, 0) + minute * 60_000).toISOString();
const violation = { rule: 'minRest', code: 'minRest', staffId: '1', time: null, params: {} };

describe(`rota overrides from the audit trail (${testDbKind()})`, function () {
  this.timeout(120_000);
  let ds: DataSource;

  before(async () => {
    ds = await createTestDataSource();
  });
  after(async () => {
    if (ds) await destroyTestDataSource(ds);
  });

  it('rotaOverrides, an override followed by 1,200 other rota entries, still lists it; not other revisions’ or plain entries', async () => {
    await appendAudit(ds, {
      at: at(0),
      action: 'rota.shift.edited',
      entity: 'rota',
      entityId: 7,
      detail: { by: 'coordinator', override: { reason: 'Agreed with Nino', violations: [violation] } },
    });
    await appendAudit(ds, {
      at: at(1),
      action: 'swap.approved',
      entity: 'rota',
      entityId: 9,
      detail: { rotaIds: [8, 7], by: 'coordinator', override: { reason: 'Second one', violations: [] } },
    });
    await appendAudit(ds, {
      at: at(2),
      action: 'rota.shift.edited',
      entity: 'rota',
      entityId: 8,
      detail: { by: 'coordinator', override: { reason: 'Another revision', violations: [] } },
    });
    // A note that merely mentions the word is not an override.
    await appendAudit(ds, {
      at: at(3),
      action: 'rota.note',
      entity: 'rota',
      entityId: 7,
      detail: { note: '"override":{ typed by someone' },
    });
    await ds.transaction(async (tx) => {
      for (let i = 0; i < 1200; i++)
        await appendAudit(tx, { at: at(10 + i), action: 'rota.shift.edited', entity: 'rota', entityId: 7, detail: { by: 'coordinator' } });
    });
    const found = await rotaOverrides(ds, 7);
    expect(found.map((o) => o.reason)).to.deep.equal(['Agreed with Nino', 'Second one']);
    expect(found[0]).to.deep.include({ at: at(0), by: 'coordinator' });
    expect(found[0].violations).to.deep.equal([violation]);
  });
});

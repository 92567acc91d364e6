import { expect } from 'chai';
import { historyRange, listHistoryImports, type DataSource } from '../../../models';
import { importHistory, type ImportHistoryResult } from '../../../app/import-history';
import { createTestDataSource, destroyTestDataSource, testDbKind } from '../../support/db';
import { setUpTeam } from '../../support/team';

/** Hourly voice rows: `hours` hours from `fromIso`, every volume `volume`. */
function csv(fromIso: string, hours: number, volume: number): string[] {
  const from = Date.parse(fromIso);
  const rows = Array.from({ length: hours }, (_, h) => `${new Date(from + h * 3_600_000).toISOString()},voice,${volume}`);
  return ['timestamp,channel,volume', ...rows];
}

const A = csv('2026-11-02T00:00:00.000Z', 2_000, 7);
const B = csv('2026-11-30T00:00:00.000Z', 2_000, 9); // overlaps A from its 673rd hour on

async function stored(ds: DataSource) {
  return historyRange(ds, { channelId: 'voice', from: '2026-01-01T00:00:00.000Z', to: '2028-01-01T00:00:00.000Z' });
}

function run(ds: DataSource, lines: string[], onOverlap: 'refuse' | 'replace'): Promise<ImportHistoryResult> {
  // The clock after both files' last hour (the import refuses history in the future).
  const now = new Date('2027-06-01T00:00:00.000Z');
  return importHistory({ ds }, { lines, fileName: 'race.csv', source: 'api', onOverlap, zone: 'UTC', intervalMinutes: 60, now });
}

describe(`importHistory: two overlapping imports at once (${testDbKind()})`, function () {
  this.timeout(120_000);
  let ds: DataSource;
  beforeEach(async () => {
    ds = await createTestDataSource();
    await setUpTeam(ds);
  });
  afterEach(() => destroyTestDataSource(ds));

  it('importHistory, two overlapping refuse-imports at once, stores one file whole and refuses the other with its overlap', async () => {
    for (let round = 0; round < 3; round++) {
      await ds.query('DELETE FROM contact_history');
      const [a, b] = await Promise.all([run(ds, A, 'refuse'), run(ds, B, 'refuse')]);
      const oks = [a, b].filter((r) => r.ok);
      expect(oks, JSON.stringify([a, b]).slice(0, 500)).to.have.length(1);
      const refused = (a.ok ? b : a) as Extract<ImportHistoryResult, { ok: false }>;
      expect(refused.overlapCount).to.equal(1_328);
      expect(refused.errors).to.deep.equal([]);
      const volumes = new Set((await stored(ds)).map((s) => s.volume));
      expect((await stored(ds)).length).to.equal(2_000);
      expect([...volumes]).to.deep.equal([a.ok ? 7 : 9]);
    }
  });

  it('importHistory, two overlapping replace-imports at once, both succeed and the later one holds the overlap whole', async () => {
    const [a, b] = await Promise.all([run(ds, A, 'replace'), run(ds, B, 'replace')]);
    expect(a.ok && b.ok, JSON.stringify([a, b]).slice(0, 500)).to.equal(true);
    const rows = await stored(ds);
    expect(rows).to.have.length(2_672);
    // One import ran after the other: the overlap is all 7s or all 9s, never a mix.
    const overlap = rows.filter((r) => r.start >= '2026-11-30T00:00:00.000Z' && r.start < '2026-12-25T08:00:00.000Z');
    expect(new Set(overlap.map((r) => r.volume)).size).to.equal(1);
    expect(await listHistoryImports(ds)).to.have.length(2);
  });
});

/**
 * The pages' frequent statements find their rows through an index (migration PageIndexes), on
 * both databases. Each statement is the one the repository really sends (read off TypeORM's
 * logger), asked through EXPLAIN: SQLite's plan must SEARCH the named index; PostgreSQL's, with
 * sequential scans switched off for the question (an empty table is cheaper to read whole, so
 * the planner would not pick any index), must use the named index.
 */
import { expect } from 'chai';
import type { DataSource } from '../../../models';
import { listAudit } from '../../../models/repositories/audit';
import { countUnreadNotifications, listNotifications } from '../../../models/repositories/notifications';
import { listSwaps, listTimeOff } from '../../../models/repositories/requests';
import { unavailablePeriods } from '../../../models/repositories/availability';
import { createTestDataSource, destroyTestDataSource, testDbKind } from '../../support/db';

interface Statement {
  query: string;
  parameters: unknown[];
}

/** The SELECT statements `fn` sends, in order. */
async function statementsOf(ds: DataSource, fn: () => Promise<unknown>): Promise<Statement[]> {
  const seen: Statement[] = [];
  const logger = ds.logger;
  const original = logger.logQuery.bind(logger);
  logger.logQuery = (query, parameters, runner) => {
    if (/^\s*SELECT/i.test(query)) seen.push({ query, parameters: (parameters ?? []) as unknown[] });
    return original(query, parameters, runner);
  };
  try {
    await fn();
  } finally {
    logger.logQuery = original;
  }
  return seen;
}

/** The plan's lines, as each database prints them. */
async function planOf(ds: DataSource, s: Statement): Promise<string[]> {
  if (testDbKind() === 'sqlite') {
    const rows = (await ds.query(`EXPLAIN QUERY PLAN ${s.query}`, s.parameters)) as { detail: string }[];
    return rows.map((r) => r.detail);
  }
  const runner = ds.createQueryRunner();
  try {
    await runner.startTransaction();
    await runner.query('SET LOCAL enable_seqscan = off');
    const rows = (await runner.query(`EXPLAIN ${s.query}`, s.parameters)) as { 'QUERY PLAN': string }[];
    await runner.rollbackTransaction();
    return rows.map((r) => r['QUERY PLAN']);
  } finally {
    await runner.release();
  }
}

/** The one SELECT of `fn` on `table` and its plan. */
async function planOfCall(ds: DataSource, table: string, fn: () => Promise<unknown>): Promise<string> {
  // PostgreSQL's statements name the test's schema before the table.
  const from = new RegExp(`FROM ("[^"]+"\\.)?"${table}"`);
  const statements = (await statementsOf(ds, fn)).filter((s) => from.test(s.query));
  expect(statements, `statements on ${table}`).to.have.length(1);
  return (await planOf(ds, statements[0])).join('\n');
}

describe(`page indexes (${testDbKind()})`, () => {
  let ds: DataSource;
  before(async () => {
    ds = await createTestDataSource();
  });
  after(async () => {
    await destroyTestDataSource(ds);
  });

  /** Every index named must be used ('a|b': one of them). */
  const cases: [what: string, table: string, indices: string[], fn: () => Promise<unknown>][] = [
    [
      "a person's swaps, made or received (/requests)",
      'swap_requests',
      ['idx_swap_requests_requester', 'idx_swap_requests_target'],
      () => listSwaps(ds, { involvingStaffId: 6, limit: 50 }),
    ],
    ['the pending swaps (inbox, rota page)', 'swap_requests', ['idx_swap_requests_status'], () => listSwaps(ds, { statuses: ['pending'] })],
    [
      'the pending time off (inbox)',
      'time_off_requests',
      ['idx_time_off_requests_status'],
      () => listTimeOff(ds, { statuses: ['pending'] }),
    ],
    [
      "the week's approved time off (rota page)",
      'time_off_requests',
      ['idx_time_off_requests_status'],
      () => unavailablePeriods(ds, { weekStart: '2026-11-30', zone: 'Asia/Tbilisi' }),
    ],
    ["a person's newest notifications (Home)", 'notifications', ['idx_notifications_user_id'], () => listNotifications(ds, 6, 3)],
    [
      "a person's unread count (every page)",
      'notifications',
      // Either serves it (PostgreSQL picks by cost, equal on an empty table).
      ['idx_notifications_user_read|idx_notifications_user_id'],
      () => countUnreadNotifications(ds, 6),
    ],
    [
      "a week's history with rule overrides (rota page)",
      'audit_log',
      ['idx_audit_log_entity_at'],
      () => listAudit(ds, { entity: 'rota', withOverride: true, limit: 10_000 }),
    ],
  ];
  for (const [what, table, indices, fn] of cases) {
    it(`${what}: the statement on ${table} is answered through ${indices.join(' and ').replace('|', ' or ')}`, async () => {
      const plan = await planOfCall(ds, table, fn);
      for (const index of indices)
        expect(
          index.split('|').some((i) => plan.includes(i)),
          `${index} in\n${plan}`,
        ).to.equal(true);
      // SQLite: no line reads the table whole (a SCAN not through one of the indices).
      if (testDbKind() === 'sqlite') expect(plan.split('\n').filter((l) => /^SCAN /.test(l) && !/USING .*INDEX/.test(l))).to.deep.equal([]);
      else expect(plan).not.to.match(/Seq Scan on/);
    });
  }
});

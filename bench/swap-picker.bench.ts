/**
 * The swap picker on /requests (app/swap-picker.ts): the demo team, a published week of five
 * shifts for each agent (early and late by turns), and one agent's page with a shift picked in
 * the swap form, which checks every give-away and every exchange of it against the labour rules.
 *   node --import tsx bench/swap-picker.bench.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { createDataSource, runMigrations } from '../models';
import { seedDemo } from '../seeds';
import { listStaff } from '../models/repositories/staff';
import { createRotaRevision, type NewShift } from '../models/repositories/rotas';
import { findUserByUsername } from '../models/repositories/users';
import { myRequests } from '../app/time-off-pages';

const NOW = DateTime.fromISO('2026-11-25T09:00:00Z');
const ZONE = 'Asia/Tbilisi';

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rota-bench-'));
  const ds = createDataSource({ sqlitePath: path.join(dir, 'bench.sqlite') });
  await ds.initialize();
  await runMigrations(ds);
  await seedDemo(ds, { now: NOW });
  const monday = NOW.setZone(ZONE).startOf('week').plus({ weeks: 1 });
  const agents = (await listStaff(ds)).filter((p) => p.role === 'agent');
  const shifts: NewShift[] = [];
  for (const [i, a] of agents.entries())
    for (let d = 0; d < 5; d++) {
      const start = monday.plus({ days: (d + i) % 7, hours: i % 2 ? 14 : 9 });
      const lunch = start.plus({ hours: 4 });
      shifts.push({
        staffId: a.id,
        start: start.toUTC().toISO()!,
        end: start.plus({ hours: 9 }).toUTC().toISO()!,
        breaks: [{ start: lunch.toUTC().toISO()!, end: lunch.plus({ hours: 1 }).toUTC().toISO()! }],
        channel: a.skills.includes('voice') ? 'voice' : 'chat',
        locked: false,
      } as NewShift);
    }
  await createRotaRevision(ds, { weekStart: monday.toISODate()!, status: 'published', createdBy: 'bench' }, shifts, NOW.toISO()!);
  const user = (await findUserByUsername(ds, agents[0].name.toLowerCase().replace(' ', '.')))!;
  const ctx = { db: ds, zone: ZONE, now: NOW.toJSDate(), actor: { userId: user.id, username: user.username, staffId: user.staffId } };
  // The picker is computed for a picked shift (the form asks for it when the agent picks one).
  const first = (await myRequests(ctx)).myShifts[0];
  for (let i = 1; i <= 3; i++) {
    const start = process.hrtime.bigint();
    const page = await myRequests(ctx, { withInboxCount: false, pickShiftId: first.id });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const p = page.picker!;
    console.log(
      `run ${i}: ${ms.toFixed(0)} ms; ${page.colleagues.length} colleagues (${p.giveTo.length} offered), ` +
        `${page.colleagueShifts.length} colleague shifts (${p.exchange.length} offered)`,
    );
  }
  await ds.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();

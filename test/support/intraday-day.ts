/**
 * The intraday tests' day: Wednesday 25 November 2026, 13:30 in Tbilisi, six weeks of calls
 * behind it, four voice agents 09:00-18:00 today, Nana free today, Temo with five days (40 h)
 * already, and a morning that came in at twice the usual (pushed as actuals).
 */
import { expect } from 'chai';
import { DateTime } from 'luxon';
import { makePerson, makeRota } from './requests-builders';
import { insertHistory, Staff, type DataSource, type HistoryRow } from '../../models';
import { recordActuals } from '../../app/record-actuals';
import { mulberry32 } from '../../forecasting/random';

export const ZONE = 'Asia/Tbilisi';
// Wednesday 13:30 in Tbilisi (the running interval is 13:00; actions start at 14:00).
export const NOW = new Date('2026-11-25T09:30:00.000Z');
export const TODAY = '2026-11-25';
export const WEEK = '2026-11-23';

export const perHour = (hour: number) => (hour >= 9 && hour < 21 ? 30 : 2);

/** Six weeks of calls, each day at its own level (±20 %, drawn from `seed`). */
export function history(seed = 11): HistoryRow[] {
  const rows: HistoryRow[] = [];
  const rand = mulberry32(seed);
  let level = 1;
  for (
    let t = DateTime.fromISO(TODAY, { zone: ZONE }).minus({ weeks: 6 });
    t < DateTime.fromISO(TODAY, { zone: ZONE });
    t = t.plus({ hours: 1 })
  ) {
    if (t.hour === 0) level = 0.8 + 0.4 * rand();
    rows.push({
      start: t.toUTC().toISO()!,
      channelId: 'voice',
      platformCode: '',
      intervalMinutes: 60,
      offered: perHour(t.hour) * level,
      answered: null,
      abandoned: null,
      ahtSeconds: 240,
    });
  }
  return rows;
}

/** The day above stored; returns Nana's and Temo's staff ids. */
export async function seedSurgeDay(ds: DataSource): Promise<{ nana: number; temo: number }> {
  await insertHistory(ds, history());
  // The test accounts' own staff rows work chat, where nothing comes in: nobody to call in there.
  await ds.getRepository(Staff).createQueryBuilder().update().set({ skills: 'chat' }).where('name LIKE :n', { n: 'Test %' }).execute();
  const four = [];
  for (const name of ['ia', 'eka', 'dato', 'gela']) four.push(await makePerson(ds, name, { skills: ['voice'] }));
  const nana = (await makePerson(ds, 'nana', { skills: ['voice'], name: 'Nana Free' })).id;
  const temo = (await makePerson(ds, 'temo', { skills: ['voice'], name: 'Temo Full' })).id;
  // Temo already works five days (40 h): a call-in today would be a sixth day and 47 h.
  const temoWeek = ['2026-11-23', '2026-11-24', '2026-11-26', '2026-11-27', '2026-11-28'].map((d) => ({
    staffId: temo,
    start: `${d} 09:00`,
    end: `${d} 18:00`,
    channel: 'voice',
  }));
  await makeRota(ds, WEEK, [
    ...four.map((p) => ({ staffId: p.id, start: `${TODAY} 09:00`, end: `${TODAY} 18:00`, channel: 'voice' })),
    ...temoWeek,
  ]);
  // The morning came in at twice the usual: the rest of the day is re-forecast up.
  const rows = [];
  for (let h = 0; h < 13; h++) {
    const start = DateTime.fromISO(TODAY, { zone: ZONE }).set({ hour: h }).toISO()!;
    rows.push({ start, channel: 'voice', offered: perHour(h) * (h >= 9 ? 2 : 1) });
  }
  const stored = await recordActuals(ds, { json: rows, source: 'api', now: NOW });
  expect(stored.kind).to.equal('ok');
  return { nana, temo };
}

/**
 * The browser journeys' day: the same six weeks (another draw), the test accounts on chat, four
 * voice agents 09:00-18:00 today and Nana Beridze free. Today's actuals are each test's own.
 */
export async function seedBrowserDay(ds: DataSource): Promise<void> {
  await insertHistory(ds, history(3));
  await ds.getRepository(Staff).createQueryBuilder().update().set({ skills: 'chat' }).where('name LIKE :n', { n: 'Test %' }).execute();
  const four = [];
  for (const name of ['ia', 'eka', 'dato', 'gela']) four.push(await makePerson(ds, name, { skills: ['voice'] }));
  await makePerson(ds, 'nana', { skills: ['voice'], name: 'Nana Beridze' });
  await makeRota(
    ds,
    WEEK,
    four.map((p) => ({ staffId: p.id, start: `${TODAY} 09:00`, end: `${TODAY} 18:00`, channel: 'voice' })),
  );
}

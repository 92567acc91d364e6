/**
 * Test data for the rota pages: a few more people next to seedMinimalTeam's four, a stored
 * requirement for a week, and rotas built shift by shift (no solver) with defaults.
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../../models';
import { createStaff, listStaff, type StaffMember } from '../../models/repositories/staff';
import { replaceRequirements } from '../../models/repositories/requirements';
import { createRotaRevision, publishRota, type NewShift, type RotaRecord } from '../../models/repositories/rotas';

export const ZONE = 'Asia/Tbilisi';
const NOW = '2026-11-20T08:00:00.000Z';

/** Adds people until the team has `size` members (voice-only and chat-only, 40 h). */
export async function addRotaTeam(ds: DataSource, size = 6): Promise<StaffMember[]> {
  const have = await listStaff(ds);
  for (let i = have.length; i < size; i++) {
    const skills = i % 2 === 0 ? ['voice'] : ['chat'];
    await createStaff(
      ds,
      { code: `r${i}`, name: `Rota person ${i}`, role: 'agent', skills, contractHoursPerWeek: 40, activeFrom: '2025-01-01' },
      NOW,
    );
  }
  return listStaff(ds);
}

/** Hourly requirement 08:00-23:00 local for every day of the week: `voice` and `chat` agents. */
export async function storeWeekRequirement(ds: DataSource, weekStart: string, o: { voice?: number; chat?: number } = {}): Promise<void> {
  const monday = DateTime.fromISO(weekStart, { zone: ZONE });
  const rows = [];
  for (let d = 0; d < 7; d++) {
    for (let h = 0; h < 24; h++) {
      const start = monday.plus({ days: d, hours: h }).toUTC().toISO()!;
      const open = h >= 8 && h < 23;
      for (const [channelId, agents, aht] of [
        ['voice', o.voice ?? 2, 240],
        ['chat', o.chat ?? 1, 600],
      ] as const) {
        rows.push({
          channelId,
          start,
          volume: open ? agents * 8 : 0,
          ahtSeconds: aht,
          rawAgents: open ? agents : 0,
          scheduledAgents: open ? Math.ceil(agents / 0.7) : 0,
          serviceLevel: 0.8,
          asaSeconds: 20,
          occupancy: 0.6,
          abandonRate: null,
          forecastId: null,
          createdAt: NOW,
        });
      }
    }
  }
  await replaceRequirements(ds, weekStart, rows);
}

/** A shift on local `date` from `from` to `to` ('HH:mm'), lunch in the middle, channel voice. */
export function makeShift(staffId: number, date: string, from = '09:00', to = '18:00', over: Partial<NewShift> = {}): NewShift {
  const day = DateTime.fromISO(date, { zone: ZONE });
  const at = (hhmm: string) => day.plus({ hours: Number(hhmm.slice(0, 2)), minutes: Number(hhmm.slice(3)) });
  const start = at(from);
  let end = at(to);
  if (end <= start) end = end.plus({ days: 1 });
  const mid = start.plus({ minutes: Math.floor(end.diff(start, 'minutes').minutes / 2 / 60) * 60 - 30 });
  const lunch = mid.startOf('hour');
  return {
    staffId,
    start: start.toUTC().toISO()!,
    end: end.toUTC().toISO()!,
    breaks: [{ start: lunch.toUTC().toISO()!, end: lunch.plus({ hours: 1 }).toUTC().toISO()! }],
    channel: 'voice',
    activities: null,
    locked: false,
    ...over,
  };
}

/** Five 09:00-18:00 shifts Monday to Friday of `weekStart`. */
export function weekdayShifts(staffId: number, weekStart: string, over: Partial<NewShift> = {}): NewShift[] {
  const monday = DateTime.fromISO(weekStart, { zone: ZONE });
  return [0, 1, 2, 3, 4].map((d) => makeShift(staffId, monday.plus({ days: d }).toISODate()!, '09:00', '18:00', over));
}

export async function makeRota(ds: DataSource, weekStart: string, shifts: NewShift[], o: { publish?: boolean } = {}): Promise<RotaRecord> {
  const rota = await createRotaRevision(ds, { weekStart, status: 'draft', createdBy: 'test' }, shifts, NOW);
  if (o.publish) await publishRota(ds, rota.id, rota.version, NOW, 'test');
  return rota;
}

/**
 * A week of the whole team (blended 'b…' people on 'both' shifts), everyone with days off so
 * days differ, except t1 (the agent of seedMinimalTeam), who works every day; the requirement
 * stored (voice 2, chat 1). `skip(code, day)` leaves more shifts out. Returns the rota's id.
 */
export async function seedServiceWeek(ds: DataSource, week: string, o: { publish: boolean; skip?: (code: string, d: number) => boolean }) {
  const team = await listStaff(ds);
  const monday = DateTime.fromISO(week, { zone: ZONE });
  const shifts: NewShift[] = [];
  for (let d = 0; d < 7; d++) {
    const date = monday.plus({ days: d }).toISODate()!;
    team.forEach((p, i) => {
      // Everyone has days off (so days differ), except the agent who asks for time off.
      if (((i + d) % 3 === 0 && p.code !== 't1') || o.skip?.(p.code, d)) return;
      const blended = p.code.startsWith('b');
      const channel = blended ? 'both' : p.skills.includes('voice') ? 'voice' : 'chat';
      const [from, to] = blended ? (i % 2 ? ['10:00', '19:00'] : ['13:00', '22:00']) : i % 2 ? ['08:00', '17:00'] : ['14:00', '23:00'];
      shifts.push(makeShift(p.id, date, from, to, { channel }));
    });
  }
  await storeWeekRequirement(ds, week, { voice: 2, chat: 1 });
  return (await makeRota(ds, week, shifts, { publish: o.publish })).id;
}

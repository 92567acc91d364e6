/**
 * Test data for the request pages: a second agent with a login, and a published rota with
 * shifts built from local 'YYYY-MM-DD HH:mm' times in Tbilisi (UTC+4, no daylight saving).
 */
import { DateTime } from 'luxon';
import { ensureDefaultTeamId, Rota, Shift, type DataSource } from '../../models';
import { createStaff, type StaffMember } from '../../models/repositories/staff';
import { createUser, type UserRole } from '../../models/repositories/users';
import { hash } from '@node-rs/argon2';
import { TEST_PASSWORD } from './app';

const NOW = '2026-11-20T08:00:00.000Z';
const ZONE = 'Asia/Tbilisi';

export const localIso = (local: string) => DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone: ZONE }).toUTC().toISO()!;

let n = 100;
/** A person with a login (username = `username`, password TEST_PASSWORD). */
export async function makePerson(
  ds: DataSource,
  username: string,
  overrides: Partial<{ role: UserRole; skills: string[]; name: string }> = {},
): Promise<StaffMember> {
  const role = overrides.role ?? 'agent';
  const person = await createStaff(
    ds,
    {
      code: `b${n++}`,
      name: overrides.name ?? `Person ${username}`,
      role: role === 'admin' ? 'agent' : role,
      skills: overrides.skills ?? ['voice', 'chat'],
      contractHoursPerWeek: 40,
      activeFrom: '2025-01-01',
    },
    NOW,
  );
  await createUser(ds, { username, passwordHash: await hash(TEST_PASSWORD), role, staffId: person.id }, NOW);
  return person;
}

export interface ShiftSpec {
  staffId: number;
  /** Local start and end, 'YYYY-MM-DD HH:mm'. */
  start: string;
  end: string;
  channel?: string;
}

/** A rota for `weekStart` with these shifts (a one-hour break three hours in); returns shift ids in order. */
export async function makeRota(
  ds: DataSource,
  weekStart: string,
  shifts: ShiftSpec[],
  status: 'published' | 'draft' = 'published',
  o: { teamId?: number } = {},
): Promise<{ rotaId: number; shiftIds: number[] }> {
  const teamId = o.teamId ?? (await ensureDefaultTeamId(ds));
  const rota = await ds.getRepository(Rota).save(
    ds.getRepository(Rota).create({
      teamId,
      weekStart,
      status,
      revision: 1,
      createdAt: NOW,
      publishedAt: status === 'published' ? NOW : null,
    }),
  );
  const shiftIds: number[] = [];
  for (const s of shifts) {
    const start = localIso(s.start);
    const breakStart = DateTime.fromISO(start).plus({ hours: 3 });
    const row = ds.getRepository(Shift).create({
      rotaId: rota.id,
      staffId: s.staffId,
      start,
      end: localIso(s.end),
      breaksJson: JSON.stringify([{ start: breakStart.toUTC().toISO(), end: breakStart.plus({ hours: 1 }).toUTC().toISO() }]),
      channel: s.channel ?? 'voice',
      locked: false,
      updatedAt: NOW,
    });
    shiftIds.push((await ds.getRepository(Shift).save(row)).id);
  }
  return { rotaId: rota.id, shiftIds };
}

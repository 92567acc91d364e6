/**
 * Availability and preferences: each person records when they cannot work (recurring, by
 * weekday and local time range) and what shifts they would like; the coordinator sees
 * everyone's. The optimiser reads them through models/repositories/availability.ts.
 */
import { appendAudit } from '../models/repositories/audit';
import { listStaff } from '../models/repositories/staff';
import {
  addAvailability,
  addPreference,
  deleteAvailability,
  deletePreference,
  listAvailability,
  listPreferences,
  type AvailabilityRecord,
  type PreferenceKind,
  type PreferenceRecord,
} from '../models/repositories/availability';

export type { AvailabilityRecord, PreferenceRecord };
import type { Outcome, RequestsContext } from './time-off';

export interface UnavailabilityForm {
  weekday: number;
  fromTime: string;
  toTime: string;
  note: string;
}

export interface PreferenceForm {
  kind: PreferenceKind;
  weekday: number | null;
  weight: number;
}

export interface PersonAvailability {
  staffId: number;
  name: string;
  availability: AvailabilityRecord[];
  preferences: PreferenceRecord[];
}

export interface AvailabilityPage {
  mine: PersonAvailability | null;
  /** Everyone with at least one entry (only for those who decide requests). */
  team: PersonAvailability[] | null;
}

const nowIso = (ctx: RequestsContext) => ctx.now.toISOString();

export async function availabilityPage(ctx: RequestsContext, opts: { withTeam: boolean }): Promise<AvailabilityPage> {
  const people = await listStaff(ctx.db);
  const [availability, preferences] = await Promise.all([listAvailability(ctx.db), listPreferences(ctx.db)]);
  const of = (p: { id: number; name: string }): PersonAvailability => ({
    staffId: p.id,
    name: p.name,
    availability: availability.filter((a) => a.staffId === p.id),
    preferences: preferences.filter((x) => x.staffId === p.id),
  });
  const me = people.find((p) => p.id === ctx.actor.staffId);
  const team = opts.withTeam ? people.map(of).filter((p) => p.availability.length + p.preferences.length > 0) : null;
  return { mine: me ? of(me) : null, team };
}

export async function addUnavailability(ctx: RequestsContext, form: UnavailabilityForm): Promise<Outcome<{ entry: AvailabilityRecord }>> {
  if (ctx.actor.staffId === null) return { kind: 'refused', key: 'requests.error.noStaff' };
  const entry = await addAvailability(ctx.db, {
    staffId: ctx.actor.staffId,
    weekday: form.weekday,
    date: null,
    fromTime: form.fromTime,
    toTime: form.toTime,
    kind: 'unavailable',
    note: form.note,
  });
  await appendAudit(ctx.db, {
    at: nowIso(ctx),
    userId: ctx.actor.userId,
    action: 'availability.added',
    entity: 'availability',
    entityId: entry.id,
    detail: form,
  });
  return { kind: 'ok', entry };
}

export async function removeUnavailability(ctx: RequestsContext, id: number): Promise<Outcome<object>> {
  if (ctx.actor.staffId === null || !(await deleteAvailability(ctx.db, ctx.actor.staffId, id))) return { kind: 'notFound' };
  await appendAudit(ctx.db, {
    at: nowIso(ctx),
    userId: ctx.actor.userId,
    action: 'availability.removed',
    entity: 'availability',
    entityId: id,
  });
  return { kind: 'ok' };
}

export async function addShiftPreference(ctx: RequestsContext, form: PreferenceForm): Promise<Outcome<{ entry: PreferenceRecord }>> {
  if (ctx.actor.staffId === null) return { kind: 'refused', key: 'requests.error.noStaff' };
  const entry = await addPreference(ctx.db, { staffId: ctx.actor.staffId, ...form });
  await appendAudit(ctx.db, {
    at: nowIso(ctx),
    userId: ctx.actor.userId,
    action: 'preference.added',
    entity: 'preference',
    entityId: entry.id,
    detail: form,
  });
  return { kind: 'ok', entry };
}

export async function removeShiftPreference(ctx: RequestsContext, id: number): Promise<Outcome<object>> {
  if (ctx.actor.staffId === null || !(await deletePreference(ctx.db, ctx.actor.staffId, id))) return { kind: 'notFound' };
  await appendAudit(ctx.db, {
    at: nowIso(ctx),
    userId: ctx.actor.userId,
    action: 'preference.removed',
    entity: 'preference',
    entityId: id,
  });
  return { kind: 'ok' };
}

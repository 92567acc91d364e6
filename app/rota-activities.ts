/**
 * Off-queue activities of a week (a weekly team meeting, training, coaching, back office):
 * the coordinator lists, adds and removes them; generating the week's rota places them
 * (scheduling/plan-activities.ts) where the queue can spare the attendees. Each write is audited.
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import { withTransaction } from '../models/repositories/db';
import { appendAudit } from '../models/repositories/audit';
import { listStaff, type StaffMember as StoredStaff } from '../models/repositories/staff';
import { listRotasForWeek, listShifts } from '../models/repositories/rotas';
import { teamIdOrDefault } from './team-scope';
import {
  createOffQueueActivity,
  deleteOffQueueActivity,
  getOffQueueActivity,
  listOffQueueActivities,
  type OffQueueActivityKind,
  type OffQueueActivityRecord,
} from '../models/repositories/off-queue-activities';
import type { PlannedActivity } from '../scheduling';

export const ACTIVITY_KINDS: readonly OffQueueActivityKind[] = ['teamMeeting', 'meeting', 'training', 'coaching', 'backOffice'];

/** A new activity as the form gives it: local date-times in the team's zone. */
export interface ActivityFields {
  kind: OffQueueActivityKind;
  title: string;
  minutes: number;
  attendees: number[];
  /** Local 'YYYY-MM-DDTHH:mm'. */
  windowStart: string;
  windowEnd: string;
}

/** Where the latest revision of the week placed the activity (UTC instants), if anywhere. */
export type ActivityWithPlacement = OffQueueActivityRecord & { placedStart: string | null; placedEnd: string | null };

export async function weekActivities(
  ds: DataSource,
  q: { weekStart: string; teamId?: number },
): Promise<{ activities: ActivityWithPlacement[]; staff: StoredStaff[] }> {
  const staff = await listStaff(ds, { activeOn: q.weekStart, teamId: q.teamId });
  const ours = await teamIds(ds, q.teamId);
  const activities = (await listOffQueueActivities(ds, q.weekStart)).filter((a) => ofTeam(a, ours));
  const latest = (await listRotasForWeek(ds, await teamIdOrDefault(ds, q.teamId), q.weekStart))[0];
  const shifts = latest ? await listShifts(ds, latest.id) : [];
  const placed = (id: number) => shifts.flatMap((s) => s.offQueue ?? []).find((o) => o.activityId === String(id));
  return {
    activities: activities.map((a) => ({ ...a, placedStart: placed(a.id)?.start ?? null, placedEnd: placed(a.id)?.end ?? null })),
    staff,
  };
}

/** The people of a team (null: no team asked for, everyone). */
async function teamIds(ds: DataSource, teamId: number | undefined): Promise<Set<number> | null> {
  return teamId === undefined ? null : new Set((await listStaff(ds, { teamId })).map((p) => p.id));
}

/** An activity is a team's when all its attendees are of the team. */
const ofTeam = (a: Pick<OffQueueActivityRecord, 'attendees'>, ours: Set<number> | null) =>
  ours === null || a.attendees.every((id) => ours.has(id));

export type AddActivityResult = { kind: 'ok'; activity: OffQueueActivityRecord } | { kind: 'invalid'; field: string; code: string };

/** Checks what a schema cannot (the window inside the week and long enough, known people), then saves. */
export async function addActivity(
  ds: DataSource,
  q: { weekStart: string; zone: string; form: ActivityFields; by: string; userId: number; now: Date; teamId?: number },
): Promise<AddActivityResult> {
  const monday = DateTime.fromISO(q.weekStart, { zone: q.zone });
  const start = DateTime.fromISO(q.form.windowStart, { zone: q.zone });
  const end = DateTime.fromISO(q.form.windowEnd, { zone: q.zone });
  if (start < monday || end > monday.plus({ days: 7 }))
    return { kind: 'invalid', field: 'windowStart', code: 'activities.error.outsideWeek' };
  if (end.diff(start, 'minutes').minutes < q.form.minutes)
    return { kind: 'invalid', field: 'windowEnd', code: 'activities.error.windowShort' };
  const known = new Set((await listStaff(ds, { activeOn: q.weekStart, teamId: q.teamId })).map((p) => p.id));
  if (q.form.attendees.some((id) => !known.has(id))) return { kind: 'invalid', field: 'attendees', code: 'activities.error.attendees' };
  const at = q.now.toISOString();
  const activity = await withTransaction(ds, async (tx) => {
    const saved = await createOffQueueActivity(tx, {
      weekStart: q.weekStart,
      kind: q.form.kind,
      title: q.form.title,
      minutes: q.form.minutes,
      attendees: [...new Set(q.form.attendees)],
      windowStart: start.toUTC().toISO()!,
      windowEnd: end.toUTC().toISO()!,
      createdBy: q.by,
      createdAt: at,
    });
    await appendAudit(tx, {
      at,
      userId: q.userId,
      action: 'activity.create',
      entity: 'off_queue_activity',
      entityId: saved.id,
      detail: q.form,
    });
    return saved;
  });
  return { kind: 'ok', activity };
}

/** Removes one activity; false when it is gone already. Returns its week for the redirect. */
export async function removeActivity(
  ds: DataSource,
  q: { id: number; userId: number; now: Date; teamId?: number },
): Promise<{ weekStart: string } | null> {
  const found = await getOffQueueActivity(ds, q.id);
  if (!found || !ofTeam(found, await teamIds(ds, q.teamId))) return null;
  const at = q.now.toISOString();
  await withTransaction(ds, async (tx) => {
    await deleteOffQueueActivity(tx, q.id);
    await appendAudit(tx, { at, userId: q.userId, action: 'activity.delete', entity: 'off_queue_activity', entityId: q.id, detail: found });
  });
  return { weekStart: found.weekStart };
}

/** The week's activities in the optimiser's shape (times with the team's offset). */
export function plannedActivities(records: OffQueueActivityRecord[], zone: string): PlannedActivity[] {
  const local = (iso: string) => DateTime.fromISO(iso).setZone(zone).toISO({ suppressMilliseconds: true })!;
  return records.map((r) => ({
    id: String(r.id),
    kind: r.kind,
    minutes: r.minutes,
    attendees: r.attendees.map(String),
    window: { start: local(r.windowStart), end: local(r.windowEnd) },
  }));
}

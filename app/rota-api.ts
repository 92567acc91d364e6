/**
 * The published rota of one week as plain data, for scripts (GET /api/rota, scope rota:read).
 * Only the published revision: drafts stay inside the planners' pages.
 */
import type { DataSource } from '../models';
import { listShifts, publishedRotaForWeek } from '../models/repositories/rotas';
import { teamIdOrDefault } from './team-scope';
import { listStaff } from '../models/repositories/staff';
import { toLocalIso } from './rota-problem';
import { mondayOf } from '../forecasting/week';
import { listOffQueueActivities } from '../models/repositories/off-queue-activities';

export interface PublishedWeek {
  weekStart: string;
  zone: string;
  published: { rotaId: number; revision: number; publishedAt: string | null } | null;
  shifts: {
    id: number;
    staffId: number;
    staffName: string;
    /** Local time in the team zone with its offset, e.g. 2026-11-23T09:00:00+04:00. */
    start: string;
    end: string;
    breaks: { start: string; end: string }[];
    channel: string;
    /** Stretches away from the queue: a planned activity (kind, its id and title) or the off-queue share. */
    offQueue: { kind: string; start: string; end: string; activityId: string | null; title: string | null }[];
  }[];
}

export async function publishedWeek(ds: DataSource, q: { week: string; zone: string; teamId?: number }): Promise<PublishedWeek> {
  const weekStart = mondayOf(q.week, q.zone);
  const teamId = await teamIdOrDefault(ds, q.teamId);
  const rota = await publishedRotaForWeek(ds, teamId, weekStart);
  if (!rota) return { weekStart, zone: q.zone, published: null, shifts: [] };
  const names = new Map((await listStaff(ds, { teamId })).map((p) => [p.id, p.name]));
  const local = (iso: string) => toLocalIso(iso, q.zone);
  const titles = new Map((await listOffQueueActivities(ds, weekStart)).map((a) => [String(a.id), a.title]));
  return {
    weekStart,
    zone: q.zone,
    published: { rotaId: rota.id, revision: rota.revision, publishedAt: rota.publishedAt },
    shifts: (await listShifts(ds, rota.id)).map((s) => ({
      id: s.id,
      staffId: s.staffId,
      staffName: names.get(s.staffId) ?? String(s.staffId),
      start: local(s.start),
      end: local(s.end),
      breaks: s.breaks.map((b) => ({ start: local(b.start), end: local(b.end) })),
      channel: s.channel,
      offQueue: (s.offQueue ?? []).map((o) => ({
        kind: o.kind,
        start: local(o.start),
        end: local(o.end),
        activityId: o.activityId ?? null,
        title: (o.activityId && titles.get(o.activityId)) || null,
      })),
    })),
  };
}

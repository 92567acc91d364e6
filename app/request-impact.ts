/**
 * The cost of a decision, before it is made: what approving a time-off or swap request does to
 * the projected service (service level, ASA, abandonment, hours short on the queue and the
 * intervals likely to miss the target) on the days it touches, per channel, before and after.
 *
 * Both sides come from the one projection (app/week-projection.ts) of the week's rota as the
 * rota page shows it (published, else the newest draft): "before" is that rota, so its figures
 * are the rota page's day figures; "after" is the same rota with the request applied (time off:
 * the person's shifts on those days removed; swap: the shifts change hands, so a colleague
 * without the channel's skill no longer counts on it). Only the affected days are projected.
 */
import type { DataSource } from '../models';
import type { RotaShift } from '../models/repositories/requests';
import type { ShiftRecord } from '../models/repositories/rotas';
import { localDate, type PeriodFigures } from '../staffing';
import { loadWeekInputs, projectInputs, type WeekChanges, type WeekInputs } from './week-projection';

export interface ImpactDay {
  date: string;
  channel: string;
  before: PeriodFigures;
  after: PeriodFigures;
}

export interface RequestImpact {
  weekStart: string;
  /** The revision projected (null: the week has no rota, nothing to change). */
  rotaId: number | null;
  days: ImpactDay[];
}

export interface ImpactContext {
  db: DataSource;
  zone: string;
  now: Date;
  /** Loaded weeks, shared by the requests of one inbox. */
  weeks?: Map<string, Promise<WeekInputs>>;
}

function week(ctx: ImpactContext, weekStart: string): Promise<WeekInputs> {
  const cache = (ctx.weeks ??= new Map());
  let w = cache.get(weekStart);
  if (!w) {
    w = loadWeekInputs(ctx.db, { weekStart, zone: ctx.zone, now: ctx.now });
    cache.set(weekStart, w);
  }
  return w;
}

/** Local dates a shift touches (an overnight shift touches two). */
export function datesOf(s: Pick<RotaShift, 'start' | 'end'>, zone: string): string[] {
  const first = localDate(s.start, zone);
  const last = localDate(new Date(Date.parse(s.end) - 1).toISOString(), zone);
  return first === last ? [first] : [first, last];
}

/** Day figures of `dates` per channel, as the week is (before) and with `changes` (after). */
export function compareDays(w: WeekInputs, dates: Set<string>, changes: WeekChanges): ImpactDay[] {
  const only: WeekInputs = { ...w, demand: w.demand.filter((d) => dates.has(localDate(d.start, w.zone))) };
  const before = projectInputs(only);
  const after = projectInputs(only, { ...changes, onlyShifts: true });
  const out: ImpactDay[] = [];
  for (const c of before.summary) {
    const mine = after.summary.find((x) => x.channel === c.channel)!;
    for (const d of c.days) {
      const a = mine.days.find((x) => x.date === d.date)!;
      if (d.volume > 0 || d.onQueueHours > 0 || a.onQueueHours > 0) out.push({ date: d.date, channel: c.channel, before: d, after: a });
    }
  }
  return out.sort((x, y) => x.date.localeCompare(y.date));
}

/** Shifts of the week's projected revision matching the request's shifts (by uid: a draft has its own ids). */
const byUid = (w: WeekInputs, shifts: Pick<RotaShift, 'uid'>[]) => {
  const uids = new Set(shifts.map((s) => s.uid));
  return w.shifts.filter((s) => uids.has(s.uid));
};

/** Approving time off: the person's affected shifts leave the rota. */
export async function timeOffImpact(ctx: ImpactContext, affected: RotaShift[]): Promise<RequestImpact[]> {
  const out: RequestImpact[] = [];
  for (const weekStart of [...new Set(affected.map((s) => s.weekStart))].sort()) {
    const w = await week(ctx, weekStart);
    const gone = new Set(
      byUid(
        w,
        affected.filter((s) => s.weekStart === weekStart),
      ).map((s) => s.id),
    );
    if (!w.rota || !gone.size) {
      out.push({ weekStart, rotaId: w.rota?.id ?? null, days: [] });
      continue;
    }
    const dates = new Set(w.shifts.filter((s) => gone.has(s.id)).flatMap((s) => datesOf(s, w.zone)));
    out.push({ weekStart, rotaId: w.rota.id, days: compareDays(w, dates, { keepShift: (s) => !gone.has(s.id) }) });
  }
  return out;
}

/** Approving a swap: the shift goes to the colleague (and their shift, if any, to the requester). */
export async function swapImpact(
  ctx: ImpactContext,
  swap: { requesterStaffId: number; targetStaffId: number },
  shift: RotaShift,
  targetShift: RotaShift | null,
): Promise<RequestImpact[]> {
  const out: RequestImpact[] = [];
  const shifts = [shift, ...(targetShift ? [targetShift] : [])];
  for (const weekStart of [...new Set(shifts.map((s) => s.weekStart))].sort()) {
    const w = await week(ctx, weekStart);
    const mine = byUid(
      w,
      shifts.filter((s) => s.weekStart === weekStart),
    );
    if (!w.rota || !mine.length) {
      out.push({ weekStart, rotaId: w.rota?.id ?? null, days: [] });
      continue;
    }
    const owner = (s: ShiftRecord) =>
      s.uid === shift.uid ? swap.targetStaffId : targetShift && s.uid === targetShift.uid ? swap.requesterStaffId : s.staffId;
    const moved = new Set(mine.map((s) => s.id));
    const dates = new Set(mine.flatMap((s) => datesOf(s, w.zone)));
    out.push({
      weekStart,
      rotaId: w.rota.id,
      days: compareDays(w, dates, {
        keepShift: (s) => !moved.has(s.id),
        extraShifts: mine.map((s) => ({ ...s, staffId: owner(s) })),
      }),
    });
  }
  return out;
}

/** Days of the impact worse after than before (service level down or intervals newly at risk). */
export const worseDays = (impact: RequestImpact[]) =>
  impact.flatMap((i) =>
    i.days.filter(
      (d) => (d.after.serviceLevel ?? 0) < (d.before.serviceLevel ?? 0) - 1e-9 || d.after.riskyIntervals > d.before.riskyIntervals,
    ),
  );

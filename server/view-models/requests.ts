/** Form schemas of the request pages, and the template data for /requests and the inbox. */
import { z } from 'zod';
import { worseDays, type RequestImpact } from '../../app/request-impact';
import { serviceImpactView } from './service-impact';
import type { RotaShift } from '../../app/time-off-pages';
import type { MyRequests, RequestsInbox, SwapItem, TimeOffItem } from '../../app/time-off-pages';
import type { SwapCheck, SwapProblem } from '../../app/swap-check';
import type { Translator } from '../i18n';
import { violationDetail } from '../i18n/codes';
import { swapPickerView } from './swap-picker';

/** The reader's words: their translator and the team's zone (rule details hold instants). */
export interface Words {
  t: Translator;
  zone: string;
}
import { isoDate as isoDateOf } from './dates';

const isoDate = isoDateOf('requests.error.date');
const note = z.string().trim().max(500, 'requests.error.note').optional().default('');
const version = z.coerce.number().int().min(0).max(2_147_483_647);
const id = z.coerce.number().int().positive().max(2_147_483_647);
const optionalId = z
  .union([z.literal(''), id])
  .optional()
  .transform((v) => (v === '' || v === undefined ? null : v));

/** The longest single request: a quarter of a year (longer absences are arranged with HR). */
const MAX_DAYS = 92;

/** An optional 'HH:mm' of part-day time off: empty = the whole day. */
const optionalHhmm = z
  .union([z.literal(''), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'requests.error.time')])
  .optional()
  .transform((v) => (v ? v : null));

export const TimeOffFormSchema = z
  .object({
    startDate: isoDate,
    endDate: isoDate,
    startTime: optionalHhmm,
    endTime: optionalHhmm.transform((t) => (t === '00:00' ? '24:00' : t)),
    kind: z.enum(['vacation', 'sick', 'personal', 'other'], { message: 'requests.error.kind' }),
    note,
  })
  .refine((f) => f.endDate >= f.startDate, { path: ['endDate'], message: 'requests.error.endDate' })
  // Part-day time off: both hours, in order, on one day.
  .refine((f) => (f.startTime === null) === (f.endTime === null), { path: ['endTime'], message: 'requests.error.bothTimes' })
  .refine((f) => f.startTime === null || f.startDate === f.endDate, { path: ['endDate'], message: 'requests.error.partDayOneDay' })
  .refine((f) => f.startTime === null || f.endTime === null || f.endTime > f.startTime, {
    path: ['endTime'],
    message: 'requests.error.timeOrder',
  })
  .refine((f) => (Date.parse(f.endDate) - Date.parse(f.startDate)) / 86_400_000 < MAX_DAYS, {
    path: ['endDate'],
    message: 'requests.error.tooLong',
  });

export const SwapFormSchema = z
  .object({
    shiftId: z.coerce
      .number({ message: 'requests.error.shift' })
      .int('requests.error.shift')
      .positive('requests.error.shift')
      .max(2_147_483_647, 'requests.error.shift'),
    mode: z.enum(['swap', 'give'], { message: 'requests.error.mode' }),
    targetShiftId: optionalId,
    targetStaffId: optionalId,
    note,
  })
  .refine((f) => f.mode !== 'swap' || f.targetShiftId !== null, { path: ['targetShiftId'], message: 'requests.error.targetShift' })
  .refine((f) => f.mode !== 'give' || f.targetStaffId !== null, { path: ['targetStaffId'], message: 'requests.error.colleague' })
  .transform((f) => ({
    shiftId: f.shiftId,
    targetShiftId: f.mode === 'swap' ? f.targetShiftId : null,
    targetStaffId: f.mode === 'give' ? f.targetStaffId : null,
    note: f.note,
  }));

export const VersionFormSchema = z.object({ version });
export const RespondFormSchema = z.object({ version, answer: z.enum(['accept', 'decline']) });

export const TimeOffDecisionSchema = z.object({ version, decision: z.enum(['approve', 'reject']), note });
export const SwapDecisionSchema = z.object({
  version,
  decision: z.enum(['approve', 'reject']),
  note,
  overrideReason: z.string().trim().max(500).optional(),
  shiftVersion: version,
  targetShiftVersion: z
    .union([z.literal(''), version])
    .optional()
    .transform((v) => (v === '' || v === undefined ? null : v)),
});

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'requests.error.time');
export const UnavailabilityFormSchema = z
  .object({
    weekday: z.coerce.number({ message: 'requests.error.weekday' }).int().min(1, 'requests.error.weekday').max(7, 'requests.error.weekday'),
    fromTime: hhmm,
    // A time picker cannot say 24:00: an end of 00:00 means the midnight ending the day.
    toTime: hhmm.transform((t) => (t === '00:00' ? '24:00' : t)),
    note: z.string().trim().max(200, 'requests.error.note').optional().default(''),
  })
  .refine((f) => f.toTime > f.fromTime, { path: ['toTime'], message: 'requests.error.timeOrder' });

/** What a person may ask for: wanted shifts, days off, and times of day to avoid ("rather no evenings on Tuesdays"). */
export const PREFERENCE_KINDS = ['early', 'late', 'day_off', 'weekend_off', 'no_early', 'no_evening', 'no_night'] as const;

export const PreferenceFormSchema = z
  .object({
    kind: z.enum(PREFERENCE_KINDS, { message: 'requests.error.prefKind' }),
    weekday: z
      .union([z.literal(''), z.coerce.number().int().min(1).max(7)])
      .optional()
      .transform((v) => (v === '' || v === undefined ? null : v)),
    weight: z.coerce
      .number({ message: 'requests.error.weight' })
      .int('requests.error.weight')
      .min(1, 'requests.error.weight')
      .max(10, 'requests.error.weight'),
  })
  .refine((f) => f.kind !== 'day_off' || f.weekday !== null, { path: ['weekday'], message: 'requests.error.weekday' })
  // A day belongs to a day off (which day) and to an avoided time of day (only that weekday, else every day).
  .transform((f) => ({ ...f, weekday: f.kind === 'day_off' || f.kind.startsWith('no_') ? f.weekday : null }));

/** field → message key, for the form to show next to each field. */
export function requestFormErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    out[field] ??= issue.message.startsWith('requests.') ? issue.message : 'requests.error.invalid';
  }
  return out;
}

const STATUS_BADGE: Record<string, string> = {
  pending: 'warn',
  accepted: 'warn',
  approved: 'ok',
  rejected: 'bad',
  declined: 'bad',
  cancelled: '',
};

function shiftView(s: RotaShift | null) {
  return s
    ? {
        id: s.id,
        start: s.start,
        end: s.end,
        channelKey: `rota.channel.${s.channel}`,
        version: s.version,
        published: s.rotaStatus === 'published',
      }
    : null;
}

function problemView(p: SwapProblem, w: Words) {
  return { key: `requests.rule.${p.rule}`, name: p.staffName, time: p.time, severity: p.severity, detail: violationDetail(p, w.t, w.zone) };
}

/** The cost of approving: the days it touches, before → after (null: nothing to show). */
function impactView(impact: RequestImpact[] | undefined) {
  const days = (impact ?? []).flatMap((i) => i.days);
  if (!days.length) return null;
  return { ...serviceImpactView(days), worse: worseDays(impact!).length > 0 };
}

function timeOffView(r: TimeOffItem, me: number | null = null) {
  return {
    ...r,
    own: me !== null && r.staffId === me,
    kindKey: `requests.kind.${r.kind}`,
    statusKey: `requests.status.${r.status}`,
    badge: STATUS_BADGE[r.status] ?? '',
    sameDay: r.startDate === r.endDate,
    affected: r.affected.map(shiftView),
    affectedCount: r.affected.length,
    impact: impactView(r.impact),
  };
}

function swapView(s: SwapItem, me: number | null, w: Words) {
  const open = s.status === 'pending' || s.status === 'accepted';
  return {
    ...s,
    shift: shiftView(s.shift),
    targetShift: shiftView(s.targetShift),
    giveAway: s.targetShiftId === null,
    statusKey: `requests.swapStatus.${s.status}`,
    badge: STATUS_BADGE[s.status] ?? '',
    mine: s.requesterStaffId === me,
    own: me !== null && (s.requesterStaffId === me || s.targetStaffId === me),
    canRespond: s.targetStaffId === me && s.status === 'pending',
    canCancel: s.requesterStaffId === me && open,
    canApprove: s.status === 'accepted',
    open,
    check: s.check ? { ok: s.check.ok, problems: s.check.problems.map((p) => problemView(p, w)) } : null,
    impact: impactView(s.impact),
  };
}

export function myRequestsViewModel(data: MyRequests, w: Words) {
  const byColleague = new Map<number, { name: string; shifts: ReturnType<typeof shiftView>[] }>();
  for (const s of data.colleagueShifts) {
    const group = byColleague.get(s.staffId) ?? { name: s.staffName, shifts: [] };
    group.shifts.push(shiftView(s));
    byColleague.set(s.staffId, group);
  }
  const swaps = data.swaps.map((s) => swapView(s, data.staffId, w));
  return {
    hasStaff: data.staffId !== null,
    inboxCount: data.inboxCount,
    today: data.today,
    timeOff: data.timeOff.map((r) => timeOffView(r)),
    askedOfMe: swaps.filter((s) => s.canRespond),
    swaps: swaps.filter((s) => !s.canRespond),
    myShifts: data.myShifts.map(shiftView),
    colleagueShiftGroups: [...byColleague.values()].sort((a, b) => a.name.localeCompare(b.name)),
    colleagues: data.colleagues,
    picker: swapPickerView(data.picker, w),
    kinds: ['vacation', 'sick', 'personal', 'other'].map((k) => ({ value: k, key: `requests.kind.${k}` })),
  };
}

/** `me`: the decider's own staff id, whose own requests show without decision buttons. */
export function inboxViewModel(data: RequestsInbox, me: number | null, w: Words) {
  return {
    timeOff: data.timeOff.map((r) => timeOffView(r, me)),
    swaps: data.swaps.map((s) => swapView(s, me, w)),
    recentTimeOff: data.recentTimeOff.map((r) => timeOffView(r)),
    recentSwaps: data.recentSwaps.map((s) => swapView(s, null, w)),
    pendingCount: data.timeOff.length + data.swaps.length,
  };
}

/** Weekday options 1..7 with their catalogue keys. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, key: `weekday.${d}` }));

/** The htmx fragment under the swap form: nothing yet, all clear, or the problems. */
export function swapCheckViewModel(check: SwapCheck | null, w: Words) {
  if (!check) return { empty: true };
  return { ok: check.ok, problems: check.problems.map((p) => problemView(p, w)) };
}

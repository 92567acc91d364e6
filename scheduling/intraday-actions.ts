/**
 * What a coordinator can still do about the rest of today (issue #12): candidate changes to
 * today's shifts, each a concrete new shape of one shift. Pure: the caller (app/
 * intraday-actions.ts) measures each one's service effect with the one projection and checks
 * the labour rules on the change path before anything is shown or applied.
 *
 * Kinds (no action touches the past: every change starts at `from`, the next interval boundary):
 * - moveBreak: a break not yet started moves to the grid position, inside the lunch window
 *   (breakMinOffsetMinutes after the start, breakMinTailMinutes before the end), where the
 *   person's channels have the most people to spare;
 * - extendShift: a shift still running ends later, at a longer template length, when its
 *   channels are short after its current end;
 * - shortenShift: a shift ends earlier, at a shorter template length, when its channels have
 *   someone to spare through the whole stretch given up;
 * - offerVto: voluntary time off for a shift not yet started, when its channels have someone
 *   to spare through the whole shift;
 * - toQueue: off-queue time (back office, a meeting, training) from `from` on goes back to the
 *   queue, when the person's channels are short during it;
 * - callIn: someone off today works a shift from `from` (the shortest template length, lunch
 *   in the middle), when their channels are short during it.
 *
 * `slack(channel, t)`: people on the queue minus people needed, interval starting at t (ms).
 */
import type { RotaRules } from './types';

export type IntradayActionKind = 'moveBreak' | 'extendShift' | 'shortenShift' | 'offerVto' | 'toQueue' | 'callIn';
export const INTRADAY_ACTION_KINDS: readonly IntradayActionKind[] = [
  'moveBreak',
  'extendShift',
  'shortenShift',
  'offerVto',
  'toQueue',
  'callIn',
];

export interface TodayShift {
  uid: string;
  staffId: number;
  start: string;
  end: string;
  breaks: { start: string; end: string }[];
  channel: string;
  activities: { start: string; end: string; channel: string }[] | null;
  offQueue?: { start: string; end: string; kind: string; activityId?: string }[] | null;
  locked: boolean;
}

/** A shift after the action, without identity (the change path keeps the uid). */
export type ShapedShift = Omit<TodayShift, 'uid'>;

/**
 * What an action does, in a form a page can send back: the kind, whose shift (uid) or who
 * (staffId, a call-in), and the two times that say it (a break from → to; the end from → to; the
 * stretch given up or worked from → to), with the channel of a call-in.
 */
export interface ActionSpec {
  kind: IntradayActionKind;
  staffId: number;
  uid: string | null;
  from: string;
  to: string;
  channel?: string;
}

export interface IntradayCandidate {
  spec: ActionSpec;
  /** The shift after the action; null when it leaves the rota (voluntary time off). */
  shift: ShapedShift | null;
  /** The off-queue kind given back to the queue (toQueue). */
  activity?: string;
}

export interface CandidateInput {
  shifts: TodayShift[];
  /** First instant a change may touch (ms): the start of the next interval. */
  from: number;
  /** End of today (ms). */
  dayEnd: number;
  intervalMinutes: number;
  rules: Pick<RotaRules, 'shiftLengthsHours' | 'breakMinutes' | 'breakMinOffsetMinutes' | 'breakMinTailMinutes'>;
  slack: (channel: string, t: number) => number;
  /** People off today who could be called in, in the order to offer them (most hours to spare first). */
  callable: { staffId: number; skills: string[] }[];
  /** Most call-in candidates (default 3). */
  maxCallIns?: number;
}

const MIN = 60_000;
const ms = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** The channels a shift serves (a blended "both" shift serves voice and chat). */
export function channelsOfShift(s: Pick<TodayShift, 'channel' | 'activities'>): string[] {
  const list = s.activities?.length ? s.activities.map((a) => a.channel) : [s.channel];
  return [...new Set(list.flatMap((c) => (c === 'both' ? ['voice', 'chat'] : [c])))];
}

/** Slack of the person's channels per interval over [a, b), summed (a blended person helps whichever is short). */
function slackOver(input: CandidateInput, channels: string[], a: number, b: number): number[] {
  const step = input.intervalMinutes * MIN;
  const out: number[] = [];
  for (let t = Math.floor(a / step) * step; t < b; t += step) out.push(channels.reduce((x, c) => x + input.slack(c, t), 0));
  return out;
}

export function intradayCandidates(input: CandidateInput): IntradayCandidate[] {
  const today = input.shifts.filter((s) => ms(s.end) > input.from && ms(s.start) < input.dayEnd);
  const specs: ActionSpec[] = [
    ...today.flatMap((s) => moveBreak(input, s)),
    ...today.flatMap((s) => extendShift(input, s)),
    ...today.flatMap((s) => shortenShift(input, s)),
    ...today.flatMap((s) => offerVto(input, s)),
    ...today.flatMap((s) => toQueue(input, s)),
    ...callIn(input),
  ];
  return specs.flatMap((spec) => {
    const c = reshape(spec, spec.uid === null ? null : (today.find((s) => s.uid === spec.uid) ?? null), input);
    return c ? [c] : [];
  });
}

/**
 * The shift an action leaves (see the kinds in the file comment), or null when the spec does
 * not fit the shift (its break, end or off-queue stretch is no longer where the spec says).
 */
export function reshape(
  spec: ActionSpec,
  s: TodayShift | null,
  o: Pick<CandidateInput, 'rules' | 'intervalMinutes'>,
): IntradayCandidate | null {
  const from = ms(spec.from);
  const to = ms(spec.to);
  if (!Number.isFinite(from) || !Number.isFinite(to)) return null;
  if (spec.kind === 'callIn') {
    if (s || !spec.channel || to <= from) return null;
    return { spec, shift: newShift(spec.staffId, from, to, spec.channel, o) };
  }
  if (!s || s.uid !== spec.uid || s.staffId !== spec.staffId) return null;
  const { uid: _uid, ...base } = s;
  switch (spec.kind) {
    case 'moveBreak': {
      const i = s.breaks.findIndex((b) => ms(b.start) === from);
      if (i < 0) return null;
      const len = ms(s.breaks[i]!.end) - from;
      return { spec, shift: { ...base, breaks: s.breaks.map((b, j) => (j === i ? { start: iso(to), end: iso(to + len) } : b)) } };
    }
    case 'extendShift': {
      if (ms(s.end) !== from || to <= from) return null;
      const activities = s.activities?.length ? s.activities.map((a) => (ms(a.end) === from ? { ...a, end: iso(to) } : a)) : s.activities;
      return { spec, shift: { ...base, end: iso(to), activities } };
    }
    case 'shortenShift':
      return ms(s.end) === to && from < to && from > ms(s.start) ? { spec, shift: cutAt(base, from) } : null;
    case 'offerVto':
      return ms(s.start) === from && ms(s.end) === to ? { spec, shift: null } : null;
    case 'toQueue': {
      const i = (s.offQueue ?? []).findIndex((q) => ms(q.start) <= from && ms(q.end) === to && from < to);
      if (i < 0) return null;
      const q = s.offQueue![i]!;
      const rest = s.offQueue!.flatMap((x, j) => (j !== i ? [x] : from > ms(q.start) ? [{ ...q, end: iso(from) }] : []));
      return { spec, shift: { ...base, offQueue: rest.length ? rest : null }, activity: q.kind };
    }
  }
  return null;
}

/** A new shift from..to with the lunch in the middle on the grid (as a hand-added shift, app/rota-edit.ts). */
function newShift(
  staffId: number,
  start: number,
  end: number,
  channel: string,
  o: Pick<CandidateInput, 'rules' | 'intervalMinutes'>,
): ShapedShift {
  const step = o.intervalMinutes * MIN;
  const len = end - start;
  const lunch = o.rules.breakMinutes * MIN;
  const offset = Math.max(0, Math.floor((len - lunch) / 2 / step) * step);
  const breaks = lunch > 0 && len > lunch ? [{ start: iso(start + offset), end: iso(start + offset + lunch) }] : [];
  return { staffId, start: iso(start), end: iso(end), breaks, channel, activities: null, offQueue: null, locked: false };
}

/** The shift cut to end at `to`: activities and off-queue stretches clipped. */
function cutAt(s: ShapedShift, to: number): ShapedShift {
  const clip = <T extends { start: string; end: string }>(xs: T[]) =>
    xs.filter((x) => ms(x.start) < to).map((x) => (ms(x.end) > to ? { ...x, end: iso(to) } : x));
  return { ...s, end: iso(to), activities: s.activities ? clip(s.activities) : null, offQueue: s.offQueue ? clip(s.offQueue) : null };
}

const lengthMs = (s: TodayShift) => ms(s.end) - ms(s.start);

function moveBreak(input: CandidateInput, s: TodayShift): ActionSpec[] {
  const step = input.intervalMinutes * MIN;
  const r = input.rules;
  const channels = channelsOfShift(s);
  return s.breaks.flatMap((b, i) => {
    const b0 = ms(b.start);
    const len = ms(b.end) - b0;
    if (b0 < input.from) return [];
    const lo = Math.max(input.from, ms(s.start) + r.breakMinOffsetMinutes * MIN);
    const hi = ms(s.end) - r.breakMinTailMinutes * MIN - len;
    const here = sum(slackOver(input, channels, b0, b0 + len));
    let best: { at: number; gain: number } | null = null;
    for (let at = ms(s.start) + Math.ceil((lo - ms(s.start)) / step) * step; at <= hi; at += step) {
      if (at === b0 || s.breaks.some((x, j) => j !== i && ms(x.start) < at + len && at < ms(x.end))) continue;
      // Away at `at` instead of b0: the old stretch gains the person, the new one loses them.
      const gain = sum(slackOver(input, channels, at, at + len)) - here;
      if (gain > 0 && (!best || gain > best.gain)) best = { at, gain };
    }
    return best ? [{ kind: 'moveBreak' as const, staffId: s.staffId, uid: s.uid, from: b.start, to: iso(best.at) }] : [];
  });
}

function extendShift(input: CandidateInput, s: TodayShift): ActionSpec[] {
  const end = ms(s.end);
  const longer = input.rules.shiftLengthsHours.map((h) => h * 60 * MIN).filter((l) => l > lengthMs(s));
  if (end < input.from || !longer.length) return [];
  const to = ms(s.start) + Math.min(...longer);
  if (to > input.dayEnd || !slackOver(input, channelsOfShift(s), end, to).some((x) => x < 0)) return [];
  return [{ kind: 'extendShift', staffId: s.staffId, uid: s.uid, from: s.end, to: iso(to) }];
}

function shortenShift(input: CandidateInput, s: TodayShift): ActionSpec[] {
  const shorter = input.rules.shiftLengthsHours.map((h) => h * 60 * MIN).filter((l) => l < lengthMs(s));
  if (!shorter.length) return [];
  const at = ms(s.start) + Math.max(...shorter);
  // Ending earlier must leave the lunch inside the shorter shift, its tail kept.
  if (at < input.from || s.breaks.some((b) => ms(b.end) > at - input.rules.breakMinTailMinutes * MIN)) return [];
  if (!slackOver(input, channelsOfShift(s), at, ms(s.end)).every((x) => x >= 1)) return [];
  return [{ kind: 'shortenShift', staffId: s.staffId, uid: s.uid, from: iso(at), to: s.end }];
}

function offerVto(input: CandidateInput, s: TodayShift): ActionSpec[] {
  if (ms(s.start) < input.from || s.locked) return [];
  if (!slackOver(input, channelsOfShift(s), ms(s.start), ms(s.end)).every((x) => x >= 1)) return [];
  return [{ kind: 'offerVto', staffId: s.staffId, uid: s.uid, from: s.start, to: s.end }];
}

function toQueue(input: CandidateInput, s: TodayShift): ActionSpec[] {
  const channels = channelsOfShift(s);
  return (s.offQueue ?? []).flatMap((o) => {
    const a = Math.max(ms(o.start), input.from);
    const b = ms(o.end);
    if (b <= a || !slackOver(input, channels, a, b).some((x) => x < 0)) return [];
    return [{ kind: 'toQueue' as const, staffId: s.staffId, uid: s.uid, from: iso(a), to: o.end }];
  });
}

function callIn(input: CandidateInput): ActionSpec[] {
  const start = input.from;
  const end = start + Math.min(...input.rules.shiftLengthsHours) * 60 * MIN;
  if (end > input.dayEnd) return [];
  const out: ActionSpec[] = [];
  for (const p of input.callable) {
    if (out.length >= (input.maxCallIns ?? 3)) break;
    // Their first skill that is short during the shift.
    const channel = p.skills.find((c) => slackOver(input, [c], start, end).some((x) => x < 0));
    if (channel) out.push({ kind: 'callIn', staffId: p.staffId, uid: null, from: iso(start), to: iso(end), channel });
  }
  return out;
}

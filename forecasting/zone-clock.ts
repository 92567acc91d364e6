/**
 * Fast conversion between UTC instants and the local wall clock of one IANA zone.
 *
 * Luxon answers the same questions but costs tens of microseconds a call; a two-year
 * five-minute history has 200,000 rows. Offsets change at most a few times a year, so the
 * offset is cached per UTC day and only looked up finely on the (rare) days it changes.
 */
import { Info, type Zone } from 'luxon';

export type LocalResolution = { kind: 'ok'; ms: number } | { kind: 'gap' } | { kind: 'ambiguous'; earlier: number; later: number };

const DAY_MS = 86_400_000;
const SLOT_MS = 900_000;

export class ZoneClock {
  private readonly zone: Zone;
  private readonly dayCache = new Map<number, number>();
  private readonly slotCache = new Map<number, number>();
  /** The last day looked up without a change, and its offset: most callers walk a series in order. */
  private lastDay = NaN;
  private lastOffset = 0;
  /** formatOffset of the offsets seen (a zone has a handful). */
  private readonly offsetText = new Map<number, string>();

  /** `zoneName`: an IANA zone (Asia/Tbilisi) or a fixed offset (UTC+4, UTC-05:30). */
  constructor(readonly zoneName: string) {
    const zone = Info.normalizeZone(zoneName);
    if (!zone || !zone.isValid) throw new RangeError(`unknown time zone '${zoneName}'`);
    this.zone = zone;
  }

  /** Offset of local time from UTC, minutes, at instant `ms`. */
  offsetMinutes(ms: number): number {
    const day = Math.floor(ms / DAY_MS);
    if (day === this.lastDay) return this.lastOffset;
    const cached = this.dayCache.get(day);
    if (cached !== undefined) {
      this.lastDay = day;
      this.lastOffset = cached;
      return cached;
    }
    const startOffset = this.zone.offset(day * DAY_MS);
    const endOffset = this.zone.offset((day + 1) * DAY_MS - 1);
    // A day with a change is not cached: its offset is looked up per quarter hour.
    if (startOffset === endOffset) {
      this.dayCache.set(day, startOffset);
      this.lastDay = day;
      this.lastOffset = startOffset;
      return startOffset;
    }
    const slot = Math.floor(ms / SLOT_MS);
    let o = this.slotCache.get(slot);
    if (o === undefined) this.slotCache.set(slot, (o = this.zone.offset(slot * SLOT_MS)));
    return o;
  }

  /**
   * The instant(s) at which the wall clock shows `localMs` (the local time written as if it
   * were UTC milliseconds): none in a spring gap, two in an autumn overlap.
   */
  resolveLocal(localMs: number): LocalResolution {
    const before = this.offsetMinutes(localMs - DAY_MS);
    const after = this.offsetMinutes(localMs + DAY_MS);
    const valid: number[] = [];
    for (const o of before === after ? [before] : [before, after]) {
      const t = localMs - o * 60_000;
      if (this.offsetMinutes(t) === o) valid.push(t);
    }
    if (valid.length === 0) return { kind: 'gap' };
    if (valid.length === 1 || valid[0] === valid[1]) return { kind: 'ok', ms: valid[0] };
    return { kind: 'ambiguous', earlier: Math.min(...valid), later: Math.max(...valid) };
  }

  /** Local wall clock of instant `ms`, as milliseconds of a UTC date with the same fields. */
  toLocalMs(ms: number): number {
    return ms + this.offsetMinutes(ms) * 60_000;
  }

  /** ISO local time with offset, e.g. 2026-01-05T10:00:00.000+04:00. */
  formatLocalIso(ms: number): string {
    const off = this.offsetMinutes(ms);
    const local = new Date(ms + off * 60_000).toISOString().slice(0, 23);
    let suffix = this.offsetText.get(off);
    if (suffix === undefined) this.offsetText.set(off, (suffix = formatOffset(off)));
    return local + suffix;
  }
}

/** Shared clocks by zone name (see clockOf). */
const clocks = new Map<string, ZoneClock>();

/**
 * The one ZoneClock of a zone, its offset cache shared by every caller: a clock learns each
 * day's offset from luxon (microseconds a day), and a forecast from a start inside a day
 * prepares the same two years of history 21 times. A clock holds no state but that cache.
 */
export function clockOf(zone: string): ZoneClock {
  let clock = clocks.get(zone);
  if (!clock) {
    clock = new ZoneClock(zone);
    // Bounded: zone names come from options and files; a few are in use at once.
    if (clocks.size >= 64) clocks.clear();
    clocks.set(zone, clock);
  }
  return clock;
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Zones tried when a file's timestamps carry offsets but no zone was given: the common zones
 * with daylight saving (a fixed offset needs no guess). The first whose offsets match every
 * sampled row wins.
 */
export const COMMON_DST_ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Halifax',
  'America/St_Johns',
  'America/Mexico_City',
  'America/Santiago',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Europe/Paris',
  'Europe/Helsinki',
  'Europe/Moscow',
  'Asia/Jerusalem',
  'Asia/Tehran',
  'Africa/Cairo',
  'Australia/Sydney',
  'Australia/Adelaide',
  'Australia/Perth',
  'Pacific/Auckland',
];

/** A fixed-offset zone name for luxon, e.g. 240 → UTC+4, -330 → UTC-5:30. */
export function fixedOffsetZone(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : ''}`;
}

/**
 * The zone a file's offsets were written in: a fixed offset when there is only one, else the
 * first of `candidates` that agrees with every sample; null when none does.
 */
export function guessZone(samples: { ms: number; offsetMinutes: number }[], candidates = COMMON_DST_ZONES): string | null {
  if (!samples.length) return null;
  const offsets = new Set(samples.map((s) => s.offsetMinutes));
  if (offsets.size === 1) return fixedOffsetZone(samples[0].offsetMinutes);
  for (const name of candidates) {
    const clock = new ZoneClock(name);
    if (samples.every((s) => clock.offsetMinutes(s.ms) === s.offsetMinutes)) return name;
  }
  return null;
}

/**
 * The zone of a file written on a local clock without offsets, told by the local times it
 * writes twice (the autumn hour): the first common daylight-saving zone that repeats every one
 * of them; null when there are none or no zone fits. Zones that change clocks at the same
 * local times (New York, Chicago…) give the same local grid, so the first is as good as any.
 */
export function zoneOfRepeatedHours(repeatedLocal: number[], candidates = COMMON_DST_ZONES): string | null {
  if (!repeatedLocal.length) return null;
  for (const name of candidates) {
    const clock = new ZoneClock(name);
    if (repeatedLocal.every((l) => clock.resolveLocal(l).kind === 'ambiguous')) return name;
  }
  return null;
}

/**
 * The zone of a wall-clock file without a repeated hour, told by its spring gaps: the first
 * common daylight-saving zone whose skipped local hours (within the file's span) are all
 * absent from the file while the hours either side are present (at least one such gap), and
 * none of whose skipped hours the file writes. `hasLocal` says whether the file has a row at a
 * local time (UTC-field ms). Null when no zone fits (a zone without daylight saving, or a file
 * that leaves out its night hours).
 */
export function zoneOfSpringGaps(
  hasLocal: (localMs: number) => boolean,
  fromLocal: number,
  toLocal: number,
  candidates = COMMON_DST_ZONES,
): string | null {
  const HOUR = 3_600_000;
  for (const name of candidates) {
    const clock = new ZoneClock(name);
    let seen = 0;
    let contradicted = false;
    for (let day = Math.floor(fromLocal / DAY_MS); day * DAY_MS <= toLocal && !contradicted; day++) {
      // Only days around an offset change need an hour-by-hour look.
      if (clock.offsetMinutes(day * DAY_MS) === clock.offsetMinutes((day + 1) * DAY_MS)) continue;
      for (let l = (day - 1) * DAY_MS; l < (day + 2) * DAY_MS; l += HOUR) {
        if (l - HOUR < fromLocal || l + HOUR > toLocal || clock.resolveLocal(l).kind !== 'gap') continue;
        if (hasLocal(l)) contradicted = true;
        else if (hasLocal(l - HOUR) && hasLocal(l + HOUR)) seen++;
      }
    }
    if (!contradicted && seen > 0) return name;
  }
  return null;
}

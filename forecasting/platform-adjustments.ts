/**
 * Adjustments of a channel's forecast that may target one platform of it (issue #13), kept
 * coherent: after every adjustment, in every interval, the channel is the sum of its platforms.
 *
 * The split is each platform's part of the channel's model volume per interval (it adds up to
 * the channel's model volume). In each interval the adjustments act in order:
 * - on one platform: that platform's part is scaled or set; the channel becomes the sum of the
 *   parts, so it moves by exactly the platform's change;
 * - on the whole channel: every part is scaled alike (a set to N scales them by N ÷ the channel
 *   before it; on a channel at 0, N is split by the platforms' shares of the whole model split,
 *   equally when that is all 0 too), so the platforms keep their proportions.
 * Bounds move with the channel's volume by the same ratio; a channel that was 0 gets bounds equal
 * to its new volume (the coordinator's number carries no model spread).
 */
import type { ForecastPoint } from './forecast';
import { toMillis } from './series';

export interface PlatformAdjustment {
  /** Range of interval starts, ISO instants: `from` inclusive, `to` exclusive. */
  from: string;
  to: string;
  /** 'scale': × `value` (a factor, 1.2 = +20 %); 'set': contacts per interval = `value`. */
  kind: 'scale' | 'set';
  value: number;
  /** One platform's code; null = the whole channel. */
  platform: string | null;
}

export interface PlatformPart {
  platform: string;
  /** The platform's part of the channel's model volume, one per channel point. */
  volumes: number[];
}

export interface SplitAdjusted {
  channel: (Omit<ForecastPoint, 'ahtSeconds'> & {
    modelVolume: number;
    /** True when an adjustment covered the interval (its volume is the adjusted one). */
    adjusted: boolean;
  })[];
  platforms: { platform: string; volumes: number[]; adjusted: boolean[] }[];
}

/** Shares of each platform in the whole split: the fallback of a set on a channel at 0. */
function overallShares(split: PlatformPart[]): number[] {
  const totals = split.map((s) => s.volumes.reduce((a, v) => a + v, 0));
  const sum = totals.reduce((a, v) => a + v, 0);
  return sum > 0 ? totals.map((t) => t / sum) : split.map(() => 1 / split.length);
}

function check(a: PlatformAdjustment, known: Set<string>): void {
  if (a.kind === 'scale' && !(a.value >= 0)) throw new RangeError(`adjustment from ${a.from}: a factor cannot be negative`);
  if (a.kind === 'set' && !(a.value >= 0)) throw new RangeError(`adjustment from ${a.from}: a volume cannot be negative`);
  if (a.platform !== null && !known.has(a.platform))
    throw new RangeError(`adjustment from ${a.from}: platform '${a.platform}' is not in the split`);
}

/**
 * Applies `adjustments` (oldest first) to the channel's model `points` and to its platform split.
 * Without a split, only whole-channel adjustments are allowed and the result is the channel's.
 */
export function applyAdjustmentsByPlatform(
  points: ForecastPoint[],
  split: PlatformPart[],
  adjustments: PlatformAdjustment[],
): SplitAdjusted {
  for (const s of split)
    if (s.volumes.length !== points.length)
      throw new RangeError(`split of '${s.platform}' has ${s.volumes.length} values for ${points.length} points`);
  const known = new Set(split.map((s) => s.platform));
  for (const a of adjustments) check(a, known);
  const index = new Map(split.map((s, k) => [s.platform, k]));
  const ranges = adjustments.map((a) => ({ a, from: toMillis(a.from), to: toMillis(a.to) }));
  const fallback = overallShares(split);
  const platforms = split.map((s) => ({ platform: s.platform, volumes: [...s.volumes], adjusted: s.volumes.map(() => false) }));
  const channel = points.map((p, i) => {
    const ms = toMillis(p.start);
    const parts = split.map((s) => s.volumes[i]);
    let out = { start: p.start, volume: p.volume, lower80: p.lower80, upper80: p.upper80, lower95: p.lower95, upper95: p.upper95 };
    let adjusted = false;
    for (const { a, from, to } of ranges) {
      if (ms < from || ms >= to) continue;
      const before = out.volume;
      let after: number;
      if (a.platform !== null) {
        const k = index.get(a.platform)!;
        parts[k] = a.kind === 'scale' ? parts[k] * a.value : a.value;
        platforms[k].adjusted[i] = true;
        after = parts.reduce((s, v) => s + v, 0);
      } else {
        after = a.kind === 'scale' ? before * a.value : a.value;
        for (let k = 0; k < parts.length; k++) {
          parts[k] = a.kind === 'scale' ? parts[k] * a.value : before > 0 ? parts[k] * (a.value / before) : a.value * fallback[k];
          platforms[k].adjusted[i] = true;
        }
        if (parts.length > 0) after = parts.reduce((s, v) => s + v, 0);
      }
      const ratio = before > 0 ? after / before : NaN;
      const bound = (b: number) => (Number.isNaN(ratio) ? after : b * ratio);
      out = {
        start: p.start,
        volume: after,
        lower80: bound(out.lower80),
        upper80: bound(out.upper80),
        lower95: bound(out.lower95),
        upper95: bound(out.upper95),
      };
      adjusted = true;
    }
    for (let k = 0; k < parts.length; k++) platforms[k].volumes[i] = parts[k];
    return { ...out, modelVolume: p.volume, adjusted };
  });
  return { channel, platforms };
}

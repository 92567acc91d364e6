import type { CoverageRow, Problem, Shift } from './types';
import { buildWeek, toIso, toMinute, type Week } from './week';
import { BLENDED_CHANNELS, splitBlended } from '../staffing';

export interface CoverageReport {
  rows: CoverageRow[];
  /** ∫ shortfall dt over the week, in agent-hours (people × hours). */
  shortfallAgentHours: number;
}

const FLEX = BLENDED_CHANNELS;

/**
 * People on duty per interval and channel, computed per minute from shifts minus breaks
 * (only inside activities where a shift has them). A "both" shift serves voice or chat by the
 * one split policy of staffing/queue-split.ts (the projection's too): deficits first, which is
 * optimal for the shortfall because every flexible person removes at most one unit of deficit
 * (shortfall = max(0, dv + dc − B)); the spare ones shared in proportion to the requirement.
 * Channels a person lacks the skill for are not counted.
 */
export function coverageOf(problem: Problem, shifts: Shift[], week: Week = buildWeek(problem)): CoverageReport {
  const M = week.minutes;
  const fixed = week.channels.map(() => new Int32Array(M + 1));
  const flex = new Int32Array(M + 1);
  const flexOn = FLEX.every((c) => week.channels.includes(c));
  const skillsOf = new Map(problem.staff.map((s) => [s.id, new Set(s.skills)]));
  for (const sh of shifts) {
    const skills = skillsOf.get(sh.staffId);
    if (!skills) continue;
    for (const [a, b, channel] of dutySegments(week, sh)) {
      const need = channel === 'both' ? FLEX : [channel];
      const usable = need.filter((c) => skills.has(c) && week.channels.includes(c));
      const arr = usable.length >= 2 && flexOn ? flex : usable.length === 1 ? fixed[week.channels.indexOf(usable[0])] : null;
      if (!arr) continue;
      const lo = Math.max(0, Math.round(a));
      const hi = Math.min(M, Math.round(b));
      if (hi > lo) {
        arr[lo] += 1;
        arr[hi] -= 1;
      }
    }
  }
  return summarise(week, fixed, flex, flexOn);
}

/** On-duty stretches [start, end, channel] of one shift, breaks removed. */
function dutySegments(week: Week, sh: Shift): Array<[number, number, string]> {
  const s = toMinute(week, sh.start);
  const e = toMinute(week, sh.end);
  const base: Array<[number, number, string]> = sh.activities?.length
    ? sh.activities.map((a) => [Math.max(s, toMinute(week, a.start)), Math.min(e, toMinute(week, a.end)), a.channel])
    : [[s, e, sh.channel ?? '']];
  // Off-queue stretches count like breaks: the person is not taking contacts.
  const breaks = [...(sh.breaks ?? []), ...(sh.offQueue ?? [])].map((b) => [toMinute(week, b.start), toMinute(week, b.end)] as const);
  let pieces = base;
  for (const [ba, bb] of breaks) {
    pieces = pieces.flatMap(([x, y, ch]): Array<[number, number, string]> => {
      if (bb <= x || ba >= y) return [[x, y, ch]];
      const out: Array<[number, number, string]> = [];
      if (ba > x) out.push([x, ba, ch]);
      if (bb < y) out.push([bb, y, ch]);
      return out;
    });
  }
  return pieces;
}

function summarise(week: Week, fixed: Int32Array[], flex: Int32Array, flexOn: boolean): CoverageReport {
  const C = week.channels.length;
  const acc = new Array<number>(C).fill(0);
  const assigned = week.channels.map(() => new Float64Array(week.intervals));
  let fx = 0;
  let shortMinutes = 0;
  const need = new Array<number>(C).fill(0);
  const split = new Array<number>(C).fill(0);
  const mask = week.channels.map((c) => flexOn && FLEX.includes(c));
  for (let m = 0; m < week.minutes; m++) {
    fx += flex[m];
    const t = Math.floor(m / week.step);
    for (let c = 0; c < C; c++) {
      acc[c] += fixed[c][m];
      need[c] = week.required[c][t];
    }
    splitBlended(acc, flexOn ? fx : 0, need, mask, split);
    for (let c = 0; c < C; c++) {
      assigned[c][t] += split[c];
      shortMinutes += Math.max(0, need[c] - split[c]);
    }
  }
  const rows: CoverageRow[] = [];
  for (let t = 0; t < week.intervals; t++) {
    const n = Math.min(week.step, week.minutes - t * week.step);
    for (let c = 0; c < C; c++) {
      const required = week.required[c][t];
      const onDuty = Math.round((assigned[c][t] / n) * 1e4) / 1e4;
      rows.push({
        timestamp: toIso(week, t * week.step),
        channel: week.channels[c],
        required,
        onDuty,
        shortfall: Math.max(0, required - onDuty),
      });
    }
  }
  return { rows, shortfallAgentHours: shortMinutes / 60 };
}

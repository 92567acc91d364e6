/**
 * "What would it take" for a what-if scenario: the fewest extra worked hours, as shifts of the
 * team's shapes (its shift lengths with their lunch, between its earliest start and latest
 * end), that bring every interval of the scenario, and so every day, to the channel's targets.
 *
 * 1. Per interval and channel, the extra people needed on the queue: the fewest whole people
 *    added to those the scenario's projection has there that meet the target
 *    (staffing/extra-to-target.ts, the projection's own figures).
 * 2. Per channel and day, the fewest worked hours of shifts covering that (a small integer
 *    programme, HiGHS: scheduling/extra-cover.ts). Each extra shift is one person with the one
 *    skill of its channel.
 * 3. The week is projected again with those shifts (with a rota: as shifts of new people, split
 *    between channels by the projection's one policy; without one: added to the plan). Blended
 *    people may then move to the other channel, so what is still short is covered again, at
 *    most MAX_ROUNDS times; what is left (need outside the shift hours) is reported.
 *
 * Every interval meeting the target is stronger than every day meeting it (a day is its
 * intervals' volume-weighted figure): it is the requirement's own rule, and it says when.
 */
import { DateTime } from 'luxon';
import type { ShiftRecord } from '../models/repositories/rotas';
import type { LabourRules } from '../models/repositories/settings';
import { extraToTarget, queueKey } from '../staffing';
import { fewestExtraShifts, type ExtraCoverDay } from '../scheduling';
import { rotaRules } from './rota-problem';
import { projectInputs, type WeekChanges, type WeekInputs, type WeekProjectionView } from './week-projection';

const MAX_ROUNDS = 3;

export interface ExtraShiftBlock {
  channel: string;
  /** Local date 'YYYY-MM-DD'. */
  date: string;
  /** ISO instants. */
  start: string;
  end: string;
  breakStart: string | null;
  breakEnd: string | null;
  /** People working this same shift. */
  agents: number;
  /** Worked hours of one of them (length less the lunch). */
  workedHours: number;
}

export interface WhatItTakes {
  /** Total extra worked hours (agent-hours). */
  agentHours: number;
  blocks: ExtraShiftBlock[];
  /** Intervals (channel × interval) still below the target with the blocks added. */
  stillShort: number;
  /** Whether each round's cover was proven the fewest hours. */
  optimal: boolean;
  /** The channels looked at. */
  channels: string[];
}

interface DayGrid {
  channel: string;
  date: string;
  dayStartMs: number;
  intervals: number;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Intervals of `view` per channel short of the target, as whole extra people. */
function needs(view: WeekProjectionView, scope: Set<string>): Map<string, number> {
  const out = new Map<string, number>();
  const byId = new Map(view.channels.map((c) => [c.id, c]));
  for (const r of view.projection.rows) {
    const c = byId.get(r.channel);
    if (!c || !scope.has(r.channel)) continue;
    const e = extraToTarget(c, view.intervalMinutes, r);
    if (e > 0) out.set(queueKey(r.channel, r.start), e);
  }
  return out;
}

/** The day's grid (local midnight to midnight, real minutes: a daylight-saving day has 23 or 25 h). */
function dayGrid(channel: string, start: string, zone: string, intervalMinutes: number): DayGrid {
  const local = DateTime.fromISO(start, { zone });
  const midnight = local.startOf('day');
  const minutes = midnight.plus({ days: 1 }).diff(midnight, 'minutes').minutes;
  return { channel, date: local.toISODate()!, dayStartMs: midnight.toMillis(), intervals: Math.round(minutes / intervalMinutes) };
}

function coverDays(need: Map<string, number>, w: WeekInputs, labour: LabourRules): { grids: DayGrid[]; days: ExtraCoverDay[] } {
  // The optimiser's rules (lunch placement included), as a generated rota would keep them.
  const rules = rotaRules(labour);
  const step = w.intervalMinutes;
  const grids = new Map<string, { grid: DayGrid; need: number[] }>();
  for (const [k, n] of need) {
    const [channel, ms] = k.split('|') as [string, string];
    const start = new Date(Number(ms)).toISOString();
    const g = dayGrid(channel, start, w.zone, step);
    const id = `${channel}|${g.date}`;
    const entry = grids.get(id) ?? { grid: g, need: new Array<number>(g.intervals).fill(0) };
    const t = Math.round((Number(ms) - g.dayStartMs) / (step * 60_000));
    if (t >= 0 && t < entry.need.length) entry.need[t] = n;
    grids.set(id, entry);
  }
  const shapes = rules.shiftLengthsHours.map((h) => ({
    lengthMinutes: Math.round(h * 60),
    breakMinutes: rules.breakMinutes,
    breakMinOffsetMinutes: rules.breakMinOffsetMinutes,
    breakMinTailMinutes: rules.breakMinTailMinutes,
  }));
  const list = [...grids.values()].sort((a, b) => a.grid.dayStartMs - b.grid.dayStartMs || a.grid.channel.localeCompare(b.grid.channel));
  return {
    grids: list.map((x) => x.grid),
    days: list.map((x) => ({
      intervalMinutes: step,
      need: x.need,
      from: Math.ceil(minutesOf(rules.earliestStart) / step),
      to: Math.min(x.need.length, Math.floor(minutesOf(rules.latestEnd) / step)),
      shapes,
    })),
  };
}

/** The scenario's changes plus the extra people found so far. */
function withExtra(changes: WeekChanges, fromRota: boolean, shifts: ShiftRecord[], onQueue: Map<string, number>): WeekChanges {
  // Counted people (no rota, or people already scaled or added to by a lever): added to the counts.
  if (!fromRota || changes.onQueueFactor || changes.extraOnQueue?.size) {
    const all = new Map(changes.extraOnQueue ?? []);
    for (const [k, v] of onQueue) all.set(k, (all.get(k) ?? 0) + v);
    return { ...changes, extraOnQueue: all };
  }
  return {
    ...changes,
    extraShifts: [...(changes.extraShifts ?? []), ...shifts],
    extraSkills: new Map([...(changes.extraSkills ?? []), ...shifts.map((s): [number, string[]] => [s.staffId, [s.channel]])]),
  };
}

function extraShift(id: number, channel: string, start: number, end: number, lunch: [number, number] | null): ShiftRecord {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    id,
    rotaId: 0,
    staffId: id,
    start: iso(start),
    end: iso(end),
    breaks: lunch ? [{ start: iso(lunch[0]), end: iso(lunch[1]) }] : [],
    channel,
    activities: null,
    offQueue: null,
    locked: false,
    note: null,
    uid: `extra-${-id}`,
    sequence: 0,
    version: 0,
    updatedAt: '',
    updatedBy: null,
  } as ShiftRecord;
}

/**
 * The fewest extra agent-hours, and when, that bring the scenario to its targets (see the file
 * comment). `scenario` is the scenario's projection (`changes` applied to `w`).
 */
export async function whatItTakes(
  w: WeekInputs,
  changes: WeekChanges,
  scenario: WeekProjectionView,
  rules: LabourRules,
  scope: string[],
): Promise<WhatItTakes> {
  const inScope = new Set(scope);
  const fromRota = scenario.staffingSource === 'rota';
  const shifts: ShiftRecord[] = [];
  const onQueue = new Map<string, number>();
  const blocks: ExtraShiftBlock[] = [];
  let optimal = true;
  let view = scenario;
  let need = needs(view, inScope);
  for (let round = 0; round < MAX_ROUNDS && need.size > 0; round++) {
    const { grids, days } = coverDays(need, w, rules);
    const results = await fewestExtraShifts(days);
    results.forEach((r, i) => {
      const g = grids[i]!;
      optimal &&= r.optimal;
      for (const b of r.blocks) {
        const startMs = g.dayStartMs + b.pattern.start * w.intervalMinutes * 60_000;
        const endMs = startMs + b.pattern.lengthMinutes * 60_000;
        const off = b.pattern.breakOffsetMinutes;
        const lunch: [number, number] | null =
          off === null ? null : [startMs + off * 60_000, startMs + (off + b.pattern.breakMinutes) * 60_000];
        for (let k = 0; k < b.count; k++) shifts.push(extraShift(-(shifts.length + 1), g.channel, startMs, endMs, lunch));
        b.pattern.cover.forEach((x, t) => {
          if (x <= 0) return;
          const key = queueKey(g.channel, new Date(g.dayStartMs + t * w.intervalMinutes * 60_000).toISOString());
          onQueue.set(key, (onQueue.get(key) ?? 0) + x * b.count);
        });
        blocks.push({
          channel: g.channel,
          date: g.date,
          start: new Date(startMs).toISOString(),
          end: new Date(endMs).toISOString(),
          breakStart: lunch ? new Date(lunch[0]).toISOString() : null,
          breakEnd: lunch ? new Date(lunch[1]).toISOString() : null,
          agents: b.count,
          workedHours: b.pattern.workedMinutes / 60,
        });
      }
    });
    view = projectInputs(w, withExtra(changes, fromRota, shifts, onQueue), { withRisk: false });
    need = needs(view, inScope);
  }
  return {
    agentHours: blocks.reduce((s, b) => s + b.agents * b.workedHours, 0),
    blocks: mergeBlocks(blocks),
    stillShort: need.size,
    optimal,
    channels: scope,
  };
}

/** The same shift found in two rounds is one line with its people added. */
function mergeBlocks(blocks: ExtraShiftBlock[]): ExtraShiftBlock[] {
  const out = new Map<string, ExtraShiftBlock>();
  for (const b of blocks) {
    const k = `${b.channel}|${b.start}|${b.end}|${b.breakStart}`;
    const had = out.get(k);
    out.set(k, had ? { ...had, agents: had.agents + b.agents } : { ...b });
  }
  return [...out.values()].sort((a, b) => a.start.localeCompare(b.start) || a.channel.localeCompare(b.channel));
}

/** Extra shifts as the projection takes them (for tests and a draft rota). */
export function extraShiftsOf(blocks: ExtraShiftBlock[]): ShiftRecord[] {
  const out: ShiftRecord[] = [];
  for (const b of blocks)
    for (let k = 0; k < b.agents; k++)
      out.push(
        extraShift(
          -(out.length + 1),
          b.channel,
          Date.parse(b.start),
          Date.parse(b.end),
          b.breakStart && b.breakEnd ? [Date.parse(b.breakStart), Date.parse(b.breakEnd)] : null,
        ),
      );
  return out;
}

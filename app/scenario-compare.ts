/**
 * Saved what-if scenarios side by side with the baseline (one to four): per channel, each day and the week, the
 * service level, ASA, abandonment, hours short on the queue and the risk of missing the target,
 * for the baseline and each scenario. Figures are the saved ones (as each scenario was run),
 * added up by the one summary of staffing/projection-summary.ts, so a column reads as the
 * scenario's page did when it was saved. Scenarios of different weeks are not compared.
 */
import type { DataSource } from '../models';
import { getScenario } from '../models/repositories/scenarios';
import { teamIdOrDefault } from './team-scope';
import { summariseProjection, type ChannelSummary, type ProjectedInterval } from '../staffing';
import type { ScenarioInput, ScenarioResult } from './scenario-run';
import type { WhatItTakes } from './scenario-what-it-takes';

/** One scenario is compared with the baseline alone ("what happens, side by side with today's plan"). */
export const COMPARE_MIN = 1;
export const COMPARE_MAX = 4;

export interface CompareColumn {
  /** Null for the baseline. */
  id: number | null;
  name: string | null;
  createdBy: string | null;
  createdAt: string | null;
  input: ScenarioInput | null;
  channels: ChannelSummary[];
  /** What would bring the scenario to its targets (null: the baseline, or saved before it was computed). */
  whatItTakes: WhatItTakes | null;
}

export interface ScenarioComparison {
  weekStart: string;
  channels: { id: string; nameKey: string }[];
  /** Dates of the week present in any column, in order. */
  dates: string[];
  columns: CompareColumn[];
}

export type CompareResult =
  { kind: 'ok'; comparison: ScenarioComparison } | { kind: 'notFound'; id: number } | { kind: 'mixedWeeks'; weeks: string[] };

/** A saved interval as the summary needs it (older saves lack the projection's extra fields). */
function asProjected(i: Partial<ProjectedInterval> & { start: string }, channel: string): ProjectedInterval {
  return {
    ...(i as ProjectedInterval),
    channel,
    neededOnQueue: i.neededOnQueue ?? 0,
    neededOnRota: i.neededOnRota ?? 0,
    onQueue: i.onQueue ?? i.agents ?? 0,
    pMeet: i.pMeet ?? null,
  };
}

function summaries(r: ScenarioResult, side: 'baseline' | 'scenario', zone: string): ChannelSummary[] {
  // The saved interval's start is on its wrapper (ScenarioInterval), not on the metrics.
  const rows = r.channels.flatMap((c) =>
    c.intervals.map((i) => asProjected({ ...(i[side] as Partial<ProjectedInterval>), start: i.start }, c.channel)),
  );
  return summariseProjection(
    rows,
    r.channels.map((c) => c.channel),
    { zone, intervalMinutes: r.intervalMinutes },
  );
}

/** The team's scenarios only (`teamId`; none: the default team's): another team's is not found. */
export async function compareScenarios(ds: DataSource, q: { ids: number[]; zone: string; teamId?: number }): Promise<CompareResult> {
  const teamId = await teamIdOrDefault(ds, q.teamId);
  const saved = [];
  for (const id of q.ids) {
    const s = await getScenario(ds, id, teamId);
    if (!s) return { kind: 'notFound', id };
    saved.push(s);
  }
  const weeks = [...new Set(saved.map((s) => s.weekStart))];
  if (weeks.length > 1) return { kind: 'mixedWeeks', weeks };
  const results = saved.map((s) => s.result as ScenarioResult);
  // The baseline of the scenario covering the most channels (all channels, if any does).
  const widest = results.reduce((a, b) => (b.channels.length > a.channels.length ? b : a));
  const columns: CompareColumn[] = [
    {
      id: null,
      name: null,
      createdBy: null,
      createdAt: null,
      input: null,
      channels: summaries(widest, 'baseline', q.zone),
      whatItTakes: null,
    },
    ...saved.map((s, k) => ({
      id: s.id,
      name: s.name,
      createdBy: s.createdBy,
      createdAt: s.createdAt,
      input: s.input as ScenarioInput,
      channels: summaries(results[k]!, 'scenario', q.zone),
      whatItTakes: results[k]!.whatItTakes ?? null,
    })),
  ];
  const channels = widest.channels.map((c) => ({ id: c.channel, nameKey: c.nameKey }));
  const dates = [...new Set(columns.flatMap((c) => c.channels.flatMap((x) => x.days.map((d) => d.date))))].sort();
  return { kind: 'ok', comparison: { weekStart: weeks[0]!, channels, dates, columns } };
}

/**
 * The Erlang calculator for leads: one interval's inputs → Erlang-C and Erlang-A side by side,
 * each a table of N agents against service level, ASA, abandonment and occupancy around the
 * requirement, with the binding targets. Empty input is filled from a channel's targets.
 */
import type { DataSource } from '../models';
import { listChannels, type ChannelConfig } from '../models/repositories/settings';
import { loadTeamSettings } from './team-settings';
import {
  describeChatMethod,
  loadErlangs,
  staffingTable,
  StaffingError,
  type ChatMethodDescription,
  type StaffingRequest,
  type StaffingTable,
} from '../staffing';

/** Everything in the engine's units: shares as fractions, times in seconds. */
export interface CalculatorInput {
  volume: number;
  intervalMinutes: number;
  ahtSeconds: number;
  thresholdSeconds?: number;
  targetServiceLevel?: number;
  targetAsaSeconds?: number;
  maxOccupancy?: number;
  shrinkage: number;
  patienceSeconds?: number;
  maxAbandonRate?: number;
  concurrency: number;
}

export interface ModelTable {
  model: 'erlang-c' | 'erlang-a';
  /** Null when the model cannot answer: `reasonKey` says why (message key). */
  table: StaffingTable | null;
  reasonKey: string | null;
  /** Targets this model ignores (abandonment in Erlang-C). */
  ignoredTargets: string[];
}

export interface CalculatorResult {
  input: CalculatorInput;
  loadErlangs: number;
  erlangC: ModelTable;
  erlangA: ModelTable;
  chat: ChatMethodDescription | null;
}

export interface CalculatorPage {
  /** The input shown (the one asked for, or the preset of `channelId` when none was given). */
  input: CalculatorInput | null;
  result: CalculatorResult | null;
  /** Engine complaint on a field the form let through (e.g. a target no staffing can meet). */
  engineError: { field: string; message: string } | null;
  channels: { id: string; nameKey: string }[];
  channelId: string | null;
}

/** Example interval used before anyone types: the trade's textbook case (pyworkforce, STYLE.md). */
const EXAMPLE = { voice: { volume: 100, ahtSeconds: 180 }, chat: { volume: 40, ahtSeconds: 600 } } as const;
const TABLE_ROWS = 9;

export function presetFor(channel: ChannelConfig, intervalMinutes: number): CalculatorInput {
  const example = channel.kind === 'chat' ? EXAMPLE.chat : EXAMPLE.voice;
  return {
    ...example,
    intervalMinutes,
    thresholdSeconds: channel.thresholdSeconds ?? undefined,
    targetServiceLevel: channel.targetServiceLevel ?? undefined,
    targetAsaSeconds: channel.targetAsaSeconds ?? undefined,
    maxOccupancy: channel.maxOccupancy ?? undefined,
    shrinkage: channel.shrinkage,
    patienceSeconds: channel.patienceSeconds ?? undefined,
    maxAbandonRate: channel.patienceSeconds !== null ? (channel.maxAbandonRate ?? undefined) : undefined,
    concurrency: channel.concurrency,
  };
}

function baseRequest(i: CalculatorInput): StaffingRequest {
  return {
    volume: i.volume,
    intervalSeconds: i.intervalMinutes * 60,
    ahtSeconds: i.ahtSeconds,
    thresholdSeconds: i.thresholdSeconds,
    targetServiceLevel: i.targetServiceLevel,
    targetAsaSeconds: i.targetAsaSeconds,
    maxOccupancy: i.maxOccupancy,
    shrinkage: i.shrinkage,
    concurrency: i.concurrency,
  };
}

const hasTarget = (r: StaffingRequest) =>
  [r.targetServiceLevel, r.targetAsaSeconds, r.maxOccupancy, r.maxAbandonRate].some((t) => t !== undefined);

/** Erlang-C: nobody abandons, so an abandonment target does not apply (shown as ignored). */
function erlangCTable(i: CalculatorInput, around: number | undefined): ModelTable {
  const request = baseRequest(i);
  const ignoredTargets = i.maxAbandonRate !== undefined ? ['abandonRate'] : [];
  if (!hasTarget(request) && around === undefined)
    return { model: 'erlang-c', table: null, reasonKey: 'erlang.noTargetForC', ignoredTargets };
  return {
    model: 'erlang-c',
    table: staffingTable(request, { rows: TABLE_ROWS, around: hasTarget(request) ? undefined : around }),
    reasonKey: null,
    ignoredTargets,
  };
}

function erlangATable(i: CalculatorInput): ModelTable {
  if (i.patienceSeconds === undefined) return { model: 'erlang-a', table: null, reasonKey: 'erlang.needPatience', ignoredTargets: [] };
  const request: StaffingRequest = { ...baseRequest(i), patienceSeconds: i.patienceSeconds, maxAbandonRate: i.maxAbandonRate };
  return { model: 'erlang-a', table: staffingTable(request, { rows: TABLE_ROWS }), reasonKey: null, ignoredTargets: [] };
}

/** Both models for one interval. Throws StaffingError (with the field) for input the engine refuses. */
export function calculate(input: CalculatorInput): CalculatorResult {
  const erlangA = erlangATable(input);
  const erlangC = erlangCTable(input, erlangA.table?.requiredAgents ?? undefined);
  return {
    input,
    loadErlangs: loadErlangs({ volume: input.volume, intervalSeconds: input.intervalMinutes * 60, ahtSeconds: input.ahtSeconds }),
    erlangC,
    erlangA,
    chat: input.concurrency > 1 ? describeChatMethod() : null,
  };
}

export async function erlangCalculator(
  ds: DataSource,
  q: { input: CalculatorInput | null; channelId?: string | null; usePreset: boolean; teamId?: number },
): Promise<CalculatorPage | null> {
  const channels = await listChannels(ds, q.teamId);
  // Another team's channel (or none at all) named in the link: not this team's to show.
  if (q.channelId && !channels.some((c) => c.id === q.channelId)) return null;
  const preset = channels.find((c) => c.id === q.channelId) ?? channels[0];
  const intervalMinutes = (await loadTeamSettings(ds, { teamId: q.teamId })).intervalMinutes;
  const input = q.input ?? (preset && q.usePreset ? presetFor(preset, intervalMinutes) : null);
  const page: CalculatorPage = {
    input,
    result: null,
    engineError: null,
    channels: channels.map((c) => ({ id: c.id, nameKey: c.nameKey })),
    channelId: q.input || !q.usePreset ? null : (preset?.id ?? null),
  };
  if (!input) return page;
  try {
    page.result = calculate(input);
  } catch (err) {
    if (!(err instanceof StaffingError)) throw err;
    page.engineError = { field: err.field, message: err.message };
  }
  return page;
}

/** Team settings (one row), channels with opening hours and platforms. */
import { Channel } from '../entities/channel';
import { OpeningHours } from '../entities/opening-hours';
import { Platform } from '../entities/platform';
import { TeamSettings } from '../entities/team-settings';
import type { Db } from './db';
import type { PeriodRules, RotaRules } from '../../scheduling/types';
import { DEFAULT_PERIOD_RULES, DEFAULT_RULES } from '../../scheduling/rules/defaults';
import { updateVersioned } from './versioned';
import { noteChannelName } from '../channel-names';
import { ensureDefaultTeamId, syncTeamFromSettings } from './teams';
import type { ChannelSettings } from '../../staffing';

/**
 * Labour rules the team stores: the optimiser's hard rules a coordinator sets (one definition,
 * in scheduling/types.ts), plus whether overtime is allowed.
 */
export type LabourRules = Pick<
  RotaRules,
  | 'shiftLengthsHours'
  | 'breakMinutes'
  | 'minRestHours'
  | 'maxHoursPerWeek'
  | 'daysOffPerWeek'
  | 'earliestStart'
  | 'latestEnd'
  | 'maxConsecutiveDays'
  | 'maxNightHoursPerShift'
  | 'contractToleranceHours'
> & {
  overtimeAllowed: boolean;
  /** Weeks the fairness ledger and the optimiser's fairness history look back (the coordinator sets it). */
  fairnessWindowWeeks: number;
  /** Rules over a planning period of 1-6 weeks (kept in the same JSON; a missing value takes its default). */
  period: PeriodRules;
};

/** The optimiser's defaults (scheduling/rules/defaults.ts, the one set), overtime not allowed. */
export const DEFAULT_LABOUR_RULES: Readonly<LabourRules> = Object.freeze({
  shiftLengthsHours: [...DEFAULT_RULES.shiftLengthsHours],
  breakMinutes: DEFAULT_RULES.breakMinutes,
  minRestHours: DEFAULT_RULES.minRestHours,
  maxHoursPerWeek: DEFAULT_RULES.maxHoursPerWeek,
  daysOffPerWeek: DEFAULT_RULES.daysOffPerWeek,
  earliestStart: DEFAULT_RULES.earliestStart,
  latestEnd: DEFAULT_RULES.latestEnd,
  maxConsecutiveDays: DEFAULT_RULES.maxConsecutiveDays,
  maxNightHoursPerShift: DEFAULT_RULES.maxNightHoursPerShift,
  contractToleranceHours: DEFAULT_RULES.contractToleranceHours,
  overtimeAllowed: false,
  fairnessWindowWeeks: 8,
  period: DEFAULT_PERIOD_RULES,
});

export interface TeamSettingsRecord {
  id: number;
  /** The team these settings belong to. */
  teamId: number | null;
  name: string;
  timeZone: string;
  intervalMinutes: number;
  locale: string;
  rules: LabourRules;
  version: number;
}

/** A stored channel: staffing's queue settings plus its name, order and version. */
export interface ChannelConfig extends ChannelSettings {
  /** The team that answers the channel (null only on rows written before teams had channels). */
  teamId: number | null;
  nameKey: string;
  sortOrder: number;
  version: number;
}

export interface OpeningHoursRecord {
  id: number;
  channelId: string;
  weekday: number;
  opens: string;
  closes: string;
}

export interface PlatformRecord {
  id: number;
  code: string;
  name: string;
}

function parseRules(json: string): LabourRules {
  const stored = JSON.parse(json) as Partial<LabourRules>;
  // Rows stored before the period rules existed (no migration needed: the JSON column grows).
  return { ...DEFAULT_LABOUR_RULES, ...stored, period: { ...DEFAULT_PERIOD_RULES, ...(stored.period ?? {}) } };
}

/**
 * A team's settings row (`teamId`), or without it the default team's (the first row); null
 * before the first setup/seed, or for a team without a row.
 */
export async function getTeamSettings(db: Db, teamId?: number | null): Promise<TeamSettingsRecord | null> {
  const where = teamId === undefined || teamId === null ? {} : { teamId };
  const row = await db.getRepository(TeamSettings).findOne({ where, order: { id: 'ASC' } });
  if (!row) return null;
  return {
    id: row.id,
    teamId: row.teamId ?? null,
    name: row.name,
    timeZone: row.timeZone,
    intervalMinutes: row.intervalMinutes,
    locale: row.locale,
    rules: parseRules(row.rulesJson),
    version: row.version,
  };
}

/** The settings row of `input.teamId`, else of the default team (made now on an install without one). */
export async function createTeamSettings(
  db: Db,
  input: Omit<TeamSettingsRecord, 'id' | 'version' | 'teamId'> & { teamId?: number | null },
  now: string,
): Promise<TeamSettingsRecord> {
  const repo = db.getRepository(TeamSettings);
  const { rules, teamId: given, ...rest } = input;
  const teamId = given ?? (await ensureDefaultTeamId(db, { name: rest.name, timeZone: rest.timeZone }));
  await repo.save(repo.create({ ...rest, teamId, rulesJson: JSON.stringify(rules), createdAt: now, updatedAt: now }));
  await syncTeamFromSettings(db, teamId, { name: rest.name, timeZone: rest.timeZone }, now);
  return (await getTeamSettings(db, teamId)) as TeamSettingsRecord;
}

/** Updates a team's settings row (`teamId`, else the default team's); its name and zone also go to the team. */
export async function updateTeamSettings(
  db: Db,
  expectedVersion: number,
  patch: Partial<Omit<TeamSettingsRecord, 'id' | 'version' | 'teamId'>>,
  now: string,
  teamId?: number | null,
): Promise<TeamSettingsRecord> {
  const current = await getTeamSettings(db, teamId);
  if (!current) throw new Error('team settings: not set up yet');
  const { rules, ...rest } = patch;
  const columns: Partial<TeamSettings> = { ...rest, updatedAt: now };
  if (rules) columns.rulesJson = JSON.stringify({ ...current.rules, ...rules });
  await updateVersioned(db, TeamSettings, 'team settings', current.id, expectedVersion, columns);
  if (current.teamId !== null && (rest.name !== undefined || rest.timeZone !== undefined)) {
    await syncTeamFromSettings(db, current.teamId, { name: rest.name, timeZone: rest.timeZone }, now);
  }
  return (await getTeamSettings(db, current.teamId)) as TeamSettingsRecord;
}

function toChannel(row: Channel): ChannelConfig {
  noteChannelName(row.id, { kind: row.kind, nameKey: row.nameKey });
  return {
    id: row.id,
    teamId: row.teamId ?? null,
    nameKey: row.nameKey,
    kind: row.kind as 'voice' | 'chat',
    targetServiceLevel: row.targetServiceLevel ?? null,
    thresholdSeconds: row.thresholdSeconds ?? null,
    targetAsaSeconds: row.targetAsaSeconds ?? null,
    maxOccupancy: row.maxOccupancy ?? null,
    shrinkage: Number(row.shrinkage),
    patienceSeconds: row.patienceSeconds ?? null,
    maxAbandonRate: row.maxAbandonRate ?? null,
    concurrency: row.concurrency,
    sortOrder: row.sortOrder,
    version: row.version,
  };
}

/** The channels of one team (`teamId`), or of the whole install when it is undefined. */
export async function listChannels(db: Db, teamId?: number): Promise<ChannelConfig[]> {
  const rows = await db
    .getRepository(Channel)
    .find({ where: teamId === undefined ? {} : { teamId }, order: { sortOrder: 'ASC', id: 'ASC' } });
  return rows.map(toChannel);
}

export async function getChannel(db: Db, id: string): Promise<ChannelConfig | null> {
  const row = await db.getRepository(Channel).findOne({ where: { id } });
  return row ? toChannel(row) : null;
}

/** A new channel; without `teamId`, the default team's. */
export async function createChannel(
  db: Db,
  input: Omit<ChannelConfig, 'version' | 'teamId'> & { teamId?: number | null },
): Promise<ChannelConfig> {
  const repo = db.getRepository(Channel);
  const teamId = input.teamId ?? (await ensureDefaultTeamId(db));
  return toChannel(await repo.save(repo.create({ ...input, teamId })));
}

export async function updateChannel(
  db: Db,
  id: string,
  expectedVersion: number,
  patch: Partial<Omit<ChannelConfig, 'id' | 'version'>>,
): Promise<ChannelConfig> {
  await updateVersioned(db, Channel, 'channel', id, expectedVersion, patch);
  return (await getChannel(db, id)) as ChannelConfig;
}

export async function listOpeningHours(db: Db, channelId?: string): Promise<OpeningHoursRecord[]> {
  const rows = await db.getRepository(OpeningHours).find({
    where: channelId ? { channelId } : {},
    order: { channelId: 'ASC', weekday: 'ASC', opens: 'ASC' },
  });
  return rows.map((r) => ({ id: r.id, channelId: r.channelId, weekday: r.weekday, opens: r.opens, closes: r.closes }));
}

/** Replaces a channel's opening hours with `hours` (one or more spans per weekday). */
export async function replaceOpeningHours(db: Db, channelId: string, hours: Omit<OpeningHoursRecord, 'id' | 'channelId'>[]): Promise<void> {
  const repo = db.getRepository(OpeningHours);
  await repo.delete({ channelId });
  if (hours.length > 0) await repo.insert(hours.map((h) => ({ ...h, channelId })));
}

export async function listPlatforms(db: Db): Promise<PlatformRecord[]> {
  const rows = await db.getRepository(Platform).find({ order: { code: 'ASC' } });
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name }));
}

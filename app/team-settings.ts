/**
 * The team's settings as every use case reads them: the stored row, or one set of defaults
 * before the first setup or seed. Read them here, never with their own `?? 60` at each call.
 */
import type { DataSource } from '../models';
import { DEFAULT_LABOUR_RULES, getTeamSettings, type LabourRules } from '../models/repositories/settings';

export interface TeamSettings {
  /** False before the first setup or seed: every value below is then a default. */
  configured: boolean;
  timeZone: string;
  intervalMinutes: number;
  rules: LabourRules;
}

/** Before setup: the zone of the deployment (ROTA_TIME_ZONE, given as `fallbackZone`), else Tbilisi; hourly intervals; the default rules. */
export const TEAM_SETTINGS_DEFAULTS: Readonly<Omit<TeamSettings, 'configured'>> = Object.freeze({
  timeZone: 'Asia/Tbilisi',
  intervalMinutes: 60,
  rules: DEFAULT_LABOUR_RULES,
});

/** `teamId`: that team's row (a team without one falls back to the default team's); else the default team's. */
export async function loadTeamSettings(ds: DataSource, o: { fallbackZone?: string; teamId?: number | null } = {}): Promise<TeamSettings> {
  const row = (o.teamId ? await getTeamSettings(ds, o.teamId) : null) ?? (await getTeamSettings(ds));
  if (!row) return { configured: false, ...TEAM_SETTINGS_DEFAULTS, timeZone: o.fallbackZone ?? TEAM_SETTINGS_DEFAULTS.timeZone };
  return { configured: true, timeZone: row.timeZone, intervalMinutes: row.intervalMinutes, rules: row.rules };
}

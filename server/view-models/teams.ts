/** The teams page: forms (zod) and template data. */
import { IANAZone } from 'luxon';
import { z } from 'zod';
import type { TeamRecord } from '../../app/teams';

const ID = z.coerce.number().int().positive().max(2_147_483_647);

export const NewTeamSchema = z.object({
  name: z.string().trim().min(2, 'teams.error.name').max(120, 'teams.error.name'),
  timeZone: z
    .string()
    .trim()
    .refine((zone) => IANAZone.isValidZone(zone), 'teams.error.zone'),
});

export const MoveStaffSchema = z.object({ staffId: ID, teamId: ID });

export const SwitchTeamSchema = z.object({ teamId: ID, returnTo: z.string().startsWith('/').max(500).catch('/') });

/** Field → catalogue key of its first problem. */
export function teamFormErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[String(issue.path[0])] ??= issue.message;
  return out;
}

export function teamsViewModel(
  teams: TeamRecord[],
  people: { id: number; name: string; code: string; teamId: number | null }[],
  channelIds: Map<number, string[]> = new Map(),
): {
  teams: (TeamRecord & { size: number; channels: string })[];
  people: { id: number; label: string; teamName: string }[];
  choices: TeamRecord[];
} {
  const names = new Map(teams.map((t) => [t.id, t.name]));
  return {
    teams: teams.map((t) => ({
      ...t,
      size: people.filter((p) => p.teamId === t.id).length,
      channels: (channelIds.get(t.id) ?? []).join(', '),
    })),
    people: people.map((p) => ({ id: p.id, label: `${p.name} (${p.code})`, teamName: names.get(p.teamId ?? -1) ?? '' })),
    choices: teams,
  };
}

/**
 * Channels per team (issue #14). A channel belongs to one team; its id is unique in the install
 * (history, forecasts, requirements and staff skills name it). A new team starts with copies of
 * the default team's channels, named `<default id>-<team id>` ('voice' → 'voice-2' for team 2),
 * so its history, forecasts and rota are its own from the first import on. A person moved to
 * another team keeps what they can answer: each skill follows by channel kind.
 */
import type { Db } from '../models/repositories/db';
import {
  createChannel,
  getChannel,
  listChannels,
  listOpeningHours,
  replaceOpeningHours,
  type ChannelConfig,
} from '../models/repositories/settings';

/** Longest channel id the column holds. */
const ID_LENGTH = 32;

/** `<base>-<teamId>`, cut to fit the column, with a further `-n` in the rare case it is taken. */
async function freshChannelId(db: Db, base: string, teamId: number): Promise<string> {
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? `-${teamId}` : `-${teamId}-${n}`;
    const id = `${base.slice(0, ID_LENGTH - suffix.length)}${suffix}`;
    if (!(await getChannel(db, id))) return id;
  }
}

/**
 * Gives team `toTeamId` a copy of each channel of team `fromTeamId`: the same kind, name,
 * targets, shrinkage, order and opening hours, under a fresh id. Returns the new channels.
 */
export async function copyTeamChannels(db: Db, fromTeamId: number, toTeamId: number): Promise<ChannelConfig[]> {
  const made: ChannelConfig[] = [];
  for (const source of await listChannels(db, fromTeamId)) {
    const { version: _version, teamId: _teamId, id: sourceId, ...fields } = source;
    const id = await freshChannelId(db, sourceId, toTeamId);
    made.push(await createChannel(db, { ...fields, id, teamId: toTeamId }));
    const hours = await listOpeningHours(db, sourceId);
    await replaceOpeningHours(
      db,
      id,
      hours.map((h) => ({ weekday: h.weekday, opens: h.opens, closes: h.closes })),
    );
  }
  return made;
}

/**
 * A person's skills in team `teamId`: a skill naming a channel of another team becomes the
 * team's first channel of the same kind (dropped when the team has none); a skill that is
 * already the team's, or names no channel at all, stays. No duplicates, order kept.
 */
export async function skillsInTeam(db: Db, skills: string[], teamId: number): Promise<string[]> {
  const own = await listChannels(db, teamId);
  const out: string[] = [];
  for (const skill of skills) {
    const channel = await getChannel(db, skill);
    const mapped = !channel || channel.teamId === teamId ? skill : own.find((c) => c.kind === channel.kind)?.id;
    if (mapped && !out.includes(mapped)) out.push(mapped);
  }
  return out;
}

/** Each team's channel ids, for the teams page (people importing history name them). */
export async function channelIdsByTeam(db: Db): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  for (const c of await listChannels(db)) {
    if (c.teamId !== null) out.set(c.teamId, [...(out.get(c.teamId) ?? []), c.id]);
  }
  return out;
}

/** The ids of one team's channels, in the team's order. */
export async function teamChannelIds(db: Db, teamId: number): Promise<string[]> {
  return (await listChannels(db, teamId)).map((c) => c.id);
}

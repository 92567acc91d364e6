/**
 * The team's hours against the week's requirement, per channel: what the week needs (before and
 * after shrinkage) and the contract hours of the people who can serve it.
 */
import type { ChannelSettings } from './channel-settings';

/** Team hours per channel: contract hours of active staff with the skill, before and after shrinkage. */
export interface ChannelCapacity {
  channel: string;
  shrinkage: number;
  /** Agent-hours on the phones/in chat the week needs (Σ rawAgents × interval hours). */
  rawAgentHours: number;
  /** Agent-hours to put on the rota (Σ scheduledAgents × interval hours). */
  scheduledAgentHours: number;
  /** People with only this skill, and their contract hours. */
  dedicatedPeople: number;
  dedicatedContractHours: number;
  /** People with this skill and another: they may work either, so they appear in both channels. */
  sharedPeople: number;
  sharedContractHours: number;
}

export interface TeamCapacity {
  channels: ChannelCapacity[];
  /** Every active person counted once (whatever their skills). */
  people: number;
  contractHours: number;
  /** Contract hours × (1 − shrinkage): a blended person's shrinkage is the mean of their channels'. */
  availableAgentHours: number;
  rawAgentHours: number;
}

export function teamCapacity(
  req: { intervalMinutes: number; rows: { channel: string; rawAgents: number; scheduledAgents: number }[] },
  channels: Pick<ChannelSettings, 'id' | 'shrinkage'>[],
  staff: { skills: string[]; contractHoursPerWeek: number }[],
): TeamCapacity {
  const hours = req.intervalMinutes / 60;
  const ids = new Set(channels.map((c) => c.id));
  const shrink = new Map(channels.map((c) => [c.id, c.shrinkage]));
  const working = staff.map((p) => ({ ...p, skills: p.skills.filter((s) => ids.has(s)) })).filter((p) => p.skills.length > 0);
  const perChannel = channels.map((c) => {
    const rows = req.rows.filter((r) => r.channel === c.id);
    const withSkill = working.filter((p) => p.skills.includes(c.id));
    const dedicated = withSkill.filter((p) => p.skills.length === 1);
    const shared = withSkill.filter((p) => p.skills.length > 1);
    const sum = (xs: { contractHoursPerWeek: number }[]) => xs.reduce((s, p) => s + p.contractHoursPerWeek, 0);
    return {
      channel: c.id,
      shrinkage: c.shrinkage,
      rawAgentHours: rows.reduce((s, r) => s + r.rawAgents, 0) * hours,
      scheduledAgentHours: rows.reduce((s, r) => s + r.scheduledAgents, 0) * hours,
      dedicatedPeople: dedicated.length,
      dedicatedContractHours: sum(dedicated),
      sharedPeople: shared.length,
      sharedContractHours: sum(shared),
    };
  });
  const netOf = (p: { skills: string[]; contractHoursPerWeek: number }) =>
    p.contractHoursPerWeek * (1 - p.skills.reduce((s, id) => s + (shrink.get(id) ?? 0), 0) / p.skills.length);
  return {
    channels: perChannel,
    people: working.length,
    contractHours: working.reduce((s, p) => s + p.contractHoursPerWeek, 0),
    availableAgentHours: working.reduce((s, p) => s + netOf(p), 0),
    rawAgentHours: perChannel.reduce((s, c) => s + c.rawAgentHours, 0),
  };
}

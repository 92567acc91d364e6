/**
 * "What would it take" as template data (the scenario page and the compare page): the total
 * extra agent-hours and one line per extra shift, its day and times in the team's zone.
 * Each line carries `data-extra="channel|start|end|agents"` (ISO instants) for tests.
 */
import { DateTime } from 'luxon';
import type { WhatItTakes } from '../../app/scenario-what-it-takes';

export function takesView(w: WhatItTakes | null | undefined, channelKeys: Map<string, string>, zone: string) {
  if (!w) return { known: false as const };
  return {
    known: true as const,
    agentHours: Math.round(w.agentHours * 100) / 100,
    none: w.blocks.length === 0 && w.stillShort === 0,
    stillShort: w.stillShort,
    optimal: w.optimal,
    lines: w.blocks.map((b) => ({
      ...b,
      weekday: DateTime.fromISO(b.start, { zone }).weekday,
      channelKey: channelKeys.get(b.channel) ?? `channel.${b.channel}`,
      data: `${b.channel}|${b.start}|${b.end}|${b.agents}`,
    })),
  };
}

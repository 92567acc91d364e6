/**
 * What a channel is called, by id, for the message catalogue: every channel row read or written
 * (repositories/settings.ts) is noted here with its kind and name key. A team's channels have
 * ids of their own ('voice-2'), while the catalogue names channels by kind ('rota.channel.voice')
 * and by name key ('channel.voice'); the translator looks a channel id up here when the
 * catalogue has no entry for it. Per process and never stale for a channel id (its kind and name
 * key do not change after it is made).
 */
export interface ChannelName {
  kind: string;
  nameKey: string;
}

const names = new Map<string, ChannelName>();

export function noteChannelName(id: string, name: ChannelName): void {
  names.set(id, name);
}

export function channelNameOf(id: string): ChannelName | undefined {
  return names.get(id);
}

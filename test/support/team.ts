/**
 * Minimal team setup for integration tests: the demo settings (Asia/Tbilisi, 60-minute
 * intervals), the voice and chat channels and the demo platforms, without staff or history.
 */
import { createChannel, createTeamSettings, type DataSource } from '../../models';
import { DEMO_CHANNELS, DEMO_SETTINGS } from '../../seeds/demo-reference';
import { DEMO_PLATFORMS } from '../../seeds/demo-team';
import { Channel, Platform } from '../../models';

export async function setUpTeam(ds: DataSource, overrides: { intervalMinutes?: number } = {}): Promise<void> {
  await createTeamSettings(ds, { ...DEMO_SETTINGS, ...overrides }, '2026-11-01T00:00:00.000Z');
  for (const channel of DEMO_CHANNELS) await createChannel(ds, channel);
  await ds.getRepository(Platform).insert(DEMO_PLATFORMS);
}

/**
 * A channel of `teamId` with the demo targets of its kind (voice: 80 % in 20 s, patience two
 * minutes; chat: 80 % in 3 minutes, two at once). `only`: the team's other channels (the copies
 * a created team gets) give way to it.
 */
export async function addTeamChannel(
  ds: DataSource,
  o: { id: string; teamId: number; kind: 'voice' | 'chat'; sortOrder?: number; only?: boolean },
): Promise<void> {
  if (o.only) await ds.getRepository(Channel).delete({ teamId: o.teamId });
  const voice = o.kind === 'voice';
  await createChannel(ds, {
    id: o.id,
    teamId: o.teamId,
    nameKey: `channel.${o.kind}`,
    kind: o.kind,
    targetServiceLevel: 0.8,
    thresholdSeconds: voice ? 20 : 180,
    targetAsaSeconds: null,
    maxOccupancy: 0.85,
    shrinkage: 0.3,
    patienceSeconds: voice ? 120 : null,
    maxAbandonRate: null,
    concurrency: voice ? 1 : 2,
    sortOrder: o.sortOrder ?? 1,
  });
}

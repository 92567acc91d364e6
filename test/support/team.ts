/**
 * Minimal team setup for integration tests: the demo settings (Asia/Tbilisi, 60-minute
 * intervals), the voice and chat channels and the demo platforms, without staff or history.
 */
import { createChannel, createTeamSettings, type DataSource } from '../../models';
import { DEMO_CHANNELS, DEMO_SETTINGS } from '../../seeds/demo-reference';
import { DEMO_PLATFORMS } from '../../seeds/demo-team';
import { Platform } from '../../models';

export async function setUpTeam(ds: DataSource, overrides: { intervalMinutes?: number } = {}): Promise<void> {
  await createTeamSettings(ds, { ...DEMO_SETTINGS, ...overrides }, '2026-11-01T00:00:00.000Z');
  for (const channel of DEMO_CHANNELS) await createChannel(ds, channel);
  await ds.getRepository(Platform).insert(DEMO_PLATFORMS);
}

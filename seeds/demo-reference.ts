/**
 * The demo team's settings and reference data: channels with their targets (the customer's:
 * calls 80 % answered within 20 s with an average wait under 25 s; chats 80 % first response
 * within 3 minutes, two chats at a time), 30 % shrinkage (breaks, training, absence), both
 * channels open 09:00-23:00 every day (shifts may start from 08:00 for preparation and end by
 * 23:00, per the labour rules), and the shift shapes in use.
 */
import { DEFAULT_LABOUR_RULES, type ChannelConfig, type OpeningHoursRecord, type TeamSettingsRecord } from '../models';
import { DEMO_CLOSE_HOUR, DEMO_OPEN_HOUR } from './demo-history';

export const DEMO_SETTINGS: Omit<TeamSettingsRecord, 'id' | 'version' | 'teamId'> = {
  name: 'Tbilisi Support',
  timeZone: 'Asia/Tbilisi',
  intervalMinutes: 60,
  locale: 'en',
  rules: { ...DEFAULT_LABOUR_RULES },
};

export const DEMO_CHANNELS: Omit<ChannelConfig, 'version' | 'teamId'>[] = [
  {
    id: 'voice',
    nameKey: 'channel.voice',
    kind: 'voice',
    targetServiceLevel: 0.8,
    thresholdSeconds: 20,
    targetAsaSeconds: 25,
    maxOccupancy: 0.85,
    shrinkage: 0.3,
    // Callers on hold give up after two minutes on average (Erlang-A patience).
    patienceSeconds: 120,
    maxAbandonRate: 0.05,
    concurrency: 1,
    sortOrder: 1,
  },
  {
    id: 'chat',
    nameKey: 'channel.chat',
    kind: 'chat',
    targetServiceLevel: 0.8,
    thresholdSeconds: 180,
    targetAsaSeconds: null,
    maxOccupancy: 0.85,
    shrinkage: 0.3,
    patienceSeconds: null,
    maxAbandonRate: null,
    concurrency: 2,
    sortOrder: 2,
  },
];

const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

export function demoOpeningHours(): Omit<OpeningHoursRecord, 'id'>[] {
  const out: Omit<OpeningHoursRecord, 'id'>[] = [];
  for (const channel of DEMO_CHANNELS) {
    for (let weekday = 1; weekday <= 7; weekday += 1) {
      out.push({ channelId: channel.id, weekday, opens: hh(DEMO_OPEN_HOUR), closes: hh(DEMO_CLOSE_HOUR) });
    }
  }
  return out;
}

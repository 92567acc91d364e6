/**
 * What the rota page says about the forecasts behind its requirement: for each channel whose
 * accepted forecast for the week has been edited since its acceptance, the requirement still
 * comes from the forecast as accepted (forecast-for-week.ts), and the coordinator should know.
 */
import type { DataSource } from '../models';
import { editedSinceAcceptance, forecastsCovering } from '../models/repositories/forecasts';
import { listChannels } from '../models/repositories/settings';
import { weekRange } from '../forecasting/week';

export interface PendingForecastNote {
  channelId: string;
  nameKey: string;
  forecastId: number;
  acceptedAt: string | null;
  weekStart: string;
}

export async function pendingForecastNotes(
  ds: DataSource,
  q: { weekStart: string; zone: string; teamId?: number },
): Promise<PendingForecastNote[]> {
  const { from, to } = weekRange(q.weekStart, q.zone);
  const out: PendingForecastNote[] = [];
  for (const channel of await listChannels(ds, q.teamId)) {
    // The newest accepted forecast covering the week is the one the plan takes (forecastsCovering orders so).
    const [accepted] = await forecastsCovering(ds, { channelId: channel.id, from, to, statuses: ['accepted'] });
    if (accepted && editedSinceAcceptance(accepted))
      out.push({
        channelId: channel.id,
        nameKey: channel.nameKey,
        forecastId: accepted.id,
        acceptedAt: accepted.acceptedAt,
        weekStart: q.weekStart,
      });
  }
  return out;
}

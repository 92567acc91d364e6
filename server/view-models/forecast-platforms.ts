/** Template data of the platforms page (app/forecast-platforms.ts). */
import { z } from 'zod';
import type { PlatformsPageData } from '../../app/forecast-platforms';
import type { Translator } from '../i18n';
import { isoWeek, methodLabel } from './forecast';

export const PlatformsQuery = z.object({
  channel: z.string().max(32).optional().catch(undefined),
  week: isoWeek.optional().catch(undefined),
});

const trendClass = (trend: number | null) => (trend === null ? '' : trend > 0.05 ? 'up' : trend < -0.05 ? 'down' : 'flat');

export function platformsViewModel(d: PlatformsPageData, t: Translator) {
  return {
    zone: d.zone,
    channelTabs: d.channels.map((c) => ({ ...c, active: c.id === d.channelId })),
    channelId: d.channelId,
    channelNameKey: d.channels.find((c) => c.id === d.channelId)!.nameKey,
    weekStart: d.weekStart,
    prevWeek: d.prevWeek,
    nextWeek: d.nextWeek,
    dates: d.dates,
    hasPlatforms: d.platforms.length > 0,
    storedForecastId: d.storedForecastId,
    reconciliationLabel: d.reconciliation ? t(`forecast.platforms.reconciliation.${d.reconciliation}`) : null,
    scores: d.scores.map((s) => ({
      label: t(`forecast.platforms.reconciliation.${s.reconciliation}`),
      channelWape: s.channelWape,
      platformWape: s.platformWape,
      chosen: s.reconciliation === d.reconciliation,
    })),
    channel: { ...d.channel, trendClass: trendClass(d.channel.trend) },
    platforms: d.platforms.map((p) => ({
      ...p,
      label: p.code === '' ? t('forecast.platforms.unsplit') : (p.name ?? p.code),
      methodLabel: methodLabel(p.method, t),
      trendClass: trendClass(p.trend),
    })),
  };
}

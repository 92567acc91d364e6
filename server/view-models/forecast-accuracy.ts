/** Template data for the accuracy page. */
import { DateTime } from 'luxon';
import { warningText } from '../i18n/codes';
import { z } from 'zod';
import type { Translator } from '../i18n';
import type { AccuracyPageData } from '../../app/forecast-accuracy';
import { methodLabel } from './forecast';

export const AccuracyQuery = z.object({ weeks: z.coerce.number().int().min(1).max(12).catch(6).default(6) });

/**
 * Colour of a WAPE against copying last week's same interval on the same weeks: a fixed scale
 * would paint a small channel red for pure Poisson noise (20 contacts an hour alone give ≈ 18 %).
 */
function grade(wape: number, naive: number | undefined): string {
  if (!Number.isFinite(wape) || naive === undefined || !Number.isFinite(naive) || naive <= 0) return '';
  return wape < 0.95 * naive ? 'ok' : wape <= naive ? 'warn' : 'bad';
}

const monday = (date: string, zone: string) => DateTime.fromISO(date, { zone }).toUTC().toISO();

export function accuracyViewModel(d: AccuracyPageData, t: Translator) {
  return {
    weeks: d.weeks,
    weekOptions: [4, 6, 8, 12].map((n) => ({ n, selected: n === d.weeks })),
    hasHistory: d.before !== null,
    channels: d.channels.map((c) => {
      const naive = c.backtest?.methods.find((m) => m.method === 'seasonal-naive')?.wape;
      return {
        channelId: c.channelId,
        nameKey: c.nameKey,
        stored: c.stored.map((s) => ({
          ...s,
          start: monday(s.weekStart, d.zone),
          grade: grade(s.wape, naive),
          methodLabel: methodLabel(s.method, t),
        })),
        backtest: c.backtest && {
          weeks: c.backtest.weeks.map((w) => ({ ...w, start: monday(w.weekStart, d.zone), methodLabel: methodLabel(w.chosen, t) })),
          methods: c.backtest.methods.map((m) => ({
            ...m,
            label: m.method === 'auto' ? t('forecast.accuracy.auto') : methodLabel(m.method, t),
            isAuto: m.method === 'auto',
            grade: grade(m.wape, naive),
          })),
          warnings: c.backtest.warnings.map((w) => warningText(w, t, d.zone)),
        },
      };
    }),
  };
}

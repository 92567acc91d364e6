/** Template data for the accuracy page. */
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Translator } from '../i18n';
import type { AccuracyPageData } from '../use-cases/forecast-accuracy';
import { methodLabel } from './forecast';

export const AccuracyQuery = z.object({ weeks: z.coerce.number().int().min(1).max(12).catch(6).default(6) });

/** WAPE colour: under 10 % good, under 20 % fair, else poor (a contact-centre rule of thumb). */
function grade(wape: number): string {
  return !Number.isFinite(wape) ? '' : wape < 0.1 ? 'ok' : wape < 0.2 ? 'warn' : 'bad';
}

const monday = (date: string, zone: string) => DateTime.fromISO(date, { zone }).toUTC().toISO();

export function accuracyViewModel(d: AccuracyPageData, t: Translator) {
  return {
    weeks: d.weeks,
    weekOptions: [4, 6, 8, 12].map((n) => ({ n, selected: n === d.weeks })),
    hasHistory: d.before !== null,
    channels: d.channels.map((c) => ({
      channelId: c.channelId,
      nameKey: c.nameKey,
      stored: c.stored.map((s) => ({ ...s, start: monday(s.weekStart, d.zone), grade: grade(s.wape), methodLabel: methodLabel(s.method, t) })),
      backtest: c.backtest && {
        weeks: c.backtest.weeks.map((w) => ({ ...w, start: monday(w.weekStart, d.zone), grade: grade(w.wape), methodLabel: methodLabel(w.chosen, t) })),
        methods: c.backtest.methods.map((m) => ({ ...m, label: m.method === 'auto' ? t('forecast.accuracy.auto') : methodLabel(m.method, t), isAuto: m.method === 'auto', grade: grade(m.wape) })),
        warnings: c.backtest.warnings,
      },
    })),
  };
}

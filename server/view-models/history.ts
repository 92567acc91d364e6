/** Template data for the history chart and for the import preview/result. */
import { DateTime } from 'luxon';
import { hasMessage, type Locale, type Translator } from '../i18n';
import { lineChartSvg } from '../charts/line-chart';
import type { ImportHistoryResult } from '../../app/import-history';
import type { HistoryHour, HistoryWeek } from '../../app/history-week';

export type { HistoryHour, HistoryWeek };

interface DayTotal {
  date: string;
  hasData: boolean;
  offered: number;
  answered: number;
  abandoned: number;
  /** Some hour with contacts had no `answered` (`abandoned`) value: the day's total is unknown, not 0. */
  answeredMissing: boolean;
  abandonedMissing: boolean;
  handleSeconds: number;
  handled: number;
}

function dayTotals(hours: HistoryHour[], zone: string) {
  const days = new Map<string, DayTotal>();
  for (const h of hours) {
    const date = DateTime.fromISO(h.start, { zone }).toISODate()!;
    const d = days.get(date) ?? {
      date,
      hasData: false,
      offered: 0,
      answered: 0,
      abandoned: 0,
      answeredMissing: false,
      abandonedMissing: false,
      handleSeconds: 0,
      handled: 0,
    };
    if (h.offered !== null) {
      d.hasData = true;
      if (h.answered === null) d.answeredMissing = true;
      if (h.abandoned === null) d.abandonedMissing = true;
    }
    d.offered += h.offered ?? 0;
    d.answered += h.answered ?? 0;
    d.abandoned += h.abandoned ?? 0;
    if (h.ahtSeconds !== null && h.offered) {
      d.handleSeconds += h.ahtSeconds * (h.answered ?? h.offered);
      d.handled += h.answered ?? h.offered;
    }
    days.set(date, d);
  }
  return [...days.values()].map((d) => ({
    date: d.date,
    hasData: d.hasData,
    offered: d.offered,
    start: DateTime.fromISO(d.date, { zone }).toUTC().toISO(),
    ahtSeconds: d.handled ? d.handleSeconds / d.handled : null,
    answered: d.hasData && !d.answeredMissing ? d.answered : null,
    answeredUnknown: d.hasData && d.answeredMissing,
    abandonRate: d.offered && !d.abandonedMissing ? d.abandoned / d.offered : null,
    abandonUnknown: d.hasData && d.abandonedMissing,
  }));
}

function platformRows(c: HistoryWeek['channels'][number], t: Translator) {
  return c.platforms.map((p) => ({
    name: p.code === '' ? t('history.platformNone') : (p.name ?? p.code),
    volume: p.volume,
    share: p.share,
    answered: p.answered,
    answeredUnknown: p.answered === null,
    abandonRate: p.abandoned !== null && p.volume > 0 ? p.abandoned / p.volume : null,
    abandonUnknown: p.abandoned === null,
  }));
}

export function historyWeekViewModel(w: HistoryWeek, t: Translator, locale: Locale) {
  const fmtLocale = locale === 'ka' ? 'ka-GE' : 'en-GB';
  const channels = w.channels.map((c) => {
    const labels = c.hours.map((h) => DateTime.fromISO(h.start, { zone: w.zone }).setLocale(fmtLocale).toFormat('ccc d'));
    const chart = lineChartSvg({
      title: t('history.chartTitle', { channel: t(`channel.${c.channel}`) }),
      xLabels: labels,
      labelEvery: Math.max(1, Math.round(c.hours.length / 7)),
      series: [{ label: t('history.offered'), values: c.hours.map((h) => h.offered), className: `series-${c.channel}` }],
    });
    const days = dayTotals(c.hours, w.zone);
    const platforms = platformRows(c, t);
    return {
      channel: c.channel,
      nameKey: `channel.${c.channel}`,
      chart,
      days,
      total: days.reduce((s, d) => s + d.offered, 0),
      platforms,
      // One unsplit row set is no breakdown: the table shows only when there is a platform to tell.
      showPlatforms: platforms.length > 1 || c.platforms.some((p) => p.code !== ''),
    };
  });
  const anyUnknown = channels.some((c) => c.days.some((d) => d.answeredUnknown || d.abandonUnknown));
  return { ...w, channels, hasData: w.weekStart !== null, anyUnknown };
}

/** What an import answers: its summary, or every bad row (the use case's own result type). */
export type ImportResult = ImportHistoryResult;

export function importResultViewModel(result: ImportResult, isPreview: boolean, t: Translator) {
  if (result.ok) return { preview: isPreview, summary: result.summary, hasOverlap: result.summary.overlapCount > 0 };
  return {
    failed: true,
    // The reader names each problem by a code; its English message stays as the fallback.
    errors: result.errors.map((e) => {
      const key = `import.err.${e.code}`;
      return { ...e, message: e.code && hasMessage(key) ? t(key, e.params) : e.message };
    }),
    errorCount: result.errorCount,
    moreErrors: result.errorCount > result.errors.length ? result.errorCount - result.errors.length : 0,
    overlapCount: result.overlapCount ?? 0,
    overlapFirst: result.overlapFirst ?? null,
    overlapLast: result.overlapLast ?? null,
  };
}

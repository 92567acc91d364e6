/** Template data for the adjustment preview: the chart before and after, and the totals. */
import { DateTime } from 'luxon';
import type { Locale, Translator } from '../i18n';
import { lineChartSvg } from '../charts/line-chart';
import type { AdjustPreview } from '../../app/forecast-edit';

export function adjustPreviewViewModel(p: AdjustPreview, t: Translator, locale: Locale, zone: string) {
  const fmtLocale = locale === 'ka' ? 'ka-GE' : 'en-GB';
  const perDay = p.points.length > 0 ? Math.max(1, Math.round(p.points.length / Math.max(1, daysOf(p)))) : 1;
  const chart = lineChartSvg({
    title: t('forecast.preview.chartTitle'),
    xLabels: p.points.map((x) => DateTime.fromISO(x.start, { zone }).setLocale(fmtLocale).toFormat('ccc HH:mm')),
    // One label every quarter of a day: the preview spans a few days at most.
    labelEvery: Math.max(1, Math.round(perDay / 4)),
    series: [
      { label: t('forecast.preview.before'), values: p.points.map((x) => x.before), className: 'series-model', dashed: true },
      { label: t('forecast.preview.after'), values: p.points.map((x) => x.after), className: 'series-forecast' },
    ],
    height: 220,
  });
  const change = p.totalBefore > 0 ? (p.totalAfter - p.totalBefore) / p.totalBefore : null;
  return {
    chart,
    changed: p.changed,
    totalBefore: p.totalBefore,
    totalAfter: p.totalAfter,
    change,
    fromStart: p.fromStart,
    toStart: p.toStart,
  };
}

function daysOf(p: AdjustPreview): number {
  if (p.points.length === 0) return 1;
  const first = Date.parse(p.points[0].start);
  const last = Date.parse(p.points[p.points.length - 1].start);
  return Math.max(1, Math.round((last - first) / 86_400_000) + 1);
}

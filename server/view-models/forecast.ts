/** Template data for the forecast page: chart, model choice, shapes, adjustments, forms. */
import { DateTime } from 'luxon';
import { notesText, warningText } from '../i18n/codes';
import { z } from 'zod';
import { hasMessage, type Locale, type Translator } from '../i18n';
import { lineChartSvg, type ChartSeries } from '../charts/line-chart';
import type { ForecastPageData } from '../../app/forecast-page';
import type { ForecastWeekPoint } from '../../app/forecast-for-week';
import { GENERATE_WEEKS } from '../../app/forecast-page';
import { intervalStarts } from '../../app/forecast-for-week';
import { isoLocalDateTime } from './dates';

// A real calendar date: '2026-02-30' fits the pattern but is no day at all.
export const isoWeek = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => DateTime.fromISO(v).isValid);

export const ForecastQuery = z.object({
  channel: z.string().max(32).optional().catch(undefined),
  week: isoWeek.optional().catch(undefined),
  forecast: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  span: z.coerce.number().int().min(1).max(6).optional().catch(undefined),
});

export const GenerateForm = z.object({
  channel: z.string().max(32).default('all'),
  week: z
    .union([isoWeek, z.literal('')])
    .optional()
    .transform((v) => v || null),
});

export const AcceptForm = z.object({ version: z.coerce.number().int().min(0).max(2_147_483_647) });

/**
 * 'YYYY-MM-DD HH:MM' typed in a text field (a datetime picker follows the browser's locale, AM/PM
 * on a Georgian page), or with the ISO 'T'; kept as 'YYYY-MM-DDTHH:MM' and checked on the calendar.
 */
const localDateTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}[T ]([01]\d|2[0-3]):[0-5]\d$/, 'forecast.error.date')
  .transform((v) => v.replace(' ', 'T'))
  .pipe(isoLocalDateTime('forecast.error.date'));

/** The bounds of each unit: × 0 to × 10, −100 % to +900 % (the same span), 0 to 1,000,000 contacts. */
const UNIT_BOUNDS = { factor: [0, 10], percent: [-100, 900], set: [0, 1e6] } as const;

/** The adjustment's unit and number: explicit, so 1.15 typed as a factor is never read as 1.15 %. */
const AdjustValue = {
  unit: z.enum(['factor', 'percent', 'set'], { message: 'forecast.error.unit' }),
  value: z.coerce.number({ message: 'forecast.error.value' }).finite('forecast.error.value'),
  /** '' = the whole channel; a platform's code = only its part (the use case refuses a code the team does not know). */
  platform: z.string().trim().max(32, 'forecast.error.platform').default(''),
};

const inBounds = (f: { unit: keyof typeof UNIT_BOUNDS; value: number }) =>
  f.value >= UNIT_BOUNDS[f.unit][0] && f.value <= UNIT_BOUNDS[f.unit][1];

export const AdjustForm = z
  .object({
    version: z.coerce.number().int().min(0).max(2_147_483_647),
    ...AdjustValue,
    from: localDateTime,
    to: localDateTime,
    note: z.string().trim().max(500, 'forecast.error.note').default(''),
    week: isoWeek.optional(),
  })
  .refine(inBounds, { path: ['value'], message: 'forecast.error.value' })
  .refine((f) => f.to > f.from, { path: ['to'], message: 'forecast.error.range' });

/** The preview takes the same fields without the version and note. */
export const AdjustPreviewForm = z
  .object({ ...AdjustValue, from: localDateTime, to: localDateTime })
  .refine(inBounds, { path: ['value'], message: 'forecast.error.value' })
  .refine((f) => f.to > f.from, { path: ['to'], message: 'forecast.error.range' });

export const UndoForm = z.object({ version: z.coerce.number().int().min(0).max(2_147_483_647), week: isoWeek.optional() });

export type AdjustFormData = z.infer<typeof AdjustForm>;

/** field → message key. */
export function formErrors(error: z.ZodError, prefix: string, fallback: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    out[field] ??= issue.message.startsWith(prefix) ? issue.message : fallback;
  }
  return out;
}

export function methodLabel(method: string, t: Translator): string {
  const key = `forecast.method.${method}`;
  return hasMessage(key) ? t(key) : method;
}

const fmt3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');

function chosenBecause(d: ForecastPageData, t: Translator): string {
  const best = d.candidates.find((c) => c.method === d.method);
  if (!best || !Number.isFinite(best.wape)) return d.candidates.length ? '' : t('forecast.model.none');
  const naive = d.candidates.find((c) => c.method === 'seasonal-naive');
  return naive && naive.method !== d.method
    ? t('forecast.model.becauseNaive', { wape: fmt3(best.wape), naive: fmt3(naive.wape) })
    : t('forecast.model.because', { wape: fmt3(best.wape) });
}

function mainChart(d: ForecastPageData, t: Translator, locale: Locale): string {
  const starts = intervalStarts(d.chartFrom, d.chartTo, d.intervalMinutes);
  const actualAt = new Map(d.actuals.map((a) => [Date.parse(a.start), a.volume]));
  const pointAt = new Map(d.chartForecast.map((p) => [Date.parse(p.start), p]));
  const adjusted = (d.resolved.values ?? []).some((v) => v.adjustedVolume !== null);
  const modelAt = new Map((d.resolved.values ?? []).map((v) => [Date.parse(v.start), v.volume]));
  const lastActual = d.actuals.length ? Date.parse(d.actuals[d.actuals.length - 1].start) : -Infinity;
  const weekFrom = Date.parse(d.weekFrom);
  const fmtLocale = locale === 'ka' ? 'ka-GE' : 'en-GB';
  const ms = starts.map((s) => Date.parse(s));
  // Bands from the shown week on: over the earlier weeks they would hide the actuals.
  const band = (f: (p: ForecastWeekPoint) => number) => ms.map((m) => (m >= weekFrom && pointAt.has(m) ? f(pointAt.get(m)!) : null));
  const series: ChartSeries[] = [
    // Closed hours have no row: draw them as 0 up to the last stored interval, not as gaps.
    {
      label: t('forecast.series.actual'),
      values: ms.map((m) => actualAt.get(m) ?? (m <= lastActual ? 0 : null)),
      className: 'series-actual',
    },
  ];
  // The model before adjustments goes under the forecast, which is drawn last, on top.
  if (adjusted)
    series.push({
      label: t('forecast.series.model'),
      values: ms.map((m) => modelAt.get(m) ?? null),
      className: 'series-model',
      dashed: true,
    });
  series.push({
    label: t('forecast.series.forecast'),
    values: ms.map((m) => pointAt.get(m)?.volume ?? null),
    className: 'series-forecast',
  });
  const channel = d.channels.find((c) => c.id === d.channelId)!;
  return lineChartSvg({
    title: t('forecast.chartTitle', { channel: t(channel.nameKey) }),
    xLabels: starts.map((s) => DateTime.fromISO(s, { zone: d.zone }).setLocale(fmtLocale).toFormat('ccc d')),
    // One label every other day (every week beyond 6 weeks): daily labels overlap.
    labelEvery: ((starts.length > 6 * 7 * (1440 / d.intervalMinutes) ? 7 : 2) * 1440) / d.intervalMinutes,
    series,
    bands: [
      { label: t('forecast.band95'), lower: band((p) => p.lower95), upper: band((p) => p.upper95), fill: 'rgba(201, 106, 0, 0.14)' },
      { label: t('forecast.band80'), lower: band((p) => p.lower80), upper: band((p) => p.upper80), fill: 'rgba(201, 106, 0, 0.28)' },
    ],
    markerAt: ms.indexOf(weekFrom),
    height: 300,
  });
}

function dayRows(d: ForecastPageData) {
  const days = new Map<string, { start: string; forecast: number; model: number; actual: number | null }>();
  const dayOf = (iso: string) => DateTime.fromISO(iso, { zone: d.zone }).toISODate()!;
  const row = (iso: string) => {
    const key = dayOf(iso);
    let r = days.get(key);
    if (!r) days.set(key, (r = { start: DateTime.fromISO(key, { zone: d.zone }).toUTC().toISO()!, forecast: 0, model: 0, actual: null }));
    return r;
  };
  d.resolved.currentPoints.forEach((p, i) => {
    const r = row(p.start);
    r.forecast += p.volume;
    r.model += d.resolved.values?.[i]?.volume ?? p.volume;
  });
  for (const a of d.actuals) {
    if (a.start < d.weekFrom || a.start >= d.weekTo) continue;
    const r = row(a.start);
    r.actual = (r.actual ?? 0) + a.volume;
  }
  const adjusted = (d.resolved.values ?? []).some((v) => v.adjustedVolume !== null);
  return {
    adjusted,
    days: [...days.values()].map((r) => ({
      ...r,
      adjusted: Math.abs(r.model - r.forecast) > 1e-9,
      error: r.actual !== null && r.actual > 0 ? (r.forecast - r.actual) / r.actual : null,
    })),
  };
}

function shapes(d: ForecastPageData, t: Translator) {
  if (!d.shapes) return null;
  const maxShare = Math.max(...d.shapes.weekly.map((w) => w.share), 1e-9);
  const weekly = d.shapes.weekly.map((w) => ({
    dayKey: `weekday.${w.weekday + 1}`,
    meanTotal: w.meanTotal,
    share: w.share,
    bar: Number(((6 * w.share) / maxShare).toFixed(2)),
  }));
  const open = d.shapes.daily.filter((s) => s.slots.some((x) => x.share > 0));
  const chart = open.length
    ? lineChartSvg({
        title: t('forecast.shape.dailyTitle'),
        xLabels: open[0].slots.map((s) => s.time),
        labelEvery: Math.max(1, (2 * 60) / d.intervalMinutes),
        series: open.map((s) => ({
          label: t(`weekday.short.${s.weekday + 1}`),
          values: s.slots.map((x) => 100 * x.share),
          className: `series-wd${s.weekday + 1}`,
        })),
        height: 220,
      })
    : null;
  return { weekly, chart };
}

/** The change in the unit it was made in: "× 1.15", "+15 %", "set to 40 per interval". */
function changeText(a: ForecastPageData['adjustments'][number], t: Translator): string {
  const entered = a.entered ?? a.value;
  if (a.unit === 'percent')
    return t('forecast.adjustments.percent', { percent: `${entered >= 0 ? '+' : ''}${Number(entered.toFixed(2))}` });
  if (a.kind === 'set') return t('forecast.adjustments.set', { value: Number(a.value.toFixed(2)) });
  return t('forecast.adjustments.scale', { factor: Number(a.value.toFixed(4)) });
}

function adjustmentRows(d: ForecastPageData, t: Translator, canEdit: boolean) {
  const editable = canEdit && d.resolved.forecast?.status !== 'superseded';
  return d.adjustments.map((a, i) => ({
    ...a,
    number: i + 1,
    undone: a.undoneAt !== null,
    canUndo: editable && a.undoneAt === null,
    canRestore: editable && a.undoneAt !== null,
    change: changeText(a, t),
    platformName: a.platformCode ? (d.platforms.find((p) => p.code === a.platformCode)?.name ?? a.platformCode) : null,
  }));
}

function summary(d: ForecastPageData) {
  const pts = d.resolved.currentPoints;
  const total = pts.reduce((s, p) => s + p.volume, 0);
  const peak = pts.reduce<(typeof pts)[number] | null>((best, p) => (!best || p.volume > best.volume ? p : best), null);
  let work = 0;
  let weight = 0;
  for (const p of pts)
    if (p.ahtSeconds !== null && p.volume > 0) {
      work += p.ahtSeconds * p.volume;
      weight += p.volume;
    }
  return { total, peak, ahtSeconds: weight > 0 ? work / weight : null };
}

export interface AdjustFormState {
  values: { unit: string; value: string; platform: string; from: string; to: string; note: string };
  errors: Record<string, string>;
}

export function defaultAdjustForm(weekStart: string): AdjustFormState {
  const next = DateTime.fromISO(weekStart).plus({ days: 1 }).toISODate();
  return { values: { unit: 'factor', value: '', platform: '', from: `${weekStart} 00:00`, to: `${next} 00:00`, note: '' }, errors: {} };
}

export function forecastPageViewModel(d: ForecastPageData, t: Translator, locale: Locale, canEdit: boolean, adjust?: AdjustFormState) {
  const f = d.resolved.forecast;
  const status = d.resolved.status;
  const pending = d.resolved.pendingEdits;
  // Accepted and edited since: the badge says so, and accepting again is offered.
  const statusName = pending ? 'acceptedEdited' : status;
  const { adjusted, days } = dayRows(d);
  return {
    channelTabs: d.channels.map((c) => ({ ...c, active: c.id === d.channelId })),
    channelId: d.channelId,
    weekStart: d.weekStart,
    weekFrom: d.weekFrom,
    span: d.span,
    spanOptions: [1, 2, 4, 6].map((n) => ({ n, selected: n === d.span })),
    prevWeek: d.prevWeek,
    nextWeek: d.nextWeek,
    historyFirst: d.historyFirst,
    historyLast: d.historyLast,
    hasHistory: d.historyLast !== null,
    status,
    statusKey: `forecast.status.${statusName}`,
    statusNoteKey: `forecast.statusNote.${statusName}`,
    statusBadge: status === 'accepted' && !pending ? 'ok' : status === 'superseded' ? 'bad' : 'warn',
    pendingEdits: pending,
    forecast: f,
    canEdit,
    canAccept: canEdit && f !== null && (f.status === 'draft' || pending),
    canAdjust: canEdit && f !== null && f.status !== 'superseded',
    chart: mainChart(d, t, locale),
    summary: summary(d),
    days,
    adjusted,
    methodLabel: d.method ? methodLabel(d.method, t) : '',
    chosenBecause: chosenBecause(d, t),
    engineNote: notesText(d.chosenBecause, t, d.zone),
    candidates: d.candidates.map((c) => ({ ...c, label: methodLabel(c.method, t), chosen: c.method === d.method })),
    warnings: d.warnings.map((w) => warningText(w, t, d.zone)),
    specialDays: d.specialDays.map((s) => ({
      ...s,
      start: DateTime.fromISO(s.date, { zone: d.zone }).toUTC().toISO(),
      factor: s.factor === null ? null : Number(s.factor.toFixed(2)),
    })),
    shapes: shapes(d, t),
    adjustments: adjustmentRows(d, t, canEdit),
    forecasts: d.forecasts.map((x) => ({
      ...x,
      statusKey: `forecast.status.${x.status}`,
      methodLabel: methodLabel(x.method, t),
      shown: f?.id === x.id,
      weeks: Math.round((Date.parse(x.horizonEnd) - Date.parse(x.horizonStart)) / (7 * 86_400_000)),
    })),
    adjust: adjust ?? defaultAdjustForm(d.weekStart),
    platforms: d.platforms,
    generate: { firstWeek: d.planningWeek, weeks: GENERATE_WEEKS },
  };
}

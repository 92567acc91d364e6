/**
 * Template data of the week's projected service (views/partials/week-service.hbs): the one
 * table every page that shows service figures for a week renders, from app/week-projection.
 * Each figure cell carries `data-figure`, `data-channel`, `data-day` and the rounded value in
 * `data-value`, so tests (and scripts) compare pages on the same numbers.
 */
import { DateTime } from 'luxon';
import type { WeekProjectionView } from '../../app/week-projection';
import type { PeriodFigures } from '../../staffing';

export const SERVICE_FIGURES = ['sl', 'asa', 'abandon', 'occupancy', 'neededOnQueue', 'neededOnRota', 'onQueue', 'short', 'risk'] as const;
export type ServiceFigure = (typeof SERVICE_FIGURES)[number];

const round = (v: number | null, digits: number) => (v === null || !Number.isFinite(v) ? null : Number(v.toFixed(digits)));

/** The figures of one period, rounded as shown (shares to 3 decimals, seconds and hours to 1). */
export function figureValues(p: PeriodFigures): Record<ServiceFigure, number | null> {
  return {
    sl: round(p.serviceLevel, 3),
    asa: round(p.asaSeconds, 0),
    abandon: round(p.abandonRate, 3),
    occupancy: round(p.occupancy, 3),
    neededOnQueue: round(p.neededOnQueueHours, 1),
    neededOnRota: round(p.neededOnRotaHours, 1),
    onQueue: round(p.onQueueHours, 1),
    short: round(p.shortHours, 1),
    // A day's or week's risk: the volume-weighted chance of its intervals missing (missRisk), as
    // the intraday page's rest of the day and the scenario comparison show it.
    risk: round(p.missRisk, 2),
  };
}

const KIND: Record<ServiceFigure, 'percent' | 'seconds' | 'hours'> = {
  sl: 'percent',
  asa: 'seconds',
  abandon: 'percent',
  occupancy: 'percent',
  neededOnQueue: 'hours',
  neededOnRota: 'hours',
  onQueue: 'hours',
  short: 'hours',
  risk: 'percent',
};

function cells(p: PeriodFigures, day: string) {
  const v = figureValues(p);
  return Object.fromEntries(SERVICE_FIGURES.map((f) => [f, { value: v[f], day, kind: KIND[f], missing: v[f] === null }]));
}

export function weekServiceView(v: WeekProjectionView, o: { figures?: readonly ServiceFigure[] } = {}) {
  const figures = o.figures ?? SERVICE_FIGURES;
  const channels = v.summary
    .filter((c) => c.week.volume > 0 || c.week.onQueueHours > 0)
    .map((c) => {
      const nameKey = v.channels.find((x) => x.id === c.channel)?.nameKey ?? `channel.${c.channel}`;
      const days = c.days.map((d) => ({ date: d.date, weekday: DateTime.fromISO(d.date).weekday, cells: cells(d, d.date) }));
      const week = cells(c.week, 'week');
      return {
        channel: c.channel,
        nameKey,
        days,
        rows: figures.map((f) => ({
          figure: f,
          labelKey: `service.row.${f}`,
          cells: [...days.map((d) => d.cells[f]!), week[f]!],
        })),
      };
    });
  return {
    weekStart: v.weekStart,
    staffingSource: v.staffingSource,
    rota: v.rota ? { revision: v.rota.revision, statusKey: `rota.status.${v.rota.status}` } : null,
    absence: v.absenceRate,
    channels,
    hasChannels: channels.length > 0,
  };
}

export type WeekServiceView = ReturnType<typeof weekServiceView>;

/** Bands shown under a risk threshold: consecutive intervals of a channel and day with P(miss) ≥ this. */
const BAND_MISS = 0.3;

/**
 * Where the target is at risk: runs of consecutive intervals (one channel, one day) whose
 * chance of missing the service-level target is at least 30 %, worst first, as sentences
 * ("Saturday 14:00–16:00: 35 % chance of missing 80 % in 20 s").
 */
export function riskBands(v: WeekProjectionView, t: (key: string, params?: Record<string, unknown>) => string, limit = 8) {
  const step = v.intervalMinutes * 60_000;
  const bands: { channel: string; from: number; to: number; miss: number }[] = [];
  for (const c of v.channels) {
    let open: (typeof bands)[number] | null = null;
    for (const r of v.projection.rows.filter((x) => x.channel === c.id)) {
      const miss = r.pMeet === null ? 0 : 1 - r.pMeet;
      const at = Date.parse(r.start);
      const sameDay = open && DateTime.fromMillis(open.from, { zone: v.zone }).hasSame(DateTime.fromMillis(at, { zone: v.zone }), 'day');
      if (miss >= BAND_MISS && open && open.to === at && sameDay) {
        open.to = at + step;
        open.miss = Math.max(open.miss, miss);
      } else if (miss >= BAND_MISS) {
        open = { channel: c.id, from: at, to: at + step, miss };
        bands.push(open);
      } else open = null;
    }
  }
  return bands
    .sort((a, b) => b.miss - a.miss || a.from - b.from)
    .slice(0, limit)
    .map((b) => {
      const c = v.channels.find((x) => x.id === b.channel)!;
      const from = DateTime.fromMillis(b.from, { zone: v.zone });
      const to = DateTime.fromMillis(b.to, { zone: v.zone });
      const time = `${t(`weekday.${from.weekday}`)} ${from.toFormat('HH:mm')}–${to.toFormat('HH:mm')}`;
      return {
        channel: b.channel,
        nameKey: c.nameKey,
        miss: Number(b.miss.toFixed(2)),
        text: t('service.riskBand', {
          time,
          pct: `${Math.round(b.miss * 100)} %`,
          sl: `${Math.round((c.targetServiceLevel ?? 0) * 100)} %`,
          seconds: c.thresholdSeconds ?? 0,
        }),
      };
    });
}

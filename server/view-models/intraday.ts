/**
 * Template data for the intraday page: per channel a table of today's intervals (local times),
 * the rest-of-day projection with its risk, and the high-risk stretches as alerts.
 */
import { DateTime } from 'luxon';
import type { Locale, Translator } from '../i18n';
import type { IntradayChannel, IntradayDay, IntradayRow } from '../../app/intraday-today';

function formatters(locale: Locale) {
  const tag = locale === 'ka' ? 'ka-GE' : 'en-GB';
  const n = (digits: number) => new Intl.NumberFormat(tag, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const pct = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  return { n0: n(0), n1: n(1), n2: n(2), pct };
}

type F = ReturnType<typeof formatters>;
const orDash = (x: number | null, fmt: (v: number) => string) => (x === null || !Number.isFinite(x) ? '—' : fmt(x));

function rowView(r: IntradayRow, zone: string, f: F) {
  return {
    time: DateTime.fromISO(r.start, { zone }).toFormat('HH:mm'),
    when: r.when,
    forecast: f.n1.format(r.forecast),
    actual: orDash(r.actual, (v) => f.n0.format(v)),
    reforecast: orDash(r.reforecast, (v) => f.n1.format(v)),
    needed: r.needed,
    scheduled: f.n0.format(r.scheduled),
    onQueue: f.n0.format(r.onQueue),
    short: r.onQueue < r.needed,
    serviceLevel: orDash(r.serviceLevel, (v) => f.pct.format(v)),
    asa: orDash(r.asaSeconds, (v) => f.n0.format(v)),
    pMeet: orDash(r.pMeet, (v) => f.pct.format(v)),
    risk: r.risk,
  };
}

function channelView(c: IntradayChannel, zone: string, t: Translator, f: F) {
  const time = (iso: string) => DateTime.fromISO(iso, { zone }).toFormat('HH:mm');
  const target = c.channel.targetServiceLevel;
  return {
    id: c.channel.id,
    name: t(c.channel.nameKey),
    target: orDash(target, (v) => f.pct.format(v)),
    threshold: c.channel.thresholdSeconds ?? '—',
    rows: c.rows.filter((r) => r.forecast > 0 || r.actual !== null || r.needed > 0 || r.onQueue > 0).map((r) => rowView(r, zone, f)),
    rest: {
      serviceLevel: orDash(c.restOfDay.serviceLevel, (v) => f.pct.format(v)),
      pMeet: orDash(c.restOfDay.pMeet, (v) => f.pct.format(v)),
      asa: orDash(c.restOfDay.asaSeconds, (v) => f.n0.format(v)),
      risk: c.restOfDay.risk,
    },
    soFar: { actual: f.n0.format(c.actualSoFar), forecast: f.n1.format(c.forecastSoFar) },
    update: c.update
      ? {
          multiplier: f.n2.format(c.update.multiplier),
          kappa: Number.isFinite(c.update.kappa) ? f.n2.format(c.update.kappa) : '∞',
          byBacktest: c.update.from === 'backtest',
        }
      : null,
    alerts: c.alerts.map((a) => ({
      from: time(a.from),
      to: time(a.to),
      serviceLevel: orDash(a.serviceLevel, (v) => f.pct.format(v)),
      pMeet: orDash(a.pMeet, (v) => f.pct.format(v)),
    })),
  };
}

export function intradayViewModel(d: IntradayDay, t: Translator, locale: Locale) {
  const f = formatters(locale);
  const now = DateTime.fromISO(d.current, { zone: d.zone });
  return {
    date: now.setLocale(locale === 'ka' ? 'ka' : 'en-GB').toFormat('cccc d LLLL'),
    current: now.toFormat('HH:mm'),
    rota: d.rota,
    channels: d.channels.map((c) => channelView(c, d.zone, t, f)),
    anyAlert: d.channels.some((c) => c.alerts.length > 0),
  };
}

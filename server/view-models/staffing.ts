/**
 * Template data for the week's requirement: per channel an interval × day heat map of
 * scheduled agents (colour by value, numbers in the cells, a tooltip with the interval's
 * forecast and projected service), day totals, and the team's hours against the need.
 */
import { DateTime } from 'luxon';
import type { Locale, Translator } from '../i18n';
import type { RequirementRow, StaffingWeekPage } from '../../app/requirement-for-week';
import { riskBands, weekServiceView } from './week-service';

const HUE: Record<string, number> = { voice: 214, chat: 268 };

/** Background from white-ish (0) to deep (the channel's peak); light text on dark cells. */
export function heatStyle(value: number, max: number, kind: string): string {
  if (value <= 0 || max <= 0) return '';
  const lightness = Math.round(95 - (value / max) * 57);
  const ink = lightness < 60 ? '#fff' : 'var(--ink)';
  return `background:hsl(${HUE[kind] ?? 180},62%,${lightness}%);color:${ink}`;
}

function formatters(locale: Locale) {
  const tag = locale === 'ka' ? 'ka-GE' : 'en-GB';
  const n = (digits: number) => new Intl.NumberFormat(tag, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const pct = new Intl.NumberFormat(tag, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return { tag, n0: n(0), n1: n(1), pct };
}

function cellTitle(r: RequirementRow, when: string, t: Translator, f: ReturnType<typeof formatters>): string {
  const params = {
    when,
    volume: f.n1.format(r.volume),
    aht: f.n0.format(r.ahtSeconds),
    raw: r.rawAgents,
    scheduled: r.scheduledAgents,
    sl: f.pct.format(r.serviceLevel),
    asa: f.n1.format(r.asaSeconds),
    occupancy: f.pct.format(r.occupancy),
  };
  const base = t('staffing.cellTitle', params);
  return r.abandonRate === null ? base : `${base}\n${t('staffing.cellAbandon', { abandon: f.pct.format(r.abandonRate) })}`;
}

interface Cell {
  /** Needed on the rota (after shrinkage): the shade. */
  value: number;
  /** Needed on the queue (before shrinkage): what the rota page counts against. */
  queue: number;
  style: string;
  title: string;
  empty: boolean;
}

function channelHeatmap(rows: RequirementRow[], kind: string, page: StaffingWeekPage, t: Translator, f: ReturnType<typeof formatters>) {
  const zone = page.zone;
  const hours = page.requirement.intervalMinutes / 60;
  const max = Math.max(0, ...rows.map((r) => r.scheduledAgents));
  const byTime = new Map<string, (Cell | null)[]>();
  const dayHours = [0, 0, 0, 0, 0, 0, 0];
  const dayQueueHours = [0, 0, 0, 0, 0, 0, 0];
  const dayVolume = [0, 0, 0, 0, 0, 0, 0];
  for (const r of rows) {
    const dt = DateTime.fromISO(r.start, { zone }).setLocale(f.tag);
    const day = dt.weekday - 1;
    const time = dt.toFormat('HH:mm');
    const line = byTime.get(time) ?? [null, null, null, null, null, null, null];
    line[day] = {
      value: r.scheduledAgents,
      queue: r.rawAgents,
      style: heatStyle(r.scheduledAgents, max, kind),
      title: cellTitle(r, dt.toFormat('ccc d MMM, HH:mm'), t, f),
      empty: r.scheduledAgents === 0 && r.volume === 0,
    };
    byTime.set(time, line);
    dayHours[day] += r.scheduledAgents * hours;
    dayQueueHours[day] += r.rawAgents * hours;
    dayVolume[day] += r.volume;
  }
  let lines = [...byTime.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([time, cells]) => ({ time, cells }));
  // Closed early and late hours: keep only from the first to the last row with any need.
  const busy = (l: (typeof lines)[number]) => l.cells.some((c) => c && !c.empty);
  const first = lines.findIndex(busy);
  const last = lines.length - 1 - [...lines].reverse().findIndex(busy);
  lines = first < 0 ? [] : lines.slice(first, last + 1);
  return { lines, max, dayHours, dayQueueHours, dayVolume, hasNeed: first >= 0 };
}

/** Volume-weighted service over the week (closed intervals carry no weight). */
function weekService(rows: RequirementRow[]) {
  const volume = rows.reduce((s, r) => s + r.volume, 0);
  const w = (pick: (r: RequirementRow) => number) => (volume > 0 ? rows.reduce((s, r) => s + pick(r) * r.volume, 0) / volume : null);
  const abandon = rows.some((r) => r.abandonRate !== null) ? w((r) => r.abandonRate ?? 0) : null;
  return {
    volume,
    serviceLevel: w((r) => r.serviceLevel),
    asaSeconds: w((r) => r.asaSeconds),
    occupancy: w((r) => r.occupancy),
    abandonRate: abandon,
  };
}

const STATUS_CLASS: Record<string, string> = { accepted: 'ok', draft: 'warn', computed: 'bad' };

export function staffingWeekViewModel(page: StaffingWeekPage, t: Translator, locale: Locale) {
  const f = formatters(locale);
  const req = page.requirement;
  const monday = DateTime.fromISO(req.weekStart, { zone: page.zone });
  const days = [0, 1, 2, 3, 4, 5, 6].map((i) => ({ start: monday.plus({ days: i }).toUTC().toISO()! }));
  const channels = page.channels.map((c) => {
    const rows = req.rows.filter((r) => r.channel === c.id);
    const status = req.forecastStatus[c.id] ?? 'computed';
    const cap = page.capacity.channels.find((x) => x.channel === c.id);
    return {
      id: c.id,
      nameKey: c.nameKey,
      statusKey: `staffing.forecast.${status}`,
      statusClass: STATUS_CLASS[status] ?? '',
      stale: req.staleChannels.includes(c.id),
      isChat: c.concurrency > 1,
      concurrency: c.concurrency,
      heatmap: channelHeatmap(rows, c.kind, page, t, f),
      week: weekService(rows),
      rawAgentHours: cap?.rawAgentHours ?? 0,
      scheduledAgentHours: cap?.scheduledAgentHours ?? 0,
    };
  });
  const cap = page.capacity;
  const capacityRows = cap.channels.map((c) => {
    const contract = c.dedicatedContractHours + c.sharedContractHours;
    return {
      nameKey: `channel.${c.channel}`,
      rawAgentHours: c.rawAgentHours,
      scheduledAgentHours: c.scheduledAgentHours,
      dedicatedPeople: c.dedicatedPeople,
      sharedPeople: c.sharedPeople,
      dedicatedNet: c.dedicatedContractHours * (1 - c.shrinkage),
      upToNet: contract * (1 - c.shrinkage),
      shrinkage: c.shrinkage,
      short: c.rawAgentHours > contract * (1 - c.shrinkage) + 1e-9,
    };
  });
  const balance = cap.availableAgentHours - cap.rawAgentHours;
  return {
    weekStart: req.weekStart,
    prevWeek: page.prevWeek,
    nextWeek: page.nextWeek,
    source: req.source,
    storedAt: req.storedAt,
    storedAtOnFile: page.storedAtOnFile ?? '',
    intervalMinutes: req.intervalMinutes,
    days,
    channels,
    capacity: { ...cap, rows: capacityRows, balance, short: balance < 0, balanceAbs: Math.abs(balance) },
    service: weekServiceView(page.service),
    riskBands: riskBands(page.service, t),
  };
}

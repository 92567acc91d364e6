/**
 * The what-if form (query parameters, shareable; POST adds a name to save) and the template
 * data: per channel, the week's baseline vs scenario (Erlang, and the simulator with 95 %
 * confidence intervals), and the intervals of each day.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Locale, Translator } from '../i18n';
import type { ScenarioInput, ScenarioPage, ScenarioResult } from '../../app/scenario-run';
import type { IntervalMetrics, SimFigures, WeekFigures } from '../../staffing';
import { riskBands, weekServiceView } from './week-service';
import { takesView } from './scenario-takes';
import { LEVER_FIELD, leverChips, leverFields, leverValues, parseLevers } from './scenario-levers';

function percentChange(key: string) {
  return z
    .string()
    .trim()
    .max(12)
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw === '') return 0;
      const v = Number(raw.replace(',', '.').replace(/^\+/, ''));
      if (!Number.isFinite(v) || v < -90 || v > 300) ctx.addIssue({ code: 'custom', message: key });
      return v;
    });
}

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** Rows of "who is off, which days" on the form. */
export const ABSENCE_ROWS = 4;

function list(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

export const ScenarioFormSchema = z.object({
  week: z.preprocess(
    first,
    z
      .string({ error: 'scenario.error.week' })
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'scenario.error.week')
      .refine((s) => DateTime.fromISO(s).isValid, 'scenario.error.week'),
  ),
  channel: z.preprocess(
    first,
    z
      .string()
      .max(32, 'scenario.error.channel')
      .regex(/^[a-z0-9_-]+$/, 'scenario.error.channel')
      .optional(),
  ),
  volume: z.preprocess(first, percentChange('scenario.error.percent')),
  aht: z.preprocess(first, percentChange('scenario.error.percent')),
  sick: z.preprocess(
    first,
    z
      .string()
      .trim()
      .max(6)
      .optional()
      .transform((raw, ctx) => {
        if (raw === undefined || raw === '') return 0;
        const v = Number(raw);
        if (!Number.isInteger(v) || v < 0 || v > 100) ctx.addIssue({ code: 'custom', message: 'scenario.error.sick' });
        return v;
      }),
  ),
  name: z.preprocess(first, z.string().trim().max(200, 'scenario.error.name').optional()),
  // Named people off: `off` is each row's person (blank: none), `offDay` "row:weekday" ticks.
  off: z.preprocess(
    list,
    z
      .array(
        z
          .string()
          .trim()
          .regex(/^\d{0,10}$/, 'scenario.error.absent'),
      )
      .max(ABSENCE_ROWS, 'scenario.error.absent'),
  ),
  offDay: z.preprocess(
    list,
    z.array(z.string().regex(/^\d:[1-7]$/, 'scenario.error.absent')).max(ABSENCE_ROWS * 7, 'scenario.error.absent'),
  ),
});

/** The absences of the form's rows: each chosen person once, with the days ticked in its row. */
function absencesOf(off: string[], offDay: string[]): { staffId: number; weekdays: number[] }[] {
  const out = new Map<number, Set<number>>();
  off.forEach((raw, row) => {
    const id = Number(raw);
    if (!raw || !Number.isInteger(id) || id <= 0) return;
    const days = out.get(id) ?? new Set<number>();
    for (const d of offDay) if (Number(d.split(':')[0]) === row) days.add(Number(d.split(':')[1]));
    out.set(id, days);
  });
  return [...out].map(([staffId, days]) => ({ staffId, weekdays: [...days].sort() }));
}

export interface ScenarioForm {
  values: Record<string, string>;
  /** The absence rows as sent (person per row, "row:weekday" ticks). */
  offValues: string[];
  offDayValues: string[];
  /** The further levers as sent (field → raw value). */
  leverValues: Record<string, string>;
  /** Run the simulator too (default; sim=0 leaves it out for a quicker answer). */
  simulate: boolean;
  input: ScenarioInput | null;
  name: string | null;
  savedId: number | null;
  errors: Record<string, string>;
}

export function parseScenarioForm(source: Record<string, unknown>, needName = false): ScenarioForm {
  const values: Record<string, string> = {};
  for (const f of ['week', 'channel', 'volume', 'aht', 'sick', 'name']) {
    const v = first(source[f]);
    if (typeof v === 'string') values[f] = v.slice(0, 200);
  }
  const offValues = list(source.off).slice(0, ABSENCE_ROWS).map(String);
  const offDayValues = list(source.offDay)
    .slice(0, ABSENCE_ROWS * 7)
    .map(String);
  const levered = leverValues(source);
  const simulate = first(source.sim) !== '0';
  const savedRaw = Number(first(source.saved));
  const savedId = Number.isInteger(savedRaw) && savedRaw > 0 ? savedRaw : null;
  if (values.week === undefined && !needName)
    return { values, offValues, offDayValues, leverValues: levered, simulate, input: null, name: null, savedId, errors: {} };
  const parsed = ScenarioFormSchema.safeParse(source);
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      errors[String(issue.path[0])] ??= issue.message.startsWith('scenario.') ? issue.message : 'scenario.error.week';
  }
  const levers = parseLevers(source);
  for (const [k, v] of Object.entries(levers.errors)) errors[k] ??= v;
  const name = parsed.success ? (parsed.data.name ?? '') : '';
  if (needName && name === '' && !errors.name) errors.name = 'scenario.error.name';
  if (!parsed.success || Object.keys(errors).length > 0)
    return { values, offValues, offDayValues, leverValues: levered, simulate, input: null, name: null, savedId, errors };
  const d = parsed.data;
  const absences = absencesOf(d.off as string[], d.offDay as string[]);
  return {
    values,
    offValues,
    offDayValues,
    leverValues: levered,
    simulate,
    errors,
    savedId,
    name: name || null,
    input: {
      weekStart: d.week,
      channel: d.channel || 'all',
      volumeChangePct: d.volume,
      ahtChangePct: d.aht,
      peopleOff: d.sick,
      ...(absences.length ? { absences } : {}),
      ...levers.levers,
    },
  };
}

type Better = 'higher' | 'lower';

const signed = (x: number) => (x > 0 ? `+${x}` : String(x));

function compare(base: number | null, scen: number | null, better: Better) {
  if (base === null || scen === null) return { delta: null, cls: '' };
  const delta = scen - base;
  const worse = better === 'higher' ? delta < -1e-9 : delta > 1e-9;
  const improved = better === 'higher' ? delta > 1e-9 : delta < -1e-9;
  return { delta, cls: worse ? 'bad' : improved ? 'ok' : '' };
}

function figureRows(b: WeekFigures, s: WeekFigures) {
  const row = (labelKey: string, kind: 'pct' | 'sec' | 'num', base: number | null, scen: number | null, better: Better | null) => {
    const c = better ? compare(base, scen, better) : { delta: scen !== null && base !== null ? scen - base : null, cls: '' };
    // Shares change in percentage points: 80 % → 70 % is −10 pp, not −10 %.
    const delta = c.delta === null ? null : kind === 'pct' ? c.delta * 100 : c.delta;
    return { labelKey, base, scen, cls: c.cls, delta, sign: delta !== null && delta > 0 ? '+' : '', isPct: kind === 'pct' };
  };
  return [
    row('scenario.metric.volume', 'num', b.volume, s.volume, null),
    row('scenario.metric.agentHours', 'num', b.agentHours, s.agentHours, null),
    row('scenario.metric.sl', 'pct', b.serviceLevel, s.serviceLevel, 'higher'),
    row('scenario.metric.asa', 'sec', b.asaSeconds, s.asaSeconds, 'lower'),
    ...(b.abandonRate !== null || s.abandonRate !== null
      ? [row('scenario.metric.abandon', 'pct', b.abandonRate, s.abandonRate, 'lower')]
      : []),
    row('scenario.metric.occupancy', 'pct', b.occupancy, s.occupancy, null),
  ];
}

function simRows(b: SimFigures | null, s: SimFigures | null, withAbandon: boolean) {
  if (!b || !s) return [];
  const row = (labelKey: string, isPct: boolean, x: SimFigures['serviceLevel'], y: SimFigures['serviceLevel']) => ({
    labelKey,
    isPct,
    base: x.mean,
    baseHalf: x.halfWidth,
    scen: y.mean,
    scenHalf: y.halfWidth,
  });
  return [
    row('scenario.metric.sl', true, b.serviceLevel, s.serviceLevel),
    row('scenario.metric.asa', false, b.asaSeconds, s.asaSeconds),
    ...(withAbandon ? [row('scenario.metric.abandon', true, b.abandonRate, s.abandonRate)] : []),
    row('scenario.metric.occupancy', true, b.occupancy, s.occupancy),
  ];
}

function intervalView(i: { start: string; baseline: IntervalMetrics; scenario: IntervalMetrics }) {
  const asa = compare(i.baseline.asaSeconds, i.scenario.asaSeconds, 'lower');
  return {
    start: i.start,
    b: i.baseline,
    s: i.scenario,
    asaCls: i.scenario.overloaded && !i.baseline.overloaded ? 'bad' : asa.cls,
    slCls: compare(i.baseline.serviceLevel, i.scenario.serviceLevel, 'higher').cls,
  };
}

/** The intervals the scenario hurts most: lowest scenario service level first (overloaded ones lowest). */
function worstIntervals(intervals: ScenarioResult['channels'][number]['intervals'], count = 5) {
  return intervals
    .filter((i) => i.scenario.volume > 0)
    .sort((a, b) => (a.scenario.serviceLevel ?? 0) - (b.scenario.serviceLevel ?? 0) || a.start.localeCompare(b.start))
    .slice(0, count)
    .map(intervalView);
}

function byDay(intervals: ScenarioResult['channels'][number]['intervals'], zone: string) {
  const days = new Map<string, { dayStart: string; rows: ReturnType<typeof intervalView>[] }>();
  for (const i of intervals) {
    const local = DateTime.fromISO(i.start, { zone });
    const key = local.toISODate()!;
    const day = days.get(key) ?? { dayStart: local.startOf('day').toUTC().toISO()!, rows: [] };
    day.rows.push(intervalView(i));
    days.set(key, day);
  }
  return [...days.values()];
}

export function scenarioViewModel(form: ScenarioForm, page: ScenarioPage, t: Translator, _locale: Locale, zone = 'Asia/Tbilisi') {
  const r = page.result;
  const input = r?.input;
  const values = input
    ? {
        week: input.weekStart,
        channel: input.channel,
        volume: String(input.volumeChangePct),
        aht: String(input.ahtChangePct),
        sick: String(input.peopleOff),
        name: form.values.name ?? '',
      }
    : { week: page.defaultWeek, channel: 'all', volume: '0', aht: '0', sick: '0', name: '', ...form.values };
  const params = input
    ? new URLSearchParams({
        week: input.weekStart,
        channel: input.channel,
        volume: String(input.volumeChangePct),
        aht: String(input.ahtChangePct),
        sick: String(input.peopleOff),
      })
    : null;
  (input?.absences ?? []).forEach((a, row) => {
    params!.append('off', String(a.staffId));
    for (const w of a.weekdays) params!.append('offDay', `${row}:${w}`);
  });
  const lv = input ? leverFields(input) : form.leverValues;
  if (params) for (const [k, v] of Object.entries(lv)) params.append(k, v);
  const query = params ? params.toString() : '';
  const channelKeys = new Map(page.channels.map((c) => [c.id, c.nameKey]));
  const leverForm = {
    open: Object.keys(lv).length > 0 || Object.keys(form.errors).some((k) => LEVER_FIELD.test(k)),
    channels: page.channels.map((c) => ({
      id: c.id,
      nameKey: c.nameKey,
      fields: (['vol', 'sl', 'thr', 'asa'] as const).map((kind) => ({
        kind,
        name: `${kind}_${c.id}`,
        value: lv[`${kind}_${c.id}`] ?? '',
        error: form.errors[`${kind}_${c.id}`] ?? null,
      })),
    })),
    days: [1, 2, 3, 4, 5, 6, 7].map((d) => ({
      day: d,
      name: `day_${d}`,
      value: lv[`day_${d}`] ?? '',
      error: form.errors[`day_${d}`] ?? null,
    })),
    shrinkage: lv.shrinkage ?? '',
    opens: lv.opens ?? '',
    closes: lv.closes ?? '',
    hires: lv.hires ?? '',
    hireHours: lv.hireHours ?? '',
    hireSkills: [
      { id: 'both', nameKey: 'rota.channel.both', selected: lv.hireSkill === 'both' },
      ...page.channels.map((c) => ({ id: c.id, nameKey: c.nameKey, selected: lv.hireSkill === c.id })),
    ],
  };
  const names = new Map(page.people.map((p) => [p.id, p.name]));
  const absenceRows = Array.from({ length: ABSENCE_ROWS }, (_, row) => {
    const a = input?.absences?.[row];
    const person = a ? String(a.staffId) : input ? '' : (form.offValues[row] ?? '');
    const days = a ? a.weekdays : input ? [] : form.offDayValues.filter((d) => d.startsWith(`${row}:`)).map((d) => Number(d.split(':')[1]));
    return {
      row,
      people: page.people.map((p) => ({ ...p, selected: String(p.id) === person })),
      days: [1, 2, 3, 4, 5, 6, 7].map((w) => ({ weekday: w, value: `${row}:${w}`, checked: days.includes(w) })),
    };
  });
  const hiddenAbsences = absenceRows.flatMap((r) => {
    const chosen = r.people.find((p) => p.selected);
    return chosen
      ? [{ name: 'off', value: String(chosen.id) }, ...r.days.filter((d) => d.checked).map((d) => ({ name: 'offDay', value: d.value }))]
      : [];
  });
  return {
    values,
    leverForm,
    hiddenLevers: Object.entries(lv).map(([name, value]) => ({ name, value })),
    errors: form.errors,
    hasErrors: Object.keys(form.errors).length > 0,
    channels: page.channels,
    absenceRows,
    hiddenAbsences,
    scenarios: page.scenarios,
    canCompare: page.scenarios.length >= 1,
    saved: page.saved,
    shareUrl: query ? `/scenarios?${query}` : null,
    // The baseline as every page shows it (app/week-projection.ts), with where its target is at risk.
    service: page.baseline ? weekServiceView(page.baseline) : null,
    riskBands: page.baseline ? riskBands(page.baseline, t) : [],
    simulateUrl: query ? `/scenarios?${query}&sim=1` : null,
    result: r
      ? {
          input: r.input,
          signed: { volume: signed(r.input.volumeChangePct), aht: signed(r.input.ahtChangePct) },
          rota: r.rota,
          fromRota: r.staffingSource === 'rota',
          requirementStored: r.requirementSource === 'stored',
          sickCount: r.input.peopleOff,
          absent: (r.input.absences ?? []).map((a) => ({
            name: names.get(a.staffId) ?? `#${a.staffId}`,
            weekKeys: a.weekdays.map((w) => `weekday.short.${w}`),
            wholeWeek: a.weekdays.length === 0,
          })),
          levers: leverChips(r.input, channelKeys),
          removedAgentHours: r.removedAgentHours,
          simulation: r.simulation,
          takes: takesView(r.whatItTakes, channelKeys, zone),
          channels: r.channels.map((c) => ({
            channel: c.channel,
            nameKey: c.nameKey,
            figures: figureRows(c.baseline, c.scenario),
            sim: simRows(c.simBaseline, c.simScenario, c.baseline.abandonRate !== null),
            overloaded: c.scenario.overloadedIntervals,
            baseOverloaded: c.baseline.overloadedIntervals,
            days: byDay(c.intervals, zone),
            worst: worstIntervals(c.intervals),
            showAbandon: c.intervals.some((i) => i.baseline.abandonRate !== null),
          })),
        }
      : null,
  };
}

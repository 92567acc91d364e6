/**
 * The Erlang calculator's form (query parameters, in the units people type: percentages as
 * 80, times in seconds) and its template data. Errors are message keys per field.
 */
import { z } from 'zod';
import type { Locale, Translator } from '../i18n';
import type { CalculatorInput, CalculatorPage, ModelTable } from '../../app/erlang-calculator';
import type { ChatMethodDescription, StaffingTableRow, TargetName } from '../../staffing';

export const ERLANG_FIELDS = [
  'volume',
  'intervalMinutes',
  'ahtSeconds',
  'thresholdSeconds',
  'targetServiceLevel',
  'targetAsaSeconds',
  'maxOccupancy',
  'shrinkage',
  'patienceSeconds',
  'maxAbandonRate',
  'concurrency',
] as const;
type Field = (typeof ERLANG_FIELDS)[number];

interface Rule {
  required?: boolean;
  whole?: boolean;
  /** Inclusive lower bound, or exclusive when `above` is set. */
  min?: number;
  above?: number;
  max?: number;
  below?: number;
  key: string;
}

/** Above this load (Erlangs) one interval is beyond any single team: refuse rather than compute for long. */
export const MAX_LOAD_ERLANGS = 5000;

const RULES: Record<Field, Rule> = {
  volume: { required: true, min: 0, max: 1_000_000, key: 'erlang.error.nonNegative' },
  intervalMinutes: { required: true, whole: true, min: 5, max: 1440, key: 'erlang.error.interval' },
  ahtSeconds: { required: true, above: 0, max: 86_400, key: 'erlang.error.positive' },
  thresholdSeconds: { min: 0, max: 86_400, key: 'erlang.error.nonNegative' },
  // Above 1: "0.8" typed for 80 % would ask for a service level of 0.8 % and staff nobody.
  targetServiceLevel: { above: 1, below: 100, key: 'erlang.error.percentNotFraction' },
  targetAsaSeconds: { above: 0, max: 86_400, key: 'erlang.error.positive' },
  maxOccupancy: { above: 1, max: 100, key: 'erlang.error.percentNotFraction' },
  shrinkage: { min: 0, below: 100, key: 'erlang.error.shrinkage' },
  patienceSeconds: { above: 0, max: 86_400, key: 'erlang.error.positive' },
  maxAbandonRate: { above: 0, below: 100, key: 'erlang.error.percentOpen' },
  concurrency: { whole: true, min: 1, max: 20, key: 'erlang.error.concurrency' },
};
const PERCENT_FIELDS = new Set<Field>(['targetServiceLevel', 'maxOccupancy', 'shrinkage', 'maxAbandonRate']);

function outOfRange(v: number, r: Rule): boolean {
  return (
    (r.min !== undefined && v < r.min) ||
    (r.above !== undefined && v <= r.above) ||
    (r.max !== undefined && v > r.max) ||
    (r.below !== undefined && v >= r.below)
  );
}

/** One form field: '' → undefined; "0,5" accepted as 0.5; the message key says what is wrong. */
function numberField(rule: Rule) {
  return z
    .preprocess(
      (raw) => (Array.isArray(raw) ? raw[0] : raw) ?? '',
      z.string({ error: 'erlang.error.number' }).trim().max(30, 'erlang.error.number'),
    )
    .transform((raw, ctx) => {
      if (raw === '') {
        if (rule.required) ctx.addIssue({ code: 'custom', message: 'erlang.error.required' });
        return undefined;
      }
      const v = Number(raw.replace(',', '.'));
      if (!Number.isFinite(v)) ctx.addIssue({ code: 'custom', message: 'erlang.error.number' });
      else if (rule.whole && !Number.isInteger(v)) ctx.addIssue({ code: 'custom', message: rule.key });
      else if (outOfRange(v, rule)) ctx.addIssue({ code: 'custom', message: rule.key });
      return v;
    });
}

export const ErlangFormSchema = z
  .object(Object.fromEntries(ERLANG_FIELDS.map((f) => [f, numberField(RULES[f])])) as Record<Field, ReturnType<typeof numberField>>)
  .superRefine((v, ctx) => {
    const issue = (field: Field, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
    if (v.targetServiceLevel !== undefined && v.thresholdSeconds === undefined) issue('thresholdSeconds', 'erlang.error.thresholdNeeded');
    if (v.maxAbandonRate !== undefined && v.patienceSeconds === undefined) issue('patienceSeconds', 'erlang.error.patienceNeeded');
    if ([v.targetServiceLevel, v.targetAsaSeconds, v.maxOccupancy, v.maxAbandonRate].every((t) => t === undefined)) {
      issue('targetServiceLevel', 'erlang.error.noTarget');
    }
    const { volume, ahtSeconds, intervalMinutes } = v;
    if (
      volume !== undefined &&
      ahtSeconds !== undefined &&
      intervalMinutes !== undefined &&
      (volume * ahtSeconds) / (intervalMinutes * 60) > MAX_LOAD_ERLANGS
    ) {
      issue('volume', 'erlang.error.loadTooLarge');
    }
  });

export interface ErlangForm {
  /** What was typed, to show again. */
  values: Record<string, string>;
  input: CalculatorInput | null;
  errors: Partial<Record<Field, string>>;
  /** No field given at all: show a channel's preset. */
  empty: boolean;
}

export function parseErlangForm(query: Record<string, unknown>): ErlangForm {
  const values: Record<string, string> = {};
  for (const f of ERLANG_FIELDS) {
    const raw = Array.isArray(query[f]) ? (query[f] as unknown[])[0] : query[f];
    if (typeof raw === 'string') values[f] = raw.slice(0, 30);
  }
  const empty = Object.keys(values).length === 0;
  if (empty) return { values, input: null, errors: {}, empty };
  const parsed = ErlangFormSchema.safeParse(query);
  if (!parsed.success) {
    const errors: ErlangForm['errors'] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as Field;
      errors[field] ??= issue.message.startsWith('erlang.') ? issue.message : 'erlang.error.number';
    }
    return { values, input: null, errors, empty };
  }
  const d = parsed.data;
  const share = (x: number | undefined) => (x === undefined ? undefined : x / 100);
  return {
    values,
    errors: {},
    empty,
    input: {
      volume: d.volume!,
      intervalMinutes: d.intervalMinutes!,
      ahtSeconds: d.ahtSeconds!,
      thresholdSeconds: d.thresholdSeconds,
      targetServiceLevel: share(d.targetServiceLevel),
      targetAsaSeconds: d.targetAsaSeconds,
      maxOccupancy: share(d.maxOccupancy),
      shrinkage: share(d.shrinkage) ?? 0,
      patienceSeconds: d.patienceSeconds,
      maxAbandonRate: share(d.maxAbandonRate),
      concurrency: d.concurrency ?? 1,
    },
  };
}

/** The form values (strings, percentages as 80) of an input, e.g. a channel's preset. */
export function formValuesOf(i: CalculatorInput): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of ERLANG_FIELDS) {
    const v = i[f];
    if (v === undefined) continue;
    out[f] = String(PERCENT_FIELDS.has(f) ? Math.round(v * 100 * 1e6) / 1e6 : v);
  }
  return out;
}

/** Engine field names → form fields, for an engine complaint the form rules let through. */
const ENGINE_FIELD: Record<string, Field> = { intervalSeconds: 'intervalMinutes' };

const TARGET_COLUMN: Record<TargetName, string> = { serviceLevel: 'sl', asa: 'asa', occupancy: 'occupancy', abandonRate: 'abandon' };

function rowView(row: StaffingTableRow, binding: TargetName[]) {
  const m = row.metrics;
  const missed = new Set(row.missedTargets.map((t) => TARGET_COLUMN[t]));
  return {
    agents: row.agents,
    scheduledAgents: row.scheduledAgents,
    stable: row.stable,
    serviceLevel: m?.serviceLevel ?? null,
    asaSeconds: m?.asaSeconds ?? null,
    averageWaitSeconds: m?.averageWaitSeconds ?? null,
    abandonRate: m?.abandonRate ?? null,
    occupancy: m?.occupancy ?? null,
    probabilityOfWait: m?.probabilityOfWait ?? null,
    isRequired: row.isRequired,
    meetsTargets: row.meetsTargets,
    miss: { sl: missed.has('sl'), asa: missed.has('asa'), occupancy: missed.has('occupancy'), abandon: missed.has('abandon') },
    bindingNow: row.isRequired ? binding.map((b) => TARGET_COLUMN[b]) : [],
  };
}

function modelView(m: ModelTable) {
  const t = m.table;
  const binding = t?.bindingTargets ?? [];
  const required = t?.rows.find((r) => r.isRequired) ?? null;
  return {
    model: m.model,
    titleKey: m.model === 'erlang-c' ? 'erlang.modelC' : 'erlang.modelA',
    noteKey: m.model === 'erlang-c' ? 'erlang.modelCNote' : 'erlang.modelANote',
    reasonKey: m.reasonKey,
    ignoresAbandon: m.ignoredTargets.includes('abandonRate'),
    showAbandon: m.model === 'erlang-a',
    requiredAgents: t?.requiredAgents ?? null,
    scheduledAgents: required?.scheduledAgents ?? null,
    binding: {
      sl: binding.includes('serviceLevel'),
      asa: binding.includes('asa'),
      occupancy: binding.includes('occupancy'),
      abandon: binding.includes('abandonRate'),
    },
    bindingKeys: binding.map((b) => `erlang.target.${b}`),
    rows: t ? t.rows.map((r) => rowView(r, binding)) : [],
  };
}

/**
 * The chat method in the page's language. English is the engine's own text (the source of
 * truth, always current); other languages use the catalogue's translation of it.
 */
function chatView(c: ChatMethodDescription, t: Translator, locale: Locale) {
  const pick = (key: string, fallback: string) => {
    if (locale === 'en') return fallback;
    const text = t(key);
    return text === key ? fallback : text;
  };
  return {
    title: pick('erlang.chat.title', c.title),
    summary: pick('erlang.chat.summary', c.summary),
    formula: c.formula,
    assumptions: c.assumptions.map((a, i) => pick(`erlang.chat.assumption.${i + 1}`, a)),
    firstResponseTarget: pick('erlang.chat.firstResponse', c.firstResponseTarget),
    blendedTeams: pick('erlang.chat.blended', c.blendedTeams),
    limitations: c.limitations.map((a, i) => pick(`erlang.chat.limitation.${i + 1}`, a)),
  };
}

export function erlangViewModel(form: ErlangForm, page: CalculatorPage, t: Translator, locale: Locale) {
  const values = form.empty && page.input ? formValuesOf(page.input) : form.values;
  const errors: Record<string, string> = { ...form.errors };
  let engineErrorKey: string | null = null;
  if (page.engineError) {
    const field = ENGINE_FIELD[page.engineError.field] ?? page.engineError.field;
    if ((ERLANG_FIELDS as readonly string[]).includes(field)) errors[field] = 'erlang.error.engine';
    else engineErrorKey = 'erlang.error.engine';
  }
  const r = page.result;
  return {
    values,
    errors,
    hasErrors: Object.keys(errors).length > 0 || engineErrorKey !== null,
    engineErrorKey,
    engineMessage: page.engineError?.message ?? null,
    channels: page.channels,
    channelId: page.channelId,
    result:
      r && !page.engineError
        ? {
            loadErlangs: r.loadErlangs,
            concurrency: r.input.concurrency,
            servers: r.input.concurrency > 1,
            models: [modelView(r.erlangC), modelView(r.erlangA)],
          }
        : null,
    chat: r?.chat ? chatView(r.chat, t, locale) : null,
  };
}

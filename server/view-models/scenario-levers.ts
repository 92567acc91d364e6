/**
 * The what-if form's further levers (query parameters, so a scenario stays a shareable link):
 * `vol_<channel>` and `day_<1-7>` volume change in percent, `shrinkage` in percent, per channel
 * `sl_<channel>` (% within) `thr_<channel>` (s) and `asa_<channel>` (s), `opens`/`closes`
 * ('HH:MM', every day), `hires` (people) with `hireSkill` (a channel or 'both') and `hireHours`.
 * A blank field leaves its lever out. Each is parsed with zod; an error is keyed by its field.
 */
import { z } from 'zod';
import type { ScenarioInput } from '../../app/scenario-run';

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const CHANNEL = /^[a-z0-9_-]{1,32}$/;

/** A blank-or-number field: blank → undefined; else within [min, max] (whole when `int`). */
function numberField(key: string, min: number, max: number, int = false) {
  return z.preprocess(
    first,
    z
      .string()
      .trim()
      .max(12, key)
      .optional()
      .transform((raw, ctx) => {
        if (raw === undefined || raw === '') return undefined;
        const v = Number(raw.replace(',', '.').replace(/^\+/, ''));
        if (!Number.isFinite(v) || v < min || v > max || (int && !Number.isInteger(v))) {
          ctx.addIssue({ code: 'custom', message: key });
          return undefined;
        }
        return v;
      }),
  );
}

const percentChange = numberField('scenario.error.percent', -90, 300);
const TIME = z.preprocess(
  first,
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(
      z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'scenario.error.opening')
        .optional(),
    ),
);

const FixedLevers = z
  .object({
    shrinkage: numberField('scenario.error.shrinkage', 0, 90),
    opens: TIME,
    closes: TIME,
    hires: numberField('scenario.error.hires', 0, 50, true),
    hireSkill: z.preprocess(
      (v) => (first(v) === '' ? undefined : first(v)),
      z.string().regex(CHANNEL, 'scenario.error.hireSkill').optional(),
    ),
    hireHours: numberField('scenario.error.hireHours', 1, 48),
  })
  .superRefine((v, ctx) => {
    if ((v.opens === undefined) !== (v.closes === undefined) || (v.opens && v.closes && v.opens >= v.closes))
      ctx.addIssue({ code: 'custom', path: ['opens'], message: 'scenario.error.opening' });
    if (v.hires && !v.hireSkill) ctx.addIssue({ code: 'custom', path: ['hireSkill'], message: 'scenario.error.hireSkill' });
  });

const PER_CHANNEL = {
  vol: percentChange,
  sl: numberField('scenario.error.sl', 1, 100),
  thr: numberField('scenario.error.seconds', 1, 3600),
  asa: numberField('scenario.error.seconds', 1, 3600),
} as const;

type LeverInput = Pick<ScenarioInput, 'channelVolumePct' | 'dayVolumePct' | 'shrinkagePct' | 'targets' | 'opening' | 'hires'>;

export const LEVER_FIELD = /^(vol|sl|thr|asa)_([a-z0-9_-]{1,32})$|^day_[1-7]$|^(shrinkage|opens|closes|hires|hireSkill|hireHours)$/;

/** The lever fields of a query or form as sent (for the form shown again). */
export function leverValues(source: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(source)) {
    const f = first(v);
    if (LEVER_FIELD.test(k) && typeof f === 'string' && f.trim() !== '') out[k] = f.slice(0, 12);
  }
  return out;
}

/** Parses the levers; `errors` by field name (catalogue keys). */
export function parseLevers(source: Record<string, unknown>): { levers: LeverInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const levers: LeverInput = {};
  const fixed = FixedLevers.safeParse(source);
  if (!fixed.success) for (const i of fixed.error.issues) errors[String(i.path[0])] ??= i.message;
  else {
    const f = fixed.data;
    if (f.shrinkage !== undefined) levers.shrinkagePct = f.shrinkage;
    if (f.opens && f.closes) levers.opening = { opens: f.opens, closes: f.closes };
    if (f.hires) levers.hires = { count: f.hires, skill: f.hireSkill!, hoursPerWeek: f.hireHours ?? 40 };
  }
  for (let d = 1; d <= 7; d++) {
    const r = percentChange.safeParse(source[`day_${d}`]);
    if (!r.success) errors[`day_${d}`] = r.error.issues[0]!.message;
    else if (r.data !== undefined && r.data !== 0) levers.dayVolumePct = { ...levers.dayVolumePct, [String(d)]: r.data };
  }
  for (const k of Object.keys(source)) {
    const m = k.match(/^(vol|sl|thr|asa)_([a-z0-9_-]{1,32})$/);
    if (!m) continue;
    const [, kind, channel] = m as unknown as [string, keyof typeof PER_CHANNEL, string];
    const r = PER_CHANNEL[kind].safeParse(source[k]);
    if (!r.success) {
      errors[k] = r.error.issues[0]!.message;
      continue;
    }
    if (r.data === undefined) continue;
    if (kind === 'vol') {
      if (r.data !== 0) levers.channelVolumePct = { ...levers.channelVolumePct, [channel]: r.data };
      continue;
    }
    const t = { ...levers.targets?.[channel] };
    if (kind === 'sl') t.serviceLevelPct = r.data;
    if (kind === 'thr') t.thresholdSeconds = r.data;
    if (kind === 'asa') t.asaSeconds = r.data;
    levers.targets = { ...levers.targets, [channel]: t };
  }
  return { levers, errors };
}

/** The levers of an input as query fields (share link, save form, the form shown again). */
export function leverFields(input: ScenarioInput): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [c, v] of Object.entries(input.channelVolumePct ?? {})) out[`vol_${c}`] = String(v);
  for (const [d, v] of Object.entries(input.dayVolumePct ?? {})) out[`day_${d}`] = String(v);
  if (input.shrinkagePct !== undefined) out.shrinkage = String(input.shrinkagePct);
  for (const [c, t] of Object.entries(input.targets ?? {})) {
    if (t.serviceLevelPct !== undefined) out[`sl_${c}`] = String(t.serviceLevelPct);
    if (t.thresholdSeconds !== undefined) out[`thr_${c}`] = String(t.thresholdSeconds);
    if (t.asaSeconds !== undefined) out[`asa_${c}`] = String(t.asaSeconds);
  }
  if (input.opening) Object.assign(out, { opens: input.opening.opens, closes: input.opening.closes });
  if (input.hires)
    Object.assign(out, { hires: String(input.hires.count), hireSkill: input.hires.skill, hireHours: String(input.hires.hoursPerWeek) });
  return out;
}

/** The levers of a scenario in words: catalogue keys with their parameters (channel and day names as keys too). */
export function leverChips(input: ScenarioInput, channelKeys: Map<string, string>) {
  const name = (c: string) => channelKeys.get(c) ?? `channel.${c}`;
  const signed = (v: number) => (v > 0 ? `+${v}` : String(v));
  const chips: { key: string; params: Record<string, string | number>; nameKey?: string; dayKey?: string }[] = [];
  for (const [c, v] of Object.entries(input.channelVolumePct ?? {}))
    chips.push({ key: 'scenario.lever.channelVolume', params: { pct: signed(v) }, nameKey: name(c) });
  for (const [d, v] of Object.entries(input.dayVolumePct ?? {}))
    chips.push({ key: 'scenario.lever.dayVolume', params: { pct: signed(v) }, dayKey: `weekday.short.${d}` });
  if (input.shrinkagePct !== undefined) chips.push({ key: 'scenario.lever.shrinkage', params: { pct: input.shrinkagePct } });
  for (const [c, t] of Object.entries(input.targets ?? {})) {
    if (t.serviceLevelPct !== undefined || t.thresholdSeconds !== undefined)
      chips.push({
        key: 'scenario.lever.target',
        params: { sl: t.serviceLevelPct ?? '–', threshold: t.thresholdSeconds ?? '–' },
        nameKey: name(c),
      });
    if (t.asaSeconds !== undefined) chips.push({ key: 'scenario.lever.asa', params: { asa: t.asaSeconds }, nameKey: name(c) });
  }
  if (input.opening) chips.push({ key: 'scenario.lever.opening', params: { opens: input.opening.opens, closes: input.opening.closes } });
  if (input.hires)
    chips.push({
      key: 'scenario.lever.hires',
      params: { n: input.hires.count, hours: input.hires.hoursPerWeek },
      nameKey: input.hires.skill === 'both' ? 'rota.channel.both' : name(input.hires.skill),
    });
  // Every chip names a channel and a day (unused by most messages), so a template passes both.
  return chips.map((c) => ({ nameKey: 'channel.both', dayKey: 'weekday.short.1', ...c }));
}

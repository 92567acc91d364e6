import { z } from 'zod';
import { DateTime } from 'luxon';
import type { PlannedActivity, PreviousShift, RotaRules, StaffMember } from '../types';
import { withDefaultRules } from '../rules/defaults';
import { jsonPath, type InputError, type Parsed } from './parse-error';

export interface ParsedStaff {
  timeZone: string;
  rules: RotaRules;
  staff: StaffMember[];
  previousShifts: PreviousShift[];
  holidays: string[];
  activities: PlannedActivity[];
}

/** Channels a STAFF.json may name when the caller does not pass the week's channels. */
export const KNOWN_CHANNELS = ['voice', 'chat', 'email'];

const isoStamp = z.string().refine((s) => /[+-]\d\d:?\d\d$|Z$/.test(s) && DateTime.fromISO(s).isValid, {
  message: 'not an ISO 8601 timestamp with an offset',
});
const hhmm = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'not a local time "HH:MM"');
const period = z.object({ start: isoStamp, end: isoStamp });
const hours = z.number().min(0).max(168);

const rulesSchema = z
  .object({
    shiftLengthsHours: z.array(z.number().positive().max(24)).min(1).optional(),
    breakMinutes: z.number().int().min(0).max(240).optional(),
    minRestHours: hours.optional(),
    maxHoursPerWeek: hours.optional(),
    daysOffPerWeek: z.number().int().min(0).max(7).optional(),
    earliestStart: hhmm.optional(),
    latestEnd: hhmm.optional(),
    maxConsecutiveDays: z.number().int().min(1).optional(),
    maxNightHoursPerShift: hours.optional(),
    contractToleranceHours: hours.optional(),
    breakMinOffsetMinutes: z.number().int().min(0).optional(),
    breakMinTailMinutes: z.number().int().min(0).optional(),
    eveningAfter: hhmm.optional(),
  })
  .partial();

const staffSchema = z.object({
  id: z.string().min(1),
  name: z.string().default(''),
  skills: z.array(z.string()).min(1),
  contractHoursPerWeek: hours,
  unavailable: z.array(period).default([]),
  preferences: z.object({ daysOff: z.array(z.string()).optional(), shifts: z.array(z.string()).optional() }).optional(),
  locked: z.array(period).optional(),
  history: z.object({ evenings: z.number().optional(), weekends: z.number().optional(), holidays: z.number().optional() }).optional(),
  overtimeAllowed: z.boolean().optional(),
  /** Share of worked time on the queue, 0..1 (team leads 0.5, the head 0.2); default 1. */
  queueShare: z.number().min(0).max(1).optional(),
});

const docSchema = z.object({
  timeZone: z.string().default('Asia/Tbilisi'),
  rules: rulesSchema.default({}),
  staff: z.array(staffSchema).min(1),
  previousShifts: z.array(z.object({ staffId: z.string(), start: isoStamp, end: isoStamp })).default([]),
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'not a date yyyy-mm-dd')).default([]),
  /** Off-queue activities to place (a weekly team meeting, training…). */
  activities: z
    .array(
      z.object({
        id: z.string().min(1),
        kind: z.enum(['training', 'meeting', 'coaching', 'backOffice', 'teamMeeting']),
        minutes: z.number().int().min(15).max(600),
        attendees: z.array(z.string().min(1)).min(1),
        window: period,
      }),
    )
    .default([]),
});

/**
 * Reads STAFF.json (team, rules, last week's shifts). Pure; every error names the JSON path,
 * e.g. `staff[3].skills[0]: unknown channel "sms"`. `channels` (the week's channels from
 * the requirement file) decides which skills are known.
 */
export function parseStaffJson(text: string, channels: string[] = KNOWN_CHANNELS, file = 'STAFF.json'): Parsed<ParsedStaff> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return {
      ok: false,
      errors: [{ file, message: `not valid JSON${jsonErrorWhere(text, (err as Error).message)} (${(err as Error).message})` }],
    };
  }
  const unknownRules = unknownRuleKeys(raw);
  if (unknownRules.length)
    return {
      ok: false,
      errors: unknownRules.map((k) => ({
        file,
        path: `rules.${k}`,
        message: `unknown rule "${k}"; the rules are ${RULE_KEYS.join(', ')}`,
      })),
    };
  const res = docSchema.safeParse(raw);
  if (!res.success) {
    return { ok: false, errors: res.error.issues.map((i) => ({ file, path: jsonPath(i.path), message: i.message })) };
  }
  const doc = res.data;
  const errors: InputError[] = [];
  if (!DateTime.local().setZone(doc.timeZone).isValid)
    errors.push({ file, path: 'timeZone', message: `unknown time zone "${doc.timeZone}"` });
  checkStaff(doc.staff, channels, file, errors);
  const ids = new Set(doc.staff.map((s) => s.id));
  doc.activities.forEach((a, i) =>
    a.attendees.forEach((id, k) => {
      if (!ids.has(id)) errors.push({ file, path: `activities[${i}].attendees[${k}]`, message: `unknown staff id "${id}"` });
    }),
  );
  doc.previousShifts.forEach((p, i) => {
    if (!ids.has(p.staffId)) errors.push({ file, path: `previousShifts[${i}].staffId`, message: `unknown staff id "${p.staffId}"` });
  });
  if (errors.length) return { ok: false, errors };
  const staff: StaffMember[] = doc.staff.map((s) => ({ ...s, name: s.name || s.id }));
  return {
    ok: true,
    value: {
      timeZone: doc.timeZone,
      rules: withDefaultRules(doc.rules as Partial<RotaRules>),
      staff,
      previousShifts: doc.previousShifts,
      holidays: doc.holidays,
      activities: doc.activities,
    },
  };
}

const RULE_KEYS = Object.keys(rulesSchema.shape);

/** A misspelt rule (e.g. "maxConsecutiveDay") would otherwise be dropped and the default used. */
function unknownRuleKeys(raw: unknown): string[] {
  const rules = (raw as { rules?: unknown } | null)?.rules;
  if (!rules || typeof rules !== 'object' || Array.isArray(rules)) return [];
  return Object.keys(rules).filter((k) => !RULE_KEYS.includes(k));
}

/**
 * " at line L, column C" of a JSON syntax error: V8's "at position N" when the message has
 * it, else (Node 20 often quotes only a snippet) the first offending character as found by
 * syntaxErrorAt. "" when neither finds it.
 */
function jsonErrorWhere(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  const at = m ? Number(m[1]) : syntaxErrorAt(text);
  if (at < 0) return '';
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return ` at line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}

/** Index of the first character where `text` stops being JSON (a small recursive descent), or -1. */
export function syntaxErrorAt(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  };
  const fail = () => {
    throw i;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail();
      }
    }
    if (c === '"') return string();
    const lit = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (!lit) fail();
    i += lit![0].length;
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text[i] < ' ') fail();
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  try {
    value();
    ws();
    return i < text.length ? i : -1;
  } catch (at) {
    return typeof at === 'number' ? Math.min(at, text.length) : -1;
  }
}

function checkStaff(staff: z.infer<typeof staffSchema>[], channels: string[], file: string, errors: InputError[]): void {
  const seen = new Set<string>();
  staff.forEach((s, i) => {
    if (seen.has(s.id)) errors.push({ file, path: `staff[${i}].id`, message: `duplicate id "${s.id}"` });
    seen.add(s.id);
    s.skills.forEach((k, j) => {
      if (!channels.includes(k)) errors.push({ file, path: `staff[${i}].skills[${j}]`, message: `unknown channel "${k}"` });
    });
    const periods = [
      ...s.unavailable.map((p, j) => [`unavailable[${j}]`, p] as const),
      ...(s.locked ?? []).map((p, j) => [`locked[${j}]`, p] as const),
    ];
    for (const [where, p] of periods) {
      if (DateTime.fromISO(p.end) <= DateTime.fromISO(p.start))
        errors.push({ file, path: `staff[${i}].${where}`, message: 'end is not after start' });
    }
  });
}

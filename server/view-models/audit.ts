/** The audit page's filters, rows and CSV (cells defused like the rota's, see rota-export.ts). */
import { z } from 'zod';
import { DateTime } from 'luxon';
import type { AuditRow, AuditTrail } from '../../app/audit-trail';
import { hasMessage } from '../i18n';
import { renderCode, violationLine } from '../i18n/codes';
import { csvCell } from './rota-export';

export const AuditQuerySchema = z.object({
  person: z.coerce.number().int().positive().optional().catch(undefined),
  week: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((s) => DateTime.fromISO(s).isValid)
    .optional()
    .catch(undefined),
  kind: z
    .string()
    .regex(/^[A-Za-z_]{1,40}$/)
    .optional()
    .catch(undefined),
});
export type AuditQueryForm = z.infer<typeof AuditQuerySchema>;

type T = (key: string, params?: Record<string, unknown>) => string;

const MAX_JSON = 400;
function compact(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_JSON ? `${text.slice(0, MAX_JSON)}…` : text;
}

function who(row: AuditRow, t: T): string {
  if (row.actor.kind === 'person') return row.actor.username;
  if (row.actor.kind === 'service') return t('audit.serviceToken', { name: row.actor.name });
  return t('audit.system');
}

function what(row: AuditRow, t: T): string {
  const key = `audit.action.${row.action}`;
  return hasMessage(key) ? t(key) : row.action;
}

/** How a row's people and times are put: the reader's words, the team's zone, staff by name. */
interface Reader {
  t: T;
  zone: string;
  names: Record<string, string>;
}

interface ShiftLike {
  staffId: number | string;
  start: string;
  end: string;
  channel?: string;
}
const isShift = (x: unknown): x is ShiftLike => {
  const o = (x ?? {}) as Record<string, unknown>;
  return (typeof o.staffId === 'number' || typeof o.staffId === 'string') && typeof o.start === 'string' && typeof o.end === 'string';
};

/** A list of shifts (a rota change's before/after) in words; anything else as compact JSON. */
function changeText(value: unknown, r: Reader): string {
  if (!Array.isArray(value) || !value.length || !value.every(isShift)) return compact(value);
  return value
    .map((s) =>
      renderCode(
        r.t,
        'audit.shift',
        {
          name: r.names[String(s.staffId)] ?? String(s.staffId),
          start: s.start,
          end: DateTime.fromISO(s.end, { zone: r.zone }).toFormat('HH:mm'),
          channel: s.channel ?? '',
        },
        r.zone,
      ),
    )
    .join('; ');
}

function rowView(row: AuditRow, r: Reader) {
  const { t } = r;
  const detail = Object.keys(row.detail).length ? compact(row.detail) : '';
  const override = row.override
    ? {
        reason: t('audit.override', { reason: row.override.reason }),
        rules: row.override.violations.map((v) => violationLine(v, r.names, t, r.zone)),
      }
    : null;
  const legacy = row.overridden.length ? t('audit.overridden', { rules: row.overridden.join(', ') }) : null;
  return {
    at: row.at,
    who: who(row, t),
    isService: row.actor.kind === 'service',
    what: what(row, t),
    action: row.action,
    target: row.entityId === null ? row.entity : `${row.entity} #${row.entityId}`,
    before: changeText(row.before, r),
    after: changeText(row.after, r),
    detail,
    note: row.reason ?? '',
    override,
    legacy,
    /** Everything of the reason column in one cell (the CSV). */
    reason: [row.reason, override?.reason, ...(override?.rules ?? []), legacy].filter(Boolean).join(' · '),
  };
}

export function auditPageViewModel(trail: AuditTrail, q: AuditQueryForm, t: T, zone: string) {
  const reader: Reader = { t, zone, names: trail.staffNames };
  const query = new URLSearchParams();
  if (q.person) query.set('person', String(q.person));
  if (q.week) query.set('week', q.week);
  if (q.kind) query.set('kind', q.kind);
  return {
    rows: trail.rows.map((r) => rowView(r, reader)),
    people: trail.people.map((p) => ({ ...p, selected: p.id === q.person })),
    kinds: trail.kinds.map((k) => ({ value: k, selected: k === q.kind })),
    week: q.week ?? '',
    weekStart: trail.weekStart,
    csvHref: `/audit.csv${query.size ? `?${query}` : ''}`,
  };
}

/** time (team zone, with offset), who, action, what, target, before, after, detail, reason. */
export function auditCsv(trail: AuditTrail, zone: string, t: T): string {
  const lines = ['time,who,action,what,target,before,after,detail,reason'];
  const reader: Reader = { t, zone, names: trail.staffNames };
  for (const row of trail.rows) {
    const v = rowView(row, reader);
    const time = DateTime.fromISO(row.at, { zone }).setZone(zone).toISO({ suppressMilliseconds: true }) ?? row.at;
    lines.push([time, v.who, v.action, v.what, v.target, v.before, v.after, v.detail, v.reason].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The audit page's filters, rows and CSV (cells defused like the rota's, see rota-export.ts). */
import { z } from 'zod';
import { DateTime } from 'luxon';
import type { AuditRow, AuditTrail } from '../../app/audit-trail';
import { hasMessage } from '../i18n';
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

function rowView(row: AuditRow, t: T) {
  const detail = Object.keys(row.detail).length ? compact(row.detail) : '';
  const reason = [row.reason, row.overridden.length ? t('audit.overridden', { rules: row.overridden.join(', ') }) : null]
    .filter(Boolean)
    .join(' · ');
  return {
    at: row.at,
    who: who(row, t),
    isService: row.actor.kind === 'service',
    what: what(row, t),
    action: row.action,
    target: row.entityId === null ? row.entity : `${row.entity} #${row.entityId}`,
    before: compact(row.before),
    after: compact(row.after),
    detail,
    reason,
  };
}

export function auditPageViewModel(trail: AuditTrail, q: AuditQueryForm, t: T) {
  const query = new URLSearchParams();
  if (q.person) query.set('person', String(q.person));
  if (q.week) query.set('week', q.week);
  if (q.kind) query.set('kind', q.kind);
  return {
    rows: trail.rows.map((r) => rowView(r, t)),
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
  for (const row of trail.rows) {
    const v = rowView(row, t);
    const time = DateTime.fromISO(row.at, { zone }).setZone(zone).toISO({ suppressMilliseconds: true }) ?? row.at;
    lines.push([time, v.who, v.action, v.what, v.target, v.before, v.after, v.detail, v.reason].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

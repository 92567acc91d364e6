/**
 * The audit trail as the audit page and its CSV read it: who (a person, a service token, or
 * the system), when, what, before/after and the reason given for a decision or an override,
 * newest first, filtered by person, week (in the team zone) and kind (the action's first word).
 * Read only: nothing in the app updates or deletes an audit entry.
 */
import { DateTime } from 'luxon';
import type { DataSource } from '../models';
import { listAudit, listAuditKinds, type AuditFilter } from '../models/repositories/audit';
import { listServiceTokens, listUsers } from '../models/repositories/users';
import { listStaff } from '../models/repositories/staff';
import type { Violation } from '../scheduling';

export interface AuditQuery {
  userId?: number;
  /** Any day of the week, 'YYYY-MM-DD' in the team zone. */
  week?: string;
  kind?: string;
  zone: string;
  limit: number;
  /**
   * A viewer who sees one team (a coordinator): only what that team's accounts did, and only they
   * in the people filter; another team's notes and reasons are not theirs to read.
   */
  teamId?: number;
}

export interface AuditRow {
  id: number;
  at: string;
  actor: { kind: 'person'; username: string } | { kind: 'service'; name: string } | { kind: 'system' };
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  /** What else the entry recorded (when it has no before/after). */
  detail: Record<string, unknown>;
  /** A decision's note or a stated reason. */
  reason: string | null;
  /**
   * A coordinator's override of the rota checks: the reason given and the hard rules it broke
   * (codes with the person and time; none recorded for a swap approval, whose rota change
   * entry holds them).
   */
  override: { reason: string; violations: Violation[] } | null;
  /** Rules broken and saved anyway, as recorded before overrides were codes (English text). */
  overridden: string[];
}

export interface AuditTrail {
  rows: AuditRow[];
  people: { id: number; username: string }[];
  kinds: string[];
  weekStart: string | null;
  /** Staff names by id (as a string, like a violation's staffId): rule breaks and shifts name people. */
  staffNames: Record<string, string>;
}

function weekRange(week: string, zone: string): { from: string; to: string; weekStart: string } | null {
  const day = DateTime.fromISO(week, { zone });
  if (!day.isValid) return null;
  const start = day.startOf('week');
  return { from: start.toUTC().toISO()!, to: start.plus({ weeks: 1 }).toUTC().toISO()!, weekStart: start.toISODate()! };
}

const asRecord = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

const isViolation = (v: unknown): v is Violation => {
  const r = asRecord(v);
  return typeof r.rule === 'string' && typeof r.code === 'string' && typeof r.params === 'object';
};

/** The change path's `override: { reason, violations }`, or a swap approval's `overrideReason`. */
function overrideOf(override: unknown, overrideReason: unknown): AuditRow['override'] {
  const o = asRecord(override);
  if (typeof o.reason === 'string' && o.reason.trim())
    return { reason: o.reason, violations: Array.isArray(o.violations) ? o.violations.filter(isViolation) : [] };
  return typeof overrideReason === 'string' && overrideReason.trim() ? { reason: overrideReason, violations: [] } : null;
}

export async function auditTrail(db: DataSource, q: AuditQuery): Promise<AuditTrail> {
  const range = q.week ? weekRange(q.week, q.zone) : null;
  const [allUsers, services, kinds, staff] = await Promise.all([listUsers(db), listServiceTokens(db), listAuditKinds(db), listStaff(db)]);
  const teamStaff = q.teamId === undefined ? null : new Set(staff.filter((m) => m.teamId === q.teamId).map((m) => m.id));
  const users = teamStaff ? allUsers.filter((u) => u.staffId !== null && teamStaff.has(u.staffId)) : allUsers;
  const filter: AuditFilter = {
    limit: q.limit,
    userId: q.userId,
    userIds: teamStaff ? users.map((u) => u.id) : undefined,
    kind: q.kind,
    from: range?.from,
    to: range?.to,
  };
  const entries = await listAudit(db, filter);
  const usernames = new Map(users.map((u) => [u.id, u.username]));
  const tokenNames = new Map(services.map((t) => [t.id, t.name]));
  const rows = entries.map((e): AuditRow => {
    const { before, after, note, reason, violations, savedAnyway, override, overrideReason, ...rest } = asRecord(e.detail);
    const actor: AuditRow['actor'] =
      e.serviceTokenId !== null
        ? { kind: 'service', name: tokenNames.get(e.serviceTokenId) ?? `#${e.serviceTokenId}` }
        : e.userId !== null
          ? { kind: 'person', username: usernames.get(e.userId) ?? `#${e.userId}` }
          : { kind: 'system' };
    const text = [note, reason].find((v) => typeof v === 'string' && v.trim() !== '') as string | undefined;
    return {
      id: e.id,
      at: e.at,
      actor,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      before: before ?? null,
      after: after ?? null,
      detail: before === undefined && after === undefined ? rest : {},
      reason: text ?? null,
      override: overrideOf(override, overrideReason),
      overridden: savedAnyway === true && Array.isArray(violations) ? violations.map(String) : [],
    };
  });
  const staffNames = Object.fromEntries(staff.map((m) => [String(m.id), m.name]));
  return { rows, people: users.map((u) => ({ id: u.id, username: u.username })), kinds, weekStart: range?.weekStart ?? null, staffNames };
}

/**
 * The audit trail: append-only. This module is the app's only way to the audit_log table and
 * it has no update or delete (a test holds it to that). `detail` is any JSON-serialisable object.
 */
import { AuditLog } from '../entities/audit-log';
import type { Db } from './db';

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  /** The service token that acted, if one did (userId is then null). */
  serviceTokenId: number | null;
  action: string;
  entity: string;
  entityId: string | null;
  detail: unknown;
}

export interface NewAuditEntry {
  at: string;
  userId?: number | null;
  serviceTokenId?: number | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  detail?: unknown;
}

export interface AuditFilter {
  limit?: number;
  entity?: string;
  userId?: number;
  /** Only entries made by these accounts (an empty list: none). */
  userIds?: number[];
  /** Actions starting with this word and a dot ('swap' → 'swap.approved', …), or exactly it. */
  kind?: string;
  /** Instants, from inclusive, to exclusive (ISO-8601 UTC, compared as strings). */
  from?: string;
  to?: string;
  /** Only entries whose detail records a rule override (`override: {…}`): a rule broken on purpose. */
  withOverride?: boolean;
}

export async function appendAudit(db: Db, entry: NewAuditEntry): Promise<void> {
  await db.getRepository(AuditLog).insert({
    at: entry.at,
    userId: entry.userId ?? null,
    serviceTokenId: entry.serviceTokenId ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    detailJson: JSON.stringify(entry.detail ?? {}),
  });
}

/** Newest first. */
export async function listAudit(db: Db, opts: AuditFilter = {}): Promise<AuditEntry[]> {
  const q = db.getRepository(AuditLog).createQueryBuilder('a');
  if (opts.entity) q.andWhere('a.entity = :entity', { entity: opts.entity });
  if (opts.userId !== undefined) q.andWhere('a.userId = :userId', { userId: opts.userId });
  if (opts.userIds !== undefined)
    opts.userIds.length ? q.andWhere('a.userId IN (:...userIds)', { userIds: opts.userIds }) : q.andWhere('1 = 0');
  if (opts.kind) q.andWhere('(a.action = :kind OR a.action LIKE :kindPrefix)', { kind: opts.kind, kindPrefix: `${opts.kind}.%` });
  if (opts.from) q.andWhere('a.at >= :from', { from: opts.from });
  if (opts.to) q.andWhere('a.at < :to', { to: opts.to });
  // A prefilter on the stored JSON (written by JSON.stringify, so exactly this text): the caller
  // reads the detail anyway; rule overrides are rare, the entity's other entries are not.
  if (opts.withOverride) q.andWhere('a.detailJson LIKE :override', { override: '%"override":{%' });
  const rows = await q
    .orderBy('a.at', 'DESC')
    .addOrderBy('a.id', 'DESC')
    .take(opts.limit ?? 100)
    .getMany();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    userId: r.userId ?? null,
    serviceTokenId: r.serviceTokenId ?? null,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId ?? null,
    detail: JSON.parse(r.detailJson) as unknown,
  }));
}

/** The distinct first words of the recorded actions ('account', 'swap', …), for the filter. */
export async function listAuditKinds(db: Db): Promise<string[]> {
  const rows = (await db.getRepository(AuditLog).createQueryBuilder('a').select('DISTINCT a.action', 'action').getRawMany()) as {
    action: string;
  }[];
  return [...new Set(rows.map((r) => r.action.split('.')[0]))].sort();
}

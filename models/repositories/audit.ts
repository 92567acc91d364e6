/** The audit trail: append-only. `detail` is any JSON-serialisable object. */
import { AuditLog } from '../entities/audit-log';
import type { Db } from './db';

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  action: string;
  entity: string;
  entityId: string | null;
  detail: unknown;
}

export interface NewAuditEntry {
  at: string;
  userId?: number | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  detail?: unknown;
}

export async function appendAudit(db: Db, entry: NewAuditEntry): Promise<void> {
  await db.getRepository(AuditLog).insert({
    at: entry.at,
    userId: entry.userId ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    detailJson: JSON.stringify(entry.detail ?? {}),
  });
}

/** Newest first. */
export async function listAudit(db: Db, opts: { limit?: number; entity?: string } = {}): Promise<AuditEntry[]> {
  const rows = await db.getRepository(AuditLog).find({
    where: opts.entity ? { entity: opts.entity } : {},
    order: { at: 'DESC', id: 'DESC' },
    take: opts.limit ?? 100,
  });
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    userId: r.userId ?? null,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId ?? null,
    detail: JSON.parse(r.detailJson) as unknown,
  }));
}

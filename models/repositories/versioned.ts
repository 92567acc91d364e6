/**
 * Optimistic locking: an edit carries the version it read; the UPDATE matches id AND version,
 * and TypeORM's update builder bumps the @VersionColumn. No row touched means either the row is
 * gone (NotFoundError) or someone saved in between (StaleEditError): the user reloads.
 */
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { NotFoundError, StaleEditError } from '../errors';
import type { Db } from './db';

export async function updateVersioned<E extends ObjectLiteral>(
  db: Db,
  entity: EntityTarget<E>,
  label: string,
  id: number | string,
  expectedVersion: number,
  patch: Partial<E>,
): Promise<void> {
  const result = await db
    .getRepository(entity)
    .createQueryBuilder()
    .update()
    .set(patch as never)
    .where({ id, version: expectedVersion } as never)
    .execute();
  if (result.affected && result.affected > 0) return;
  const exists = await db.getRepository(entity).exists({ where: { id } as never });
  if (!exists) throw new NotFoundError(label, id);
  throw new StaleEditError(label, id, expectedVersion);
}

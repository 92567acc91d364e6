/** Raised when an edit carries a version older than the stored one (someone else saved first). */
export class StaleEditError extends Error {
  constructor(
    readonly entity: string,
    readonly id: number | string,
    readonly expectedVersion: number,
  ) {
    super(`${entity} ${id} was changed by someone else (you edited version ${expectedVersion}); reload and try again`);
    this.name = 'StaleEditError';
  }
}

/** Raised when a row that should exist does not. */
export class NotFoundError extends Error {
  constructor(
    readonly entity: string,
    readonly id: number | string,
  ) {
    super(`${entity} ${id} not found`);
    this.name = 'NotFoundError';
  }
}

/** Whether `err` is a unique-constraint violation from PostgreSQL (23505) or SQLite. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

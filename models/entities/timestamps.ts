/**
 * Instants are stored as ISO-8601 UTC strings of one fixed form, `YYYY-MM-DDTHH:mm:ss.sssZ`
 * (24 characters): portable between SQLite and PostgreSQL, exact, and sortable as text.
 * Repository code normally passes the clock's time in; the entity hooks only fill a gap
 * (an entity saved without a timestamp), which is why this is the one place that reads the wall clock.
 */
export function nowIso(): string {
  return new Date().toISOString();
}

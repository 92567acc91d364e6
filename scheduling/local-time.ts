import { DateTime } from 'luxon';

/** An instant's wall clock in a zone: local date yyyy-mm-dd, hour, minute, weekday (1 = Monday). */
export interface LocalTime {
  readonly date: string;
  readonly hour: number;
  readonly minute: number;
  readonly weekday: number;
}

/**
 * The answers of localTimeOf: pages show the same shifts' times to everyone again and again, and
 * each costs luxon's zone arithmetic (the rota grid asked it for every person × day × shift).
 * Keyed by everything the answer depends on (zone and instant); capped, cleared when full.
 */
const memo = new Map<string, LocalTime>();
const MEMO_MAX = 50_000;

export function localTimeOf(iso: string, zone: string): LocalTime {
  const key = `${zone} ${iso}`;
  const known = memo.get(key);
  if (known) return known;
  const dt = DateTime.fromISO(iso, { zone }).setZone(zone);
  const local: LocalTime = Object.freeze({ date: dt.toISODate() ?? '', hour: dt.hour, minute: dt.minute, weekday: dt.weekday });
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(key, local);
  return local;
}

/** "HH:mm" of an instant in a zone. */
export function localHhmm(iso: string, zone: string): string {
  const t = localTimeOf(iso, zone);
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

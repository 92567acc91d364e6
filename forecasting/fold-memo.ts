/**
 * Work shared by forecasts of one history from several origins: the day-ahead forecasts of an
 * intraday update (the start's day and up to 20 days before it, each choosing its method on 4
 * backtest weeks and calibrating on 8) and the folds of `backtest` (each fold's inner folds are
 * the next folds' too). An inner fold's cleaned training values and its candidates' forecasts
 * depend only on the values before the fold's end and on the special days up to it, so origins
 * a day or a week apart share most of them: an intraday update runs 189 fold forecasts on 77
 * distinct fold origins.
 *
 * Exact, not approximate: an entry is used only for a grid whose values equal the first grid's
 * (compared value by value) up to the end of what the entry read, on the same first day and
 * interval, with the same special days up to there (part of the key).
 */
import type { DayMarks } from './calendar/day-marks';

export class FoldMemo {
  private reference: Float64Array | null = null;
  private firstDay = 0;
  private slotsPerDay = 0;
  private readonly entries = new Map<string, unknown>();

  /**
   * How many leading values of `values` the memo's entries may be used for: as many as equal
   * the grid the memo holds (the first one seen, or a longer one that agreed with it), 0 for a
   * grid on other days or intervals.
   */
  sharedLength(values: Float64Array, firstDay: number, slotsPerDay: number): number {
    const ref = this.reference;
    if (!ref) {
      this.reference = values;
      this.firstDay = firstDay;
      this.slotsPerDay = slotsPerDay;
      return values.length;
    }
    if (firstDay !== this.firstDay || slotsPerDay !== this.slotsPerDay) return 0;
    const n = Math.min(values.length, ref.length);
    // A view of the same values (backtest's folds cut one grid): equal without a look.
    if (values.buffer === ref.buffer && values.byteOffset === ref.byteOffset) return n;
    let i = 0;
    while (i < n && Object.is(values[i], ref[i])) i++;
    // A longer grid that agrees with all of the first takes its place: every entry read a prefix
    // of both, so a forecast from a later origin (the intraday backtest's next day) shares more.
    if (i === ref.length && values.length > ref.length) this.reference = values;
    return i;
  }

  /** The value stored under `key`, made by `make` the first time. */
  get<T>(key: string, make: () => T): T {
    if (this.entries.has(key)) return this.entries.get(key) as T;
    const value = make();
    this.entries.set(key, value);
    return value;
  }
}

/**
 * A key for the special days of `marks` before local day `endDay` (exclusive): the days and
 * everything about them that cleaning, day factors and forecasts read.
 */
export function marksBefore(marks: DayMarks, endDay: number): string {
  const parts: string[] = [];
  for (const [day, m] of marks) if (day < endDay) parts.push(JSON.stringify([day, m.key, m.source, m.kind, m.effectPct]));
  return parts.sort().join(',');
}

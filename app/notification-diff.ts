/**
 * What a change to the rota means for one person: their shifts added, removed and moved,
 * matched across revisions by the shift's uid (its identity). Plain data; the words are the
 * catalogue's (server/view-models/notifications.ts).
 */

export interface DiffShift {
  uid: string;
  staffId: number;
  start: string;
  end: string;
  channel: string;
}

export type ShiftChange =
  | { change: 'added' | 'removed'; start: string; end: string; channel: string }
  | { change: 'moved'; fromStart: string; fromEnd: string; start: string; end: string; channel: string };

const same = (a: DiffShift, b: DiffShift) => Date.parse(a.start) === Date.parse(b.start) && Date.parse(a.end) === Date.parse(b.end);

/** The person's changes, in time order (a moved shift at its new time). */
export function personalDiff(staffId: number, before: DiffShift[], after: DiffShift[]): ShiftChange[] {
  const mineBefore = before.filter((s) => s.staffId === staffId);
  const mineAfter = after.filter((s) => s.staffId === staffId);
  const old = new Map(mineBefore.filter((s) => s.uid).map((s) => [s.uid, s]));
  const out: ShiftChange[] = [];
  for (const s of mineAfter) {
    const was = s.uid ? old.get(s.uid) : undefined;
    if (!was) out.push({ change: 'added', start: s.start, end: s.end, channel: s.channel });
    else if (!same(was, s) || was.channel !== s.channel)
      out.push({ change: 'moved', fromStart: was.start, fromEnd: was.end, start: s.start, end: s.end, channel: s.channel });
  }
  const kept = new Set(mineAfter.map((s) => s.uid).filter(Boolean));
  for (const s of mineBefore) if (!kept.has(s.uid)) out.push({ change: 'removed', start: s.start, end: s.end, channel: s.channel });
  return out.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/** Everyone whose shifts differ between the two lists, with their changes. */
export function diffByPerson(before: DiffShift[], after: DiffShift[]): Map<number, ShiftChange[]> {
  const people = new Set([...before, ...after].map((s) => s.staffId));
  const out = new Map<number, ShiftChange[]>();
  for (const id of [...people].sort((a, b) => a - b)) {
    const changes = personalDiff(id, before, after);
    if (changes.length) out.set(id, changes);
  }
  return out;
}

/** Hours of work in these shifts (breaks included: the diff speaks of shift lengths). */
export function shiftHours(shifts: Pick<DiffShift, 'start' | 'end'>[]): number {
  return Math.round((shifts.reduce((h, s) => h + (Date.parse(s.end) - Date.parse(s.start)), 0) / 3_600_000) * 10) / 10;
}

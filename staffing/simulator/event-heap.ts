/**
 * Binary min-heap of timed events. Ties are broken by insertion order so that a run is
 * fully determined by its seed. Sifts move a hole instead of swapping (the simulator spends
 * most of its time here).
 */
export interface TimedEvent {
  time: number;
  seq: number;
}

/** Omit that keeps a union a union (each event kind keeps its own fields). */
export type WithoutSeq<E> = E extends unknown ? Omit<E, 'seq'> : never;

function before(x: TimedEvent, y: TimedEvent): boolean {
  return x.time < y.time || (x.time === y.time && x.seq < y.seq);
}

export class EventHeap<E extends TimedEvent> {
  private readonly items: E[] = [];
  private counter = 0;

  get size(): number {
    return this.items.length;
  }

  /** Adds an event; the object is stamped with its sequence number (callers pass fresh literals). */
  push(event: WithoutSeq<E>): void {
    const e = event as unknown as E;
    e.seq = this.counter++;
    const a = this.items;
    let i = a.length;
    a.push(e);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = a[parent]!;
      if (!before(e, p)) break;
      a[i] = p;
      i = parent;
    }
    a[i] = e;
  }

  pop(): E | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    const n = a.length;
    if (n === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && before(a[r]!, a[l]!) ? r : l;
      if (!before(a[c]!, last)) break;
      a[i] = a[c]!;
      i = c;
    }
    a[i] = last;
    return top;
  }
}

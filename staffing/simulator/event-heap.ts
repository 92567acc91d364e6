/**
 * Binary min-heap of timed events. Ties are broken by insertion order so that a run is
 * fully determined by its seed.
 */
export interface TimedEvent {
  time: number;
  seq: number;
}

/** Omit that keeps a union a union (each event kind keeps its own fields). */
export type WithoutSeq<E> = E extends unknown ? Omit<E, 'seq'> : never;

export class EventHeap<E extends TimedEvent> {
  private items: E[] = [];
  private counter = 0;

  get size(): number {
    return this.items.length;
  }

  push(event: WithoutSeq<E>): void {
    const e = { ...event, seq: this.counter++ } as E;
    const a = this.items;
    a.push(e);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(a[i]!, a[parent]!)) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }

  pop(): E | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l]!, a[m]!)) m = l;
        if (r < a.length && this.less(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }

  private less(x: E, y: E): boolean {
    return x.time < y.time || (x.time === y.time && x.seq < y.seq);
  }
}

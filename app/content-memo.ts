/**
 * A small per-process cache of pure calculations keyed by their inputs' content (a hash of the
 * inputs as JSON). The rota page, Home and the to-do card recompute the week's rule check and
 * service projection on every view although the week rarely changes; with the inputs as the
 * key an entry can never be stale (changed inputs are another key), so several app instances
 * need no invalidation between them. Least recently used entries go first.
 */
import { createHash } from 'node:crypto';

export class ContentMemo<T> {
  private readonly entries = new Map<string, T>();
  hits = 0;
  misses = 0;

  constructor(private readonly capacity: number) {}

  /** `compute()` for these inputs, or its earlier result for the same inputs. */
  get(inputs: unknown, compute: () => T): T {
    const key = createHash('sha1').update(JSON.stringify(inputs, withCollections)).digest('base64');
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.hits++;
      // Re-inserted: a Map keeps insertion order, so the oldest key is the least recently used.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    this.misses++;
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * JSON.stringify writes a Map or a Set as `{}`: their content would not be part of the key, and
 * two inputs differing only there (who has which skill, say) would share an entry.
 */
function withCollections(_key: string, value: unknown): unknown {
  if (value instanceof Map) return { map: [...value.entries()] };
  if (value instanceof Set) return { set: [...value.values()] };
  return value;
}

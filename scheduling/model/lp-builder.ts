/**
 * A small builder for sparse mixed-integer models, handed to HiGHS as typed arrays (CSR),
 * which loads much faster than LP text for models of this size.
 */
export interface SparseModel {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  integrality: Int32Array;
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  offset: number;
}

export class LpBuilder {
  readonly cost: number[] = [];
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  readonly integer: number[] = [];
  readonly names: string[] = [];
  private rowLo: number[] = [];
  private rowHi: number[] = [];
  private starts: number[] = [0];
  private idx: number[] = [];
  private val: number[] = [];
  offset = 0;

  addCol(name: string, cost: number, lower: number, upper: number, integer: boolean): number {
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer ? 1 : 0);
    this.names.push(name);
    return this.cost.length - 1;
  }

  /** Adds lo <= Σ coef·col <= hi; duplicate columns are merged. Returns the row index. */
  addRow(cols: number[], coefs: number[] | number, lo: number, hi: number): number {
    const merged = new Map<number, number>();
    cols.forEach((c, i) => merged.set(c, (merged.get(c) ?? 0) + (typeof coefs === 'number' ? coefs : coefs[i])));
    for (const [c, v] of merged) {
      if (v === 0) continue;
      this.idx.push(c);
      this.val.push(v);
    }
    this.starts.push(this.idx.length);
    this.rowLo.push(lo);
    this.rowHi.push(hi);
    return this.rowLo.length - 1;
  }

  get numCols(): number {
    return this.cost.length;
  }

  get numRows(): number {
    return this.rowLo.length;
  }

  build(infinity: number): SparseModel {
    const clip = (a: number[]) => Float64Array.from(a, (v) => (v === Infinity ? infinity : v === -Infinity ? -infinity : v));
    return {
      numCols: this.numCols,
      numRows: this.numRows,
      colCost: Float64Array.from(this.cost),
      colLower: clip(this.lower),
      colUpper: clip(this.upper),
      rowLower: clip(this.rowLo),
      rowUpper: clip(this.rowHi),
      integrality: Int32Array.from(this.integer),
      starts: Int32Array.from(this.starts),
      indices: Int32Array.from(this.idx),
      values: Float64Array.from(this.val),
      offset: this.offset,
    };
  }
}

/** One problem found in an input file, located by line (CSV) or JSON path. */
export interface InputError {
  file: string;
  /** 1-based line of a CSV file (the header is line 1). */
  line?: number;
  /** JSON path such as "staff[3].skills[0]". */
  path?: string;
  field?: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: InputError[] };

/** `REQ.csv line 17, field required: "abc" is not a number` / `STAFF.json staff[3].skills[0]: …` */
export function formatInputError(e: InputError): string {
  if (e.line !== undefined) {
    return `${e.file} line ${e.line}${e.field ? `, field ${e.field}` : ''}: ${e.message}`;
  }
  return `${e.file}${e.path ? ` ${e.path}` : ''}: ${e.message}`;
}

export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out;
}

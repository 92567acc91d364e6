/**
 * A minimal RFC 4180 field splitter for one logical CSV record.
 *
 * Why not csv-parse: the history reader is fed line by line (from a file stream, an upload or
 * a test array) and must say which line a problem is on; a record split by hand keeps the
 * line bookkeeping in one place and stays pure.
 */

export interface SplitResult {
  fields: string[];
  /** True when a quoted field is still open at the end of the text (the record continues on the next line). */
  open: boolean;
}

/** Splits `text` on commas, honouring double-quoted fields and "" escapes. */
export function splitCsvRecord(text: string): SplitResult {
  const fields: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      inQuotes = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else {
      field += ch;
    }
  }
  fields.push(field);
  return { fields, open: inQuotes };
}

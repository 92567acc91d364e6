/**
 * Reader for the benchmark's text format: `SECTION_…` headers, comma-separated rows, `#`
 * comments, CRLF or LF line ends. Every problem found is reported with its line number
 * (1-based); a file with any error gives no instance.
 */
import type { InputError, Parsed } from '../parse/parse-error';
import type { NrpCover, NrpInstance, NrpRequest, NrpShiftType, NrpStaffMember } from './instance';

const SECTIONS = [
  'SECTION_HORIZON',
  'SECTION_SHIFTS',
  'SECTION_STAFF',
  'SECTION_DAYS_OFF',
  'SECTION_SHIFT_ON_REQUESTS',
  'SECTION_SHIFT_OFF_REQUESTS',
  'SECTION_COVER',
] as const;
type Section = (typeof SECTIONS)[number];

interface Row {
  line: number;
  fields: string[];
}

const STAFF_FIELDS = [
  'MaxShifts',
  'MaxTotalMinutes',
  'MinTotalMinutes',
  'MaxConsecutiveShifts',
  'MinConsecutiveShifts',
  'MinConsecutiveDaysOff',
  'MaxWeekends',
];

class Reader {
  readonly errors: InputError[] = [];
  constructor(readonly file: string) {}

  fail(line: number | undefined, message: string, field?: string): void {
    this.errors.push({ file: this.file, ...(line !== undefined ? { line } : {}), ...(field ? { field } : {}), message });
  }

  /** A whole number ≥ min, or undefined (with an error) when the text is not one. */
  int(text: string, line: number, field: string, min = 0): number | undefined {
    if (!/^-?\d+$/.test(text)) {
      this.fail(line, `"${text}" is not a whole number`, field);
      return undefined;
    }
    const v = Number(text);
    if (v < min) {
      this.fail(line, `${v} is below ${min}`, field);
      return undefined;
    }
    return v;
  }
}

export function readNrpInstance(text: string, file = 'instance.txt'): Parsed<NrpInstance> {
  const r = new Reader(file);
  const rows = splitSections(text, r);
  const days = readHorizon(rows.SECTION_HORIZON, r);
  const shifts = readShifts(rows.SECTION_SHIFTS, r);
  const shiftIds = new Set(shifts.map((s) => s.id));
  const { staff, ids: staffIds } = readStaff(rows.SECTION_STAFF, shiftIds, r);
  const byId = new Map(staff.map((s) => [s.id, s]));
  const horizon = days ?? Infinity;
  readDaysOff(rows.SECTION_DAYS_OFF, byId, staffIds, horizon, r);
  const onRequests = readRequests(rows.SECTION_SHIFT_ON_REQUESTS, staffIds, shiftIds, horizon, r);
  const offRequests = readRequests(rows.SECTION_SHIFT_OFF_REQUESTS, staffIds, shiftIds, horizon, r);
  const cover = readCover(rows.SECTION_COVER, shiftIds, horizon, r);
  if (r.errors.length || days === undefined) return { ok: false, errors: r.errors };
  return { ok: true, value: { days, shifts, staff, onRequests, offRequests, cover } };
}

function splitSections(text: string, r: Reader): Record<Section, Row[]> {
  const rows: Partial<Record<Section, Row[]>> = {};
  let current: Section | null = null;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const s = raw.trim();
    if (!s || s.startsWith('#')) return;
    if (s.startsWith('SECTION_')) {
      if (!(SECTIONS as readonly string[]).includes(s)) return r.fail(line, `unknown section ${s}`);
      if (rows[s as Section]) return r.fail(line, `section ${s} appears twice`);
      current = s as Section;
      rows[current] = [];
      return;
    }
    if (!current) return r.fail(line, 'data before the first SECTION_ line');
    rows[current]!.push({ line, fields: s.split(',').map((f) => f.trim()) });
  });
  for (const s of SECTIONS) {
    if (rows[s]) continue;
    r.fail(undefined, `section ${s} is missing`);
    // Read the rest anyway, so that one run reports every problem.
    rows[s] = [];
  }
  return rows as Record<Section, Row[]>;
}

function readHorizon(rows: Row[], r: Reader): number | undefined {
  if (!rows.length) return undefined;
  if (rows.length !== 1 || rows[0].fields.length !== 1) {
    r.fail(rows[0]?.line, 'SECTION_HORIZON must hold exactly one number (the days)');
    return undefined;
  }
  return r.int(rows[0].fields[0], rows[0].line, 'horizon', 1);
}

function readShifts(rows: Row[], r: Reader): NrpShiftType[] {
  const out: NrpShiftType[] = [];
  const lines: number[] = [];
  for (const { line, fields } of rows) {
    if (fields.length < 2 || fields.length > 3) {
      r.fail(line, `a shift row has 3 fields (ID, minutes, shifts that may not follow), not ${fields.length}`);
      continue;
    }
    const [id, len, next = ''] = fields;
    if (!id) r.fail(line, 'empty shift ID', 'ShiftID');
    else if (out.some((s) => s.id === id)) r.fail(line, `shift ${id} is defined twice`, 'ShiftID');
    const minutes = r.int(len, line, 'Length', 1);
    const forbiddenNext = next
      .split('|')
      .map((x) => x.trim())
      .filter(Boolean);
    if (id && minutes !== undefined) {
      out.push({ id, minutes, forbiddenNext });
      lines.push(line);
    }
  }
  const ids = new Set(out.map((s) => s.id));
  out.forEach((s, i) => {
    for (const n of s.forbiddenNext) if (!ids.has(n)) r.fail(lines[i], `shift ${n} (may not follow ${s.id}) is not defined`, 'forbidden');
  });
  return out;
}

/** The staff rows that read, and every ID listed (also of rows with errors, so that later sections do not repeat them). */
function readStaff(rows: Row[], shiftIds: Set<string>, r: Reader): { staff: NrpStaffMember[]; ids: Set<string> } {
  const out: NrpStaffMember[] = [];
  const ids = new Set<string>();
  for (const { line, fields } of rows) {
    if (fields.length !== 8) {
      r.fail(line, `a staff row has 8 fields (ID, ${STAFF_FIELDS.join(', ')}), not ${fields.length}`);
      continue;
    }
    const [id, maxShiftsText, ...numbers] = fields;
    if (!id) r.fail(line, 'empty staff ID', 'ID');
    else if (ids.has(id)) r.fail(line, `staff ${id} is listed twice`, 'ID');
    ids.add(id);
    const maxShifts: Record<string, number> = {};
    for (const part of maxShiftsText
      .split('|')
      .map((x) => x.trim())
      .filter(Boolean)) {
      const m = /^([^=]+)=(.*)$/.exec(part);
      if (!m) {
        r.fail(line, `"${part}" is not SHIFT=N`, 'MaxShifts');
        continue;
      }
      const sid = m[1].trim();
      if (!shiftIds.has(sid)) r.fail(line, `shift ${sid} is not defined`, 'MaxShifts');
      const n = r.int(m[2].trim(), line, 'MaxShifts');
      if (n !== undefined) maxShifts[sid] = n;
    }
    const v = numbers.map((t, i) => r.int(t, line, STAFF_FIELDS[i + 1]));
    if (!id || v.some((x) => x === undefined)) continue;
    const [maxTotalMinutes, minTotalMinutes, maxConsecutiveShifts, minConsecutiveShifts, minConsecutiveDaysOff, maxWeekends] =
      v as number[];
    out.push({
      id,
      maxShifts,
      maxTotalMinutes,
      minTotalMinutes,
      maxConsecutiveShifts,
      minConsecutiveShifts,
      minConsecutiveDaysOff,
      maxWeekends,
      daysOff: [],
    });
  }
  return { staff: out, ids };
}

function day(text: string, line: number, horizon: number, r: Reader): number | undefined {
  const d = r.int(text, line, 'Day');
  if (d !== undefined && d >= horizon) {
    r.fail(line, `day ${d} is outside the horizon (0-${horizon - 1})`, 'Day');
    return undefined;
  }
  return d;
}

function readDaysOff(rows: Row[], staff: Map<string, NrpStaffMember>, ids: Set<string>, horizon: number, r: Reader): void {
  for (const { line, fields } of rows) {
    const person = staff.get(fields[0]);
    if (!ids.has(fields[0])) r.fail(line, `staff ${fields[0]} is not in SECTION_STAFF`, 'EmployeeID');
    for (const t of fields.slice(1).filter(Boolean)) {
      const d = day(t, line, horizon, r);
      if (person && d !== undefined && !person.daysOff.includes(d)) person.daysOff.push(d);
    }
    person?.daysOff.sort((a, b) => a - b);
  }
}

function readRequests(rows: Row[], staff: Set<string>, shiftIds: Set<string>, horizon: number, r: Reader): NrpRequest[] {
  const out: NrpRequest[] = [];
  for (const { line, fields } of rows) {
    if (fields.length !== 4) {
      r.fail(line, `a request row has 4 fields (EmployeeID, Day, ShiftID, Weight), not ${fields.length}`);
      continue;
    }
    const [id, dayText, shift, weightText] = fields;
    if (!staff.has(id)) r.fail(line, `staff ${id} is not in SECTION_STAFF`, 'EmployeeID');
    if (!shiftIds.has(shift)) r.fail(line, `shift ${shift} is not defined`, 'ShiftID');
    const d = day(dayText, line, horizon, r);
    const weight = r.int(weightText, line, 'Weight');
    if (staff.has(id) && shiftIds.has(shift) && d !== undefined && weight !== undefined) out.push({ staff: id, day: d, shift, weight });
  }
  return out;
}

function readCover(rows: Row[], shiftIds: Set<string>, horizon: number, r: Reader): NrpCover[] {
  const out: NrpCover[] = [];
  for (const { line, fields } of rows) {
    if (fields.length !== 5) {
      r.fail(line, `a cover row has 5 fields (Day, ShiftID, Requirement, Weight for under, Weight for over), not ${fields.length}`);
      continue;
    }
    const [dayText, shift, ...numbers] = fields;
    if (!shiftIds.has(shift)) r.fail(line, `shift ${shift} is not defined`, 'ShiftID');
    const d = day(dayText, line, horizon, r);
    const [requirement, underWeight, overWeight] = numbers.map((t, i) =>
      r.int(t, line, ['Requirement', 'Weight for under', 'Weight for over'][i]),
    );
    if (shiftIds.has(shift) && d !== undefined && requirement !== undefined && underWeight !== undefined && overWeight !== undefined)
      out.push({ day: d, shift, requirement, underWeight, overWeight });
  }
  return out;
}

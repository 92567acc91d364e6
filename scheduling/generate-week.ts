import { DateTime } from 'luxon';
import type { PreviousShift, Problem, IntervalRequirement, StaffMember } from './types';
import { DEFAULT_RULES, DEFAULT_WEIGHTS } from './rules/defaults';
import { mulberry32 } from '../forecasting/random';

export interface GenerateOptions {
  people: number;
  channels: string[];
  intervalMinutes: number;
  seed: number;
  weekStart?: string;
  /** Required agent-hours as a share of the team's on-duty hours (above 1: not all coverable). */
  load?: number;
}

const NAMES = ['Nino', 'Giorgi', 'Mariam', 'Luka', 'Ana', 'Davit', 'Salome', 'Saba', 'Tamar', 'Levan', 'Elene', 'Irakli'];

/**
 * A synthetic team and week shaped like the Tbilisi team (for benchmarks and tests): mostly
 * full-time, a few part-time, single- and multi-skilled people, leave and late-Sunday shifts
 * that block Monday mornings, and a two-peak daily requirement curve per channel.
 */
export function generateWeek(o: GenerateOptions): Problem {
  const rnd = mulberry32(o.seed);
  const zone = 'Asia/Tbilisi';
  const weekStart = o.weekStart ?? '2026-12-07';
  const monday = DateTime.fromISO(weekStart, { zone });
  const staff = Array.from({ length: o.people }, (_, i) => makePerson(i, o.channels, monday, rnd));
  const previousShifts: PreviousShift[] = staff
    .filter(() => rnd() < 0.3)
    .map((s) => {
      const start = monday.minus({ days: 1 }).set({ hour: 14 + Math.floor(rnd() * 2) });
      return { staffId: s.id, start: iso(start), end: iso(start.plus({ hours: 9 })) };
    });
  const onDutyHours = staff.reduce((t, s) => t + s.contractHoursPerWeek, 0);
  const requirements = makeRequirements(o, monday, onDutyHours * (o.load ?? 0.95), staff, rnd);
  return {
    weekStart,
    timeZone: zone,
    intervalMinutes: o.intervalMinutes,
    channels: o.channels,
    requirements,
    staff,
    rules: { ...DEFAULT_RULES, shiftLengthsHours: [...DEFAULT_RULES.shiftLengthsHours] },
    weights: { ...DEFAULT_WEIGHTS },
    previousShifts,
  };
}

function iso(d: DateTime): string {
  return d.toISO({ suppressMilliseconds: true }) ?? '';
}

function makePerson(i: number, channels: string[], monday: DateTime, rnd: () => number): StaffMember {
  const r = rnd();
  const skills =
    r < 0.5
      ? [channels[0]]
      : r < 0.7
        ? [channels[1 % channels.length]]
        : r < 0.8
          ? [channels[channels.length - 1]]
          : r < 0.93
            ? channels.slice(0, 2)
            : [...channels];
  const c = rnd();
  const contract = c < 0.85 ? 40 : c < 0.9 ? 30 : c < 0.95 ? 28 : 24;
  const unavailable = [];
  if (rnd() < 0.1) {
    const d0 = Math.floor(rnd() * 5);
    unavailable.push({ start: iso(monday.plus({ days: d0 })), end: iso(monday.plus({ days: d0 + 2 })) });
  }
  if (rnd() < 0.12) {
    const d = Math.floor(rnd() * 7);
    unavailable.push({ start: iso(monday.plus({ days: d, hours: 18 })), end: iso(monday.plus({ days: d + 1 })) });
  }
  return {
    id: `p${String(i + 1).padStart(3, '0')}`,
    name: `${NAMES[i % NAMES.length]} ${i + 1}`,
    skills: [...new Set(skills)],
    contractHoursPerWeek: contract,
    unavailable,
  };
}

/** Two daily peaks (11:00 and 16:00), quieter weekends, channel shares by skilled headcount. */
function makeRequirements(
  o: GenerateOptions,
  monday: DateTime,
  totalHours: number,
  staff: StaffMember[],
  rnd: () => number,
): IntervalRequirement[] {
  const share = o.channels.map((c) => staff.filter((s) => s.skills.includes(c)).length / Math.max(1, s0(staff)));
  const shape: number[] = [];
  for (let d = 0; d < 7; d++) {
    for (let m = 0; m < 1440; m += o.intervalMinutes) {
      const h = m / 60;
      const open = h >= 8 && h < 23;
      const curve = open ? 0.5 + Math.exp(-((h - 11) ** 2) / 6) + 0.8 * Math.exp(-((h - 16) ** 2) / 8) : 0;
      shape.push(curve * (d >= 5 ? 0.7 : 1) * (0.9 + 0.2 * rnd()));
    }
  }
  const sumShape = shape.reduce((a, b) => a + b, 0) * (o.intervalMinutes / 60);
  const shareSum = share.reduce((a, b) => a + b, 0);
  const rows: IntervalRequirement[] = [];
  shape.forEach((v, k) => {
    const ts = iso(monday.plus({ minutes: k * o.intervalMinutes }));
    o.channels.forEach((ch, c) =>
      rows.push({ timestamp: ts, channel: ch, required: Math.round((totalHours * v * share[c]) / (sumShape * shareSum)) }),
    );
  });
  return rows;
}

function s0(staff: StaffMember[]): number {
  return staff.length;
}

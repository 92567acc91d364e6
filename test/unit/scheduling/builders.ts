import type { Problem, Shift, StaffMember } from '../../../scheduling/types';
import { DEFAULT_RULES, DEFAULT_WEIGHTS } from '../../../scheduling/rules/defaults';

/** 2026-12-07 is a Monday; Tbilisi is UTC+4 all year. */
export const at = (day: number, hhmm: string) => `2026-12-${String(7 + day).padStart(2, '0')}T${hhmm}:00+04:00`;

export function makeAgent(over: Partial<StaffMember> = {}): StaffMember {
  return { id: 'a1', name: 'Nino Beridze', skills: ['voice'], contractHoursPerWeek: 40, unavailable: [], ...over };
}

export function makeProblem(over: Partial<Problem> = {}): Problem {
  return {
    weekStart: '2026-12-07',
    timeZone: 'Asia/Tbilisi',
    intervalMinutes: 60,
    channels: ['voice', 'chat'],
    requirements: [],
    staff: [makeAgent()],
    rules: { ...DEFAULT_RULES, shiftLengthsHours: [8, 9] },
    weights: { ...DEFAULT_WEIGHTS },
    previousShifts: [],
    ...over,
  };
}

/** A shift on `day` from `from` to `to` with a lunch hour starting at `lunch`. */
export function makeShift(day: number, from: string, to: string, lunch: string, over: Partial<Shift> = {}): Shift {
  const [h, m] = lunch.split(':').map(Number);
  const lunchEnd = `${String(h + 1).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  return {
    staffId: 'a1',
    start: at(day, from),
    end: at(day, to),
    breaks: [{ start: at(day, lunch), end: at(day, lunchEnd) }],
    channel: 'voice',
    ...over,
  };
}

/** Five 9-hour shifts Monday-Friday 09:00-18:00: 40 worked hours, keeps every rule. */
export function fullWeek(over: Partial<Shift> = {}): Shift[] {
  return [0, 1, 2, 3, 4].map((d) => makeShift(d, '09:00', '18:00', '13:00', over));
}

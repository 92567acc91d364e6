/**
 * Demo time off, availability, preferences and calendar events, placed relative to the clock
 * so the coming weeks always have something to approve and plan around.
 */
import type { DateTime } from 'luxon';

export interface DemoTimeOff {
  code: string;
  startDate: string;
  endDate: string;
  kind: 'vacation' | 'sick' | 'personal' | 'other';
  status: 'pending' | 'approved' | 'rejected';
  note: string;
}

export interface DemoAvailability {
  code: string;
  weekday: number | null;
  date: string | null;
  fromTime: string;
  toTime: string;
  kind: 'unavailable' | 'preferred';
  note: string;
}

export interface DemoPreference {
  code: string;
  kind: 'early' | 'late' | 'day_off' | 'weekend_off';
  weekday: number | null;
  weight: number;
}

const d = (day: DateTime) => day.toISODate()!;

/** `today` is the local date of the clock in the team's zone. */
export function demoTimeOff(today: DateTime): DemoTimeOff[] {
  const nextMonday = today.startOf('week').plus({ weeks: 1 });
  return [
    {
      code: 's08',
      startDate: d(nextMonday.plus({ days: 2 })),
      endDate: d(nextMonday.plus({ days: 6 })),
      kind: 'vacation',
      status: 'approved',
      note: 'Family trip to Batumi',
    },
    { code: 's22', startDate: d(nextMonday), endDate: d(nextMonday.plus({ days: 4 })), kind: 'vacation', status: 'approved', note: '' },
    {
      code: 's31',
      startDate: d(nextMonday.plus({ weeks: 1 })),
      endDate: d(nextMonday.plus({ weeks: 1, days: 6 })),
      kind: 'vacation',
      status: 'approved',
      note: 'Wedding',
    },
    { code: 's15', startDate: d(today), endDate: d(today.plus({ days: 1 })), kind: 'sick', status: 'approved', note: 'Flu' },
    {
      code: 's12',
      startDate: d(nextMonday.plus({ days: 4 })),
      endDate: d(nextMonday.plus({ days: 4 })),
      kind: 'personal',
      status: 'pending',
      note: 'Moving flat',
    },
    {
      code: 's27',
      startDate: d(nextMonday.plus({ weeks: 2 })),
      endDate: d(nextMonday.plus({ weeks: 2, days: 2 })),
      kind: 'vacation',
      status: 'pending',
      note: '',
    },
    {
      code: 's17',
      startDate: d(nextMonday.plus({ days: 5 })),
      endDate: d(nextMonday.plus({ days: 6 })),
      kind: 'personal',
      status: 'pending',
      note: 'Sister visiting',
    },
    {
      code: 's10',
      startDate: d(nextMonday),
      endDate: d(nextMonday),
      kind: 'other',
      status: 'rejected',
      note: 'Concert (week too short-staffed)',
    },
  ];
}

export function demoAvailability(today: DateTime): DemoAvailability[] {
  const nextWednesday = today.startOf('week').plus({ weeks: 1, days: 2 });
  const weekdays = (days: number[], from: string, to: string, code: string, note: string): DemoAvailability[] =>
    days.map((weekday) => ({ code, weekday, date: null, fromTime: from, toTime: to, kind: 'unavailable', note }));
  return [
    ...weekdays([1, 2, 3, 4, 5], '09:00', '14:00', 's19', 'University lectures'),
    ...weekdays([2, 4], '09:00', '15:00', 's26', 'University lectures'),
    ...weekdays([1, 2, 3, 4, 5], '18:00', '24:00', 's18', 'Childcare'),
    { code: 's34', weekday: 6, date: null, fromTime: '09:00', toTime: '17:00', kind: 'preferred', note: 'Prefers Saturday days' },
    { code: 's09', weekday: null, date: d(nextWednesday), fromTime: '09:00', toTime: '13:00', kind: 'unavailable', note: 'Doctor' },
  ];
}

export const DEMO_PREFERENCES: DemoPreference[] = [
  { code: 's06', kind: 'early', weekday: null, weight: 3 },
  { code: 's07', kind: 'late', weekday: null, weight: 2 },
  { code: 's11', kind: 'weekend_off', weekday: null, weight: 5 },
  { code: 's23', kind: 'day_off', weekday: 5, weight: 4 },
  { code: 's30', kind: 'early', weekday: null, weight: 2 },
  { code: 's03', kind: 'weekend_off', weekday: null, weight: 2 },
  { code: 's25', kind: 'late', weekday: null, weight: 3 },
];

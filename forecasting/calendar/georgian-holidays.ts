/**
 * Public holidays of Georgia (Labour Code of Georgia, Art. 20), computed for any year.
 *
 * Fixed-date holidays are listed once; the Orthodox Easter days (Good Friday to Easter Monday)
 * move every year and are computed from the Julian-calendar Easter (Meeus' algorithm), shifted
 * to the Gregorian calendar (+13 days, valid 1900-2099).
 *
 * 17 May (Day of Family Sanctity and Respect for Parents) is a public holiday from 2025 on;
 * `date-holidays` does not know it yet, which is one reason this list is ours.
 * One-off government days off (e.g. an election day) are not predictable: they come in as
 * coordinator-entered calendar events, not from here.
 */

export interface Holiday {
  /** ISO calendar date, yyyy-mm-dd, local to Georgia. */
  date: string;
  /** Message-catalogue key of the holiday's name (`holiday.<key>`). */
  key: string;
}

interface FixedHoliday {
  month: number;
  day: number;
  key: string;
  fromYear?: number;
}

const FIXED: FixedHoliday[] = [
  { month: 1, day: 1, key: 'newYear' },
  { month: 1, day: 2, key: 'newYear2' },
  { month: 1, day: 7, key: 'christmas' },
  { month: 1, day: 19, key: 'epiphany' },
  { month: 3, day: 3, key: 'mothersDay' },
  { month: 3, day: 8, key: 'womensDay' },
  { month: 4, day: 9, key: 'nationalUnityDay' },
  { month: 5, day: 9, key: 'victoryDay' },
  { month: 5, day: 12, key: 'stAndrew' },
  { month: 5, day: 17, key: 'familySanctityDay', fromYear: 2025 },
  { month: 5, day: 26, key: 'independenceDay' },
  { month: 8, day: 28, key: 'mariamoba' },
  { month: 10, day: 14, key: 'svetitskhovloba' },
  { month: 11, day: 23, key: 'giorgoba' },
];

/** Orthodox Easter Sunday of `year` as a Gregorian [month, day] (Meeus, Astronomical Algorithms, ch. 8). */
export function orthodoxEaster(year: number): { month: number; day: number } {
  if (year < 1900 || year > 2099) {
    throw new RangeError(`orthodoxEaster: year ${year} is outside 1900-2099, where the Julian offset is 13 days`);
  }
  const a = year % 4;
  const b = year % 7;
  const c = year % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const julianMonth = Math.floor((d + e + 114) / 31);
  const julianDay = ((d + e + 114) % 31) + 1;
  const utc = new Date(Date.UTC(year, julianMonth - 1, julianDay + 13));
  return { month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
}

function isoDate(year: number, month: number, day: number): string {
  const utc = new Date(Date.UTC(year, month - 1, day));
  return utc.toISOString().slice(0, 10);
}

/** All public holidays of `year`, sorted by date. */
export function georgianHolidays(year: number): Holiday[] {
  const days: Holiday[] = FIXED.filter((h) => h.fromYear === undefined || year >= h.fromYear).map((h) => ({
    date: isoDate(year, h.month, h.day),
    key: h.key,
  }));
  const easter = orthodoxEaster(year);
  const easterOffsets: [number, string][] = [
    [-2, 'goodFriday'],
    [-1, 'holySaturday'],
    [0, 'easterSunday'],
    [1, 'easterMonday'],
  ];
  for (const [offset, key] of easterOffsets) {
    days.push({ date: isoDate(year, easter.month, easter.day + offset), key });
  }
  return days.sort((x, y) => x.date.localeCompare(y.date));
}

/** Holidays between two ISO dates, both inclusive. */
export function georgianHolidaysBetween(fromDate: string, toDate: string): Holiday[] {
  const first = Number(fromDate.slice(0, 4));
  const last = Number(toDate.slice(0, 4));
  const out: Holiday[] = [];
  for (let year = first; year <= last; year++) {
    for (const h of georgianHolidays(year)) {
      if (h.date >= fromDate && h.date <= toDate) out.push(h);
    }
  }
  return out;
}

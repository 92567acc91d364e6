/**
 * A Curtois & Qu shift scheduling benchmark instance (schedulingbenchmarks.org, "Nurse
 * Rostering Instances"), as read from its text format. Days count from 0 (a Monday); a
 * staff member works at most one shift a day, and a staff/day pair with no shift is a day off.
 */
export interface NrpShiftType {
  id: string;
  minutes: number;
  /** Shift types that may not be worked the day after this one. */
  forbiddenNext: string[];
}

export interface NrpStaffMember {
  id: string;
  /** Most shifts of a type over the horizon; a type not listed is unlimited. */
  maxShifts: Record<string, number>;
  maxTotalMinutes: number;
  minTotalMinutes: number;
  maxConsecutiveShifts: number;
  minConsecutiveShifts: number;
  minConsecutiveDaysOff: number;
  /** Weekends (Saturday 7k+5, Sunday 7k+6) with work on either day. */
  maxWeekends: number;
  /** Days this person may not work (hard). */
  daysOff: number[];
}

/** A wish to work (on) or not to work (off) a shift type on a day, with its penalty weight. */
export interface NrpRequest {
  staff: string;
  day: number;
  shift: string;
  weight: number;
}

export interface NrpCover {
  day: number;
  shift: string;
  requirement: number;
  /** Penalty per person below the requirement. */
  underWeight: number;
  /** Penalty per person above it. */
  overWeight: number;
}

export interface NrpInstance {
  days: number;
  shifts: NrpShiftType[];
  staff: NrpStaffMember[];
  onRequests: NrpRequest[];
  offRequests: NrpRequest[];
  cover: NrpCover[];
}

/** One worked shift; the output format of `wfm roster --nrp` and of nrp_check.py's input. */
export interface NrpAssignment {
  staff: string;
  day: number;
  shift: string;
}

/**
 * The swap picker: for one of my shifts, the colleagues I could give it to and the colleagues'
 * shifts I could take in exchange, keeping every hard rule, and for the others why not. The
 * check is the change path's (rota-change: weekViolations before and after, judge's new hard
 * violations), the same as the swap's own check at request and approval (swap-check.ts), run
 * here for every candidate with each week's rota and problem loaded once.
 *
 * Assumption: like swap-check, only the published revisions of the weeks concerned are checked
 * (the coordinator's approval checks the week's draft too).
 */
import type { DataSource } from '../models';
import { getTeamSettings } from '../models/repositories/settings';
import { getRotaShift, type RotaShift } from '../models/repositories/requests';
import { getRota, listShifts, type ShiftRecord } from '../models/repositories/rotas';
import type { Problem, Violation } from '../scheduling';
import { loadRotaContext } from './rota-problem';
import { freshHardForPeople, weekViolations } from './rota-change';

export interface PickerColleague {
  id: number;
  name: string;
}

export interface NotOffered {
  staffId: number;
  name: string;
  /** The colleague's shift (an exchange), or null (a give-away). */
  shift: RotaShift | null;
  /** The hard rules it would break (render with violationText). */
  violations: Violation[];
}

export interface SwapPicker {
  shiftId: number;
  /** Colleagues who could take my shift as a give-away. */
  giveTo: PickerColleague[];
  notGiveTo: NotOffered[];
  /** Colleagues' shifts I could take in exchange for mine. */
  exchange: (RotaShift & { staffName: string })[];
  notExchange: NotOffered[];
}

interface Week {
  problem: Problem;
  shifts: ShiftRecord[];
  before: Violation[];
}

/** The published weeks a swap touches, each loaded once; `fresh` = new hard violations after moving shifts. */
function weekCache(db: DataSource, zone: string, now: Date) {
  const weeks = new Map<number, Promise<Week>>();
  const load = async (rotaId: number, weekStart: string): Promise<Week> => {
    const teamId = (await getRota(db, rotaId))?.teamId;
    const intervalMinutes = (await getTeamSettings(db, teamId))?.intervalMinutes ?? 60;
    const ctx = await loadRotaContext(db, { teamId, weekStart, zone, intervalMinutes, now, withRequirement: false });
    const shifts = await listShifts(db, rotaId);
    return { problem: ctx.problem, shifts, before: weekViolations(ctx.problem, shifts, zone) };
  };
  return {
    async fresh(s: RotaShift, moves: Map<string, number>): Promise<Violation[]> {
      if (!weeks.has(s.rotaId)) weeks.set(s.rotaId, load(s.rotaId, s.weekStart));
      const w = await weeks.get(s.rotaId)!;
      const people = new Set<number>();
      const after = w.shifts.map((x) => {
        if (!moves.has(x.uid)) return x;
        people.add(x.staffId).add(moves.get(x.uid)!);
        return { ...x, staffId: moves.get(x.uid)! };
      });
      return freshHardForPeople(w.problem, w.before, after, people, zone);
    },
  };
}

export async function swapPicker(
  db: DataSource,
  q: {
    zone: string;
    now: Date;
    me: number;
    shiftId: number;
    colleagues: PickerColleague[];
    colleagueShifts: (RotaShift & { staffName: string })[];
  },
): Promise<SwapPicker | null> {
  const mine = await getRotaShift(db, q.shiftId);
  if (!mine || mine.staffId !== q.me || mine.rotaStatus !== 'published') return null;
  const weeks = weekCache(db, q.zone, q.now);
  const picker: SwapPicker = { shiftId: mine.id, giveTo: [], notGiveTo: [], exchange: [], notExchange: [] };
  for (const c of q.colleagues) {
    const violations = await weeks.fresh(mine, new Map([[mine.uid, c.id]]));
    if (violations.length) picker.notGiveTo.push({ staffId: c.id, name: c.name, shift: null, violations });
    else picker.giveTo.push(c);
  }
  for (const theirs of q.colleagueShifts) {
    const moves = new Map([
      [mine.uid, theirs.staffId],
      [theirs.uid, q.me],
    ]);
    // Each week the exchange touches; two shifts in one week are checked together.
    const violations = [...(await weeks.fresh(mine, moves)), ...(theirs.rotaId !== mine.rotaId ? await weeks.fresh(theirs, moves) : [])];
    if (violations.length) picker.notExchange.push({ staffId: theirs.staffId, name: theirs.staffName, shift: theirs, violations });
    else picker.exchange.push(theirs);
  }
  return picker;
}

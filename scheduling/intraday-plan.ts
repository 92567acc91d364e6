/**
 * Re-planning the rest of today with as few changes as possible (issue #12). Pure: the caller
 * gives the candidate actions for a state of today's shifts (scheduling/intraday-actions.ts,
 * with the slack of that state), the service it would give (contacts answered within the
 * target over the rest of the day, from the one projection), the paid hours an action adds and
 * whether it keeps the labour rules.
 *
 * Greedy, one change at a time: of the candidates for the current state, the one with the best
 * value is taken, the state moves on, the candidates are made again from the new slack, until
 * no candidate is worth taking or `maxChanges` are made. Value of an action:
 * - it helps (gain > `minGain`) and adds no paid hours (a break moved, off-queue time given
 *   back): its gain;
 * - it adds paid hours (overtime, a call-in): gain − `costPerHour` × hours, taken only when
 *   positive (an hour is worth it only when it answers that many more contacts in time);
 * - it saves paid hours (voluntary time off, ending earlier): taken only when it costs no
 *   service (gain ≥ −`minGain`), valued by the hours saved, after every helpful action (service
 *   first: the team's promise is the target, not the cost).
 *
 * Rules of the re-plan: at most one change per person (`onePerPerson`), and no action that
 * moves the start of a shift already begun (none of the candidate kinds does; checked here so a
 * new kind cannot slip through).
 */
import type { IntradayCandidate, TodayShift } from './intraday-actions';

export interface PlanStep {
  candidate: IntradayCandidate;
  /** Service gained by this step, on the state before it (contacts answered in time). */
  gain: number;
  paidHours: number;
}

export interface PlanInput {
  shifts: TodayShift[];
  /** First instant a change may touch (ms). */
  from: number;
  /** The candidates for a state of today's shifts. */
  candidates: (shifts: TodayShift[]) => IntradayCandidate[];
  /** Contacts answered within the target over the rest of the day, for a state. */
  service: (shifts: TodayShift[]) => number;
  /** Whether the state after a candidate keeps the hard labour rules. */
  allowed: (shifts: TodayShift[]) => boolean;
  /** Contacts answered in time an added paid hour must bring (default 4). */
  costPerHour?: number;
  /** Below this a change in service is noise (default 0.05 contacts). */
  minGain?: number;
  maxChanges?: number;
  onePerPerson?: boolean;
}

export interface Plan {
  steps: PlanStep[];
  before: number;
  after: number;
  shifts: TodayShift[];
}

const ms = (iso: string) => Date.parse(iso);
const paid = (s: { start: string; end: string; breaks: { start: string; end: string }[] } | null | undefined) =>
  s ? (ms(s.end) - ms(s.start) - s.breaks.reduce((t, b) => t + ms(b.end) - ms(b.start), 0)) / 3_600_000 : 0;

/** Today's shifts after one candidate: the shift (same uid) reshaped, removed, or a call-in added. */
export function applyCandidate(shifts: TodayShift[], c: IntradayCandidate, newUid = `plan-${c.spec.staffId}`): TodayShift[] {
  if (c.spec.uid === null) return c.shift ? [...shifts, { ...c.shift, uid: newUid }] : shifts;
  return shifts.flatMap((s) => (s.uid !== c.spec.uid ? [s] : c.shift ? [{ ...c.shift, uid: s.uid }] : []));
}

export function planRestOfDay(input: PlanInput): Plan {
  const costPerHour = input.costPerHour ?? 4;
  const minGain = input.minGain ?? 0.05;
  const maxChanges = input.maxChanges ?? 8;
  const onePerPerson = input.onePerPerson ?? true;
  let shifts = input.shifts;
  let service = input.service(shifts);
  const before = service;
  const changed = new Set<number>();
  const steps: PlanStep[] = [];
  while (steps.length < maxChanges) {
    let best: { c: IntradayCandidate; next: TodayShift[]; gain: number; hours: number; value: number; saving: boolean } | null = null;
    for (const c of input.candidates(shifts)) {
      if (onePerPerson && changed.has(c.spec.staffId)) continue;
      const old = c.spec.uid === null ? null : shifts.find((s) => s.uid === c.spec.uid);
      if (c.spec.uid !== null && !old) continue;
      // A shift already begun keeps its start (and is not taken away).
      if (old && ms(old.start) < input.from && (!c.shift || ms(c.shift.start) !== ms(old.start))) continue;
      const next = applyCandidate(shifts, c);
      const gain = input.service(next) - service;
      const hours = paid(c.shift) - paid(old);
      let value: number;
      let saving = false;
      if (hours > 1e-9) value = gain - costPerHour * hours;
      else if (hours < -1e-9) {
        if (gain < -minGain) continue;
        saving = true;
        value = -hours;
      } else value = gain;
      if (!saving && (gain <= minGain || value <= 0)) continue;
      // Helpful actions before savings; then the higher value; ties: fewer hours, then the order given.
      const better =
        !best ||
        (best.saving && !saving) ||
        (best.saving === saving && (value > best.value + 1e-9 || (Math.abs(value - best.value) <= 1e-9 && hours < best.hours)));
      if (!better) continue;
      if (!input.allowed(next)) continue;
      best = { c, next, gain, hours, value, saving };
    }
    if (!best) break;
    steps.push({ candidate: best.c, gain: best.gain, paidHours: best.hours });
    changed.add(best.c.spec.staffId);
    shifts = best.next;
    service += best.gain;
  }
  return { steps, before, after: service, shifts };
}

import type { Problem } from '../types';
import type { Pattern, PersonPlan } from '../candidates';
import { buildWeek, type Week } from '../week';
import { patternKinds, successionConflict } from '../successions';

interface State {
  value: number;
  minutes: number;
  days: number;
  run: number;
  lastEnd: number;
  /** Chosen pattern ids so far (short: at most 7). */
  chosen: number[];
}

/**
 * The best week for one person given a value per shift: dynamic programming over the seven
 * days, keeping hours, days off, rest (also after last week's shifts), consecutive days and
 * locked shifts. States that agree on (hours, days worked, run, last end) keep the best value,
 * so the result is exact for the given values. Returns null when no week keeps the rules.
 */
export function bestPersonWeek(problem: Problem, patterns: Pattern[], p: PersonPlan, value: (id: number) => number): number[] | null {
  const r = problem.rules;
  const rest = r.minRestHours * 60;
  const byDay: number[][] = Array.from({ length: 7 }, () => []);
  for (const id of p.allowed) byDay[patterns[id].day].push(id);
  const lockedDay = new Map(p.locked.map((id) => [patterns[id].day, id]));
  const fixed = new Set(p.previousWorkedDays);
  const maxDays = 7 - r.daysOffPerWeek - [...fixed].filter((d) => d >= 0).length;
  const longest = Math.max(0, ...p.allowed.map((id) => patterns[id].workedMinutes));
  const valueOf = new Map(p.allowed.map((id) => [id, value(id)]));
  // A planning period's forbidden successions: the last shift's kind joins the state (only then).
  const week = problem.forbiddenSuccessions?.length ? weekOf(problem) : null;
  const conflict = week ? successionConflict(problem, week, patterns, p.member.id) : null;
  const kinds = week ? patternKinds(week, patterns) : [];
  const lastKind = (s: State, d: number) => {
    const last = s.chosen[s.chosen.length - 1];
    return last !== undefined && patterns[last].day === d ? kinds[last] : '';
  };
  let run0 = 0;
  for (let d = -1; fixed.has(d); d--) run0++;
  let states = new Map<string, State>();
  states.set('start', { value: 0, minutes: 0, days: 0, run: run0, lastEnd: Math.max(-1e9, ...p.previous.map(([, b]) => b)), chosen: [] });
  for (let d = 0; d < 7; d++) {
    const next = new Map<string, State>();
    const keep = (s: State) => {
      if (s.minutes > p.maxMinutes || s.minutes + (6 - d) * longest < p.minMinutes) return;
      const key = `${s.minutes}|${s.days}|${Math.min(s.run, r.maxConsecutiveDays + 1)}|${s.lastEnd}${conflict ? `|${lastKind(s, d)}` : ''}`;
      const old = next.get(key);
      if (!old || old.value < s.value) next.set(key, s);
    };
    const options = lockedDay.has(d) ? [lockedDay.get(d)!] : byDay[d];
    for (const s of states.values()) {
      if (!lockedDay.has(d)) keep({ ...s, run: fixed.has(d) ? s.run + 1 : 0 });
      if (s.days >= maxDays || s.run >= r.maxConsecutiveDays) continue;
      for (const id of options) {
        const pat = patterns[id];
        if (pat.start < s.lastEnd + rest) continue;
        if (conflict && s.chosen.length && conflict(patterns[s.chosen[s.chosen.length - 1]], pat)) continue;
        keep({
          value: s.value + valueOf.get(id)!,
          minutes: s.minutes + pat.workedMinutes,
          days: s.days + 1,
          run: s.run + 1,
          lastEnd: pat.end,
          chosen: [...s.chosen, id],
        });
      }
    }
    states = compress(next, minStartAfter(patterns, byDay, d), rest, r.maxConsecutiveDays, conflict ? (s) => lastKind(s, d) : null);
  }
  let best: State | null = null;
  for (const s of states.values()) if (s.minutes >= p.minMinutes && (!best || s.value > best.value)) best = s;
  return best ? best.chosen : null;
}

/** The week's days only (no requirement grid): built once per problem. */
const WEEKS = new WeakMap<Problem, Week>();
function weekOf(problem: Problem): Week {
  let week = WEEKS.get(problem);
  if (!week) WEEKS.set(problem, (week = buildWeek({ ...problem, requirements: [] })));
  return week;
}

function minStartAfter(patterns: Pattern[], byDay: number[][], d: number): number {
  let min = Infinity;
  for (let k = d + 1; k < 7; k++) for (const id of byDay[k]) min = Math.min(min, patterns[id].start);
  return min;
}

/**
 * A state whose last shift ended long enough before every later shift is as good as one
 * with no recent shift: merging them on lastEnd keeps the state space small.
 */
function compress(
  states: Map<string, State>,
  nextStart: number,
  rest: number,
  maxRun: number,
  kindOf: ((s: State) => string) | null,
): Map<string, State> {
  const out = new Map<string, State>();
  for (const s of states.values()) {
    const lastEnd = s.lastEnd + rest <= nextStart ? -1e9 : s.lastEnd;
    const key = `${s.minutes}|${s.days}|${Math.min(s.run, maxRun + 1)}|${lastEnd}${kindOf ? `|${kindOf(s)}` : ''}`;
    const old = out.get(key);
    if (!old || old.value < s.value) out.set(key, { ...s, lastEnd });
  }
  return out;
}

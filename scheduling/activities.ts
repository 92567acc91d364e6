import type { Problem, Shift } from './types';
import { coverageOf } from './coverage';
import { toIso, toMinute, type Week } from './week';

const FLEX = ['voice', 'chat'];

/**
 * People whose skills are not exactly one channel or voice+chat (e.g. chat+email) cannot be
 * published as "both": they get one channel per interval ("activities"). Per interval, a
 * small max-flow (skill groups → channels, capacities = people on duty and uncovered
 * requirement after the single-channel people) splits them optimally, counting voice+chat
 * people as flexible too, so that the checker's own split of "both" shifts completes an
 * optimal allocation.
 */
export function assignActivities(problem: Problem, week: Week, shifts: Shift[]): Shift[] {
  const open = shifts.filter((s) => s.channel === undefined);
  if (!open.length) return shifts;
  const flexOn = FLEX.every((c) => week.channels.includes(c));
  const single = coverageOf(
    problem,
    shifts.filter((s) => s.channel !== undefined && s.channel !== 'both'),
    week,
  );
  const C = week.channels.length;
  const skillsOf = new Map(problem.staff.map((s) => [s.id, s.skills.map((k) => week.channels.indexOf(k)).filter((c) => c >= 0)]));
  const both = shifts.filter((s) => s.channel === 'both');
  const pieces = open.map(() => [] as Array<{ a: number; b: number; c: number }>);
  for (let t = 0; t < week.intervals; t++) {
    const lo = t * week.step;
    const hi = lo + week.step;
    const onDuty = (s: Shift) =>
      toMinute(week, s.start) <= lo &&
      toMinute(week, s.end) >= hi &&
      !s.breaks.some((b) => toMinute(week, b.start) < hi && toMinute(week, b.end) > lo);
    const present = open.map((s, i) => (toMinute(week, s.start) < hi && toMinute(week, s.end) > lo ? i : -1)).filter((i) => i >= 0);
    if (!present.length) continue;
    const deficit = Array.from({ length: C }, (_, c) => single.rows[t * C + c].shortfall);
    const groups: Array<{ skills: number[]; members: number[] }> = [];
    const flexCount = flexOn ? both.filter(onDuty).length : 0;
    if (flexCount) groups.push({ skills: FLEX.map((c) => week.channels.indexOf(c)), members: new Array(flexCount).fill(-1) });
    for (const i of present) {
      if (!onDuty(open[i])) continue;
      const skills = skillsOf.get(open[i].staffId) ?? [];
      const key = skills.join(',');
      const g = groups.find((x) => x.members[0] !== -1 && x.skills.join(',') === key);
      if (g) g.members.push(i);
      else groups.push({ skills, members: [i] });
    }
    const flow = maxFlow(
      groups.map((g) => g.members.length),
      groups.map((g) => g.skills),
      deficit,
    );
    const channelOf = new Map<number, number>();
    groups.forEach((g, gi) => {
      if (g.members[0] === -1) return;
      let k = 0;
      for (const c of g.skills)
        for (let n = 0; n < Math.round(flow[gi][c] ?? 0) && k < g.members.length; n++) channelOf.set(g.members[k++], c);
      while (k < g.members.length) channelOf.set(g.members[k++], g.skills[0]);
    });
    for (const i of present) {
      const s = open[i];
      const c = channelOf.get(i) ?? lastChannel(pieces[i]) ?? (skillsOf.get(s.staffId) ?? [0])[0];
      const a = Math.max(toMinute(week, s.start), lo);
      const b = Math.min(toMinute(week, s.end), hi);
      const last = pieces[i][pieces[i].length - 1];
      if (last && last.c === c && last.b === a) last.b = b;
      else pieces[i].push({ a, b, c });
    }
  }
  open.forEach((s, i) => {
    s.activities = pieces[i].map((p) => ({ start: toIso(week, p.a), end: toIso(week, p.b), channel: week.channels[p.c] }));
  });
  return shifts;
}

function lastChannel(p: Array<{ c: number }>): number | undefined {
  return p.length ? p[p.length - 1].c : undefined;
}

/**
 * Max-flow source → group (capacity: people) → channel (if skilled) → sink (capacity:
 * uncovered requirement), by augmenting paths. Tiny graphs (a few groups, ≤ 3-4 channels).
 * Returns flow[group][channel].
 */
export function maxFlow(people: number[], skills: number[][], deficit: number[]): number[][] {
  const G = people.length;
  const C = deficit.length;
  const flow = Array.from({ length: G }, () => new Array<number>(C).fill(0));
  const capG = [...people];
  const capC = [...deficit];
  for (;;) {
    // BFS over groups and channels in the residual graph.
    const prevOfC = new Array<number>(C).fill(-2);
    const prevOfG = new Array<number>(G).fill(-2);
    const queue: Array<[0 | 1, number]> = [];
    for (let g = 0; g < G; g++)
      if (capG[g] > 1e-9) {
        prevOfG[g] = -1;
        queue.push([0, g]);
      }
    let end = -1;
    while (queue.length && end < 0) {
      const [kind, v] = queue.shift()!;
      if (kind === 0) {
        for (const c of skills[v])
          if (prevOfC[c] === -2) {
            prevOfC[c] = v;
            if (capC[c] > 1e-9) {
              end = c;
              break;
            }
            queue.push([1, c]);
          }
      } else {
        for (let g = 0; g < G; g++)
          if (prevOfG[g] === -2 && flow[g][v] > 1e-9) {
            prevOfG[g] = v;
            queue.push([0, g]);
          }
      }
    }
    if (end < 0) return flow;
    let amount = capC[end];
    for (let c = end, g = prevOfC[c]; ; c = prevOfG[g], g = prevOfC[c]) {
      if (prevOfG[g] === -1) {
        amount = Math.min(amount, capG[g]);
        break;
      }
      amount = Math.min(amount, flow[g][prevOfG[g]]);
    }
    capC[end] -= amount;
    for (let c = end, g = prevOfC[c]; ;) {
      flow[g][c] += amount;
      const back = prevOfG[g];
      if (back === -1) {
        capG[g] -= amount;
        break;
      }
      flow[g][back] -= amount;
      c = back;
      g = prevOfC[c];
    }
  }
}

import { expect } from 'chai';
import fc from 'fast-check';
import { maxFlow } from '../../../scheduling/activities';
import { bestPersonWeek } from '../../../scheduling/heuristic/person-week';
import { prepare } from '../../../scheduling/prepare';
import { checkRota } from '../../../scheduling/rules/check-rota';
import { shiftsFromAssignments } from '../../../scheduling/extract';
import { makeAgent, makeProblem } from './builders';

/** Best covered total by trying every integer split of each group's people over its channels. */
function bruteForceCover(people: number[], skills: number[][], deficit: number[]): number {
  const go = (g: number, left: number[]): number => {
    if (g === people.length) return deficit.reduce((s, d, c) => s + d - left[c], 0);
    let best = 0;
    const split = (k: number, remaining: number, l: number[]): void => {
      if (k === skills[g].length) {
        best = Math.max(best, go(g + 1, l));
        return;
      }
      const c = skills[g][k];
      for (let n = 0; n <= remaining; n++) {
        const next = [...l];
        next[c] = Math.max(0, next[c] - n);
        split(k + 1, remaining - n, next);
      }
    };
    split(0, people[g], left);
    return best;
  };
  return go(0, [...deficit]);
}

describe('scheduling/heuristics', () => {
  it('maxFlow, random small groups and channels, covers exactly as much as the best brute-force split', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.subarray([0, 1, 2], { minLength: 1 })), { minLength: 1, maxLength: 3 }),
        fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })),
        (groups, deficit) => {
          const people = groups.map((g) => g[0]);
          const skills = groups.map((g) => g[1]);
          const flow = maxFlow(people, skills, deficit);
          const total = flow.flat().reduce((a, b) => a + b, 0);
          expect(total).to.be.closeTo(bruteForceCover(people, skills, deficit), 1e-9);
          flow.forEach((row, g) => expect(row.reduce((a, b) => a + b, 0)).to.be.at.most(people[g] + 1e-9));
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });

  it('bestPersonWeek, a voice agent with random shift values, matches exhaustive search and keeps every rule', () => {
    // Few templates (8 h from 08:00/12:00/15:00, 9 h from 08:00/14:00) so that every week can be enumerated.
    const problem = makeProblem({ staff: [makeAgent({ contractHoursPerWeek: 38 })] });
    problem.rules = { ...problem.rules, earliestStart: '08:00', latestEnd: '23:00' };
    const prep = prepare(problem);
    const keep = new Set(
      prep.patterns
        .filter((p) => {
          const h = (p.start - prep.week.dayStart[p.day]) / 60;
          const len = (p.end - p.start) / 60;
          return (len === 8 && [8, 12, 15].includes(h)) || (len === 9 && [8, 14].includes(h));
        })
        .map((p) => p.id),
    );
    const person = {
      ...prep.people[0],
      allowed: prep.people[0].allowed.filter((id) => keep.has(id)),
      minMinutes: 37 * 60,
      maxMinutes: 39 * 60,
    };
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: prep.patterns.length, maxLength: prep.patterns.length }),
        (values) => {
          const value = (id: number) => values[id];
          const ids = bestPersonWeek(problem, prep.patterns, person, value);
          const brute = exhaustive(problem, prep, person.allowed, value, person.minMinutes, person.maxMinutes);
          expect(ids === null).to.equal(brute === -Infinity);
          if (!ids) return;
          expect(ids.reduce((s, id) => s + value(id), 0)).to.equal(brute);
          const shifts = shiftsFromAssignments(
            problem,
            prep.week,
            prep.patterns,
            prep.people,
            ids.map((id) => ({ person: 0, pattern: id, breakStart: prep.patterns[id].breakStarts[0] })),
          );
          expect(checkRota({ ...problem, staff: [makeAgent({ contractHoursPerWeek: 38 })] }, shifts)).to.deep.equal([]);
        },
      ),
      { numRuns: 25, seed: 3 },
    );
  });
});

/** Every choice of (nothing or one shift) per day, checked with plain loops. */
function exhaustive(
  problem: ReturnType<typeof makeProblem>,
  prep: ReturnType<typeof prepare>,
  allowed: number[],
  value: (id: number) => number,
  lo: number,
  hi: number,
): number {
  const byDay = Array.from({ length: 7 }, (_, d) => [-1, ...allowed.filter((id) => prep.patterns[id].day === d)]);
  let best = -Infinity;
  const pick: number[] = [];
  const go = (d: number): void => {
    if (d === 7) {
      const ids = pick.filter((id) => id >= 0);
      const minutes = ids.reduce((s, id) => s + prep.patterns[id].workedMinutes, 0);
      if (minutes < lo || minutes > hi || ids.length > 7 - problem.rules.daysOffPerWeek) return;
      for (let i = 1; i < ids.length; i++)
        if (prep.patterns[ids[i]].start - prep.patterns[ids[i - 1]].end < problem.rules.minRestHours * 60) return;
      best = Math.max(
        best,
        ids.reduce((s, id) => s + value(id), 0),
      );
      return;
    }
    for (const id of byDay[d]) {
      pick.push(id);
      go(d + 1);
      pick.pop();
    }
  };
  go(0);
  return best;
}

import { expect } from 'chai';
import { mulberry32 } from '../../../forecasting/random';
import { formatInputError } from '../../../scheduling/parse/parse-error';
import { assignmentsOf, emptyGrid, scoreOf, violationsOf, type NrpGrid } from '../../../scheduling/nrp/evaluate';
import { readNrpInstance } from '../../../scheduling/nrp/read-instance';
import type { NrpInstance } from '../../../scheduling/nrp/instance';
import { sharedChecker } from '../../support/shared-tools';
import { nrpInstancePath, runNrpCheck, sharedInstance } from '../../support/nrp';

const SMALL = [
  '# a comment',
  'SECTION_HORIZON',
  '14',
  '',
  'SECTION_SHIFTS',
  '# ShiftID, Length in mins, Shifts which cannot follow this shift | separated',
  'E,480,',
  'L,480,E',
  '',
  'SECTION_STAFF',
  'A,E=14|L=14,4320,3360,5,2,2,1',
  'B,E=0|L=14,2160,1200,5,1,1,1',
  '',
  'SECTION_DAYS_OFF',
  'A,3',
  'B,1,2',
  '',
  'SECTION_SHIFT_ON_REQUESTS',
  'A,5,L,1',
  '',
  'SECTION_SHIFT_OFF_REQUESTS',
  'B,7,L,3',
  '',
  'SECTION_COVER',
  '0,E,1,100,1',
  '0,L,1,100,1',
  '',
];

function read(lines: string[], eol = '\n'): NrpInstance {
  const r = readNrpInstance(lines.join(eol), 'small.txt');
  if (!r.ok) throw new Error(r.errors.map(formatInputError).join('\n'));
  return r.value;
}

function errorsOf(lines: string[]): string[] {
  const r = readNrpInstance(lines.join('\n'), 'small.txt');
  return r.ok ? [] : r.errors.map(formatInputError);
}

describe('scheduling/nrp: the benchmark reader', () => {
  it('readNrpInstance, a small file with LF, reads every section', () => {
    const i = read(SMALL);
    expect(i.days).to.equal(14);
    expect(i.shifts).to.deep.equal([
      { id: 'E', minutes: 480, forbiddenNext: [] },
      { id: 'L', minutes: 480, forbiddenNext: ['E'] },
    ]);
    expect(i.staff[1]).to.deep.equal({
      id: 'B',
      maxShifts: { E: 0, L: 14 },
      maxTotalMinutes: 2160,
      minTotalMinutes: 1200,
      maxConsecutiveShifts: 5,
      minConsecutiveShifts: 1,
      minConsecutiveDaysOff: 1,
      maxWeekends: 1,
      daysOff: [1, 2],
    });
    expect(i.onRequests).to.deep.equal([{ staff: 'A', day: 5, shift: 'L', weight: 1 }]);
    expect(i.offRequests).to.deep.equal([{ staff: 'B', day: 7, shift: 'L', weight: 3 }]);
    expect(i.cover[1]).to.deep.equal({ day: 0, shift: 'L', requirement: 1, underWeight: 100, overWeight: 1 });
  });

  it('readNrpInstance, the same file with CRLF line ends, reads the same instance', () => {
    expect(read(SMALL, '\r\n')).to.deep.equal(read(SMALL));
  });

  it('readNrpInstance, instance 2 as shipped (CRLF) and converted to LF, reads 14 staff, 14 days, 2 shift types alike', function () {
    const text = sharedInstance(this, 2);
    const crlf = readNrpInstance(text);
    const lf = readNrpInstance(text.replace(/\r\n/g, '\n'));
    if (!crlf.ok || !lf.ok) throw new Error('instance 2 did not read');
    expect([crlf.value.staff.length, crlf.value.days, crlf.value.shifts.length]).to.deep.equal([14, 14, 2]);
    expect(lf.value).to.deep.equal(crlf.value);
  });

  it('readNrpInstance, a staff row with a word for MaxTotalMinutes on line 11, names the line and field', () => {
    const bad = [...SMALL];
    bad[10] = 'A,E=14|L=14,lots,3360,5,2,2,1';
    expect(errorsOf(bad)).to.deep.equal(['small.txt line 11, field MaxTotalMinutes: "lots" is not a whole number']);
  });

  it('readNrpInstance, a cover row with 4 fields and a request for an unknown shift, reports both lines', () => {
    const bad = [...SMALL];
    bad[18] = 'A,5,X,1';
    bad[25] = '0,L,1,100';
    expect(errorsOf(bad)).to.deep.equal([
      'small.txt line 19, field ShiftID: shift X is not defined',
      'small.txt line 26: a cover row has 5 fields (Day, ShiftID, Requirement, Weight for under, Weight for over), not 4',
    ]);
  });

  it('readNrpInstance, a day beyond the horizon and a missing section, reports the day by line and the section', () => {
    const bad = [...SMALL];
    bad[14] = 'A,14';
    expect(errorsOf(bad)).to.deep.equal(['small.txt line 15, field Day: day 14 is outside the horizon (0-13)']);
    expect(errorsOf(SMALL.filter((l) => l !== 'SECTION_COVER' && !l.startsWith('0,')))).to.deep.equal([
      'small.txt: section SECTION_COVER is missing',
    ]);
  });

  it('readNrpInstance, data before any section, reports its line', () => {
    expect(errorsOf(['14', ...SMALL])).to.deep.equal(['small.txt line 1: data before the first SECTION_ line']);
  });
});

describe('scheduling/nrp: rules and objective', () => {
  const inst = read(SMALL);
  const grid = (a: string, b: string): NrpGrid => [a, b].map((s) => Int32Array.from(s, (c) => (c === '.' ? -1 : c === 'E' ? 0 : 1)));
  const rules = (g: NrpGrid) => violationsOf(inst, g).map((v) => v.rule);

  it('violationsOf, a late then an early the next day, breaks shiftRotation; early then late keeps it', () => {
    expect(rules(grid('LE.....EEEEE..', '...LL.........'))).to.include('shiftRotation');
    expect(rules(grid('EL.....EEEEE..', '...LL.........'))).to.not.include('shiftRotation');
  });

  it('violationsOf, six shifts in a row, breaks maxConsecutiveShifts (limit 5); five keep it', () => {
    expect(rules(grid('EEE.EEEEEE....', '...LL.........'))).to.include('maxConsecutiveShifts');
    expect(rules(grid('EEE..EEEEE....', '...LL.........'))).to.not.include('maxConsecutiveShifts');
  });

  it('violationsOf, a one-day run inside the horizon breaks minConsecutiveShifts (2); at the edge it does not', () => {
    expect(rules(grid('EE..E..EEEEE..', '...LL.........'))).to.include('minConsecutiveShifts');
    expect(rules(grid('E...EE.EEEEE..', '...LL.........'))).to.not.include('minConsecutiveShifts');
  });

  it('violationsOf, a single day off between shifts breaks minConsecutiveDaysOff (2); at the edge it does not', () => {
    expect(rules(grid('EE.EE..EEEEE..', '...LL.........'))).to.include('minConsecutiveDaysOff');
    expect(rules(grid('.EE..EE..EEEEE', '...LL.........'))).to.not.include('minConsecutiveDaysOff');
  });

  it('violationsOf, work on two weekends (max 1), on a day off, over the minutes, all reported', () => {
    const v = rules(grid('EEEEEEE...EEEE', '.LLLLL........'));
    expect(v).to.include.members(['maxWeekends', 'dayOff', 'maxTotalMinutes']);
  });

  it('scoreOf, A not on L on day 5 (1), B on L on day 7 (3), day 0 with one E and no L (100), sums to 104', () => {
    const g = grid('E.............', '.......L......');
    expect(scoreOf(inst, g)).to.deep.equal({ objective: 104, on: 1, off: 3, under: 100, over: 0 });
  });
});

describe('scheduling/nrp: the evaluator against nrp_check.py (independent)', () => {
  it('scoreOf and violationsOf, 12 random rosters of instances 2 and 4, match nrp_check.py', function () {
    this.timeout(60000);
    const checker = sharedChecker(this, 'nrp_check.py');
    const rnd = mulberry32(15);
    for (const n of [2, 4]) {
      const r = readNrpInstance(sharedInstance(this, n));
      if (!r.ok) throw new Error('instance did not read');
      const inst = r.value;
      for (let k = 0; k < 6; k++) {
        const g = emptyGrid(inst);
        const density = 0.3 + 0.1 * k;
        for (const row of g) for (let d = 0; d < inst.days; d++) row[d] = rnd() < density ? Math.floor(rnd() * inst.shifts.length) : -1;
        const report = runNrpCheck(checker, nrpInstancePath(n), assignmentsOf(inst, g));
        const score = scoreOf(inst, g);
        expect(score.objective, `instance ${n} roster ${k}`).to.equal(report.objective);
        expect({ on: score.on, off: score.off, under: score.under, over: score.over }).to.deep.equal(report.breakdown);
        expect(violationsOf(inst, g).length === 0).to.equal(report.feasible);
      }
    }
  });
});

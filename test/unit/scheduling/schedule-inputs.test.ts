import { expect } from 'chai';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable, Writable } from 'node:stream';
import { run } from '../../../bin/commands/schedule';
import { parseRequirementsCsv } from '../../../scheduling/parse/requirements-csv';
import { parseStaffJson, syntaxErrorAt } from '../../../scheduling/parse/staff-json';
import { formatInputError } from '../../../scheduling/parse/parse-error';
import { rowsInWeek, rulesConflicts, weekStartError } from '../../../scheduling/parse/week-inputs';
import { DEFAULT_RULES } from '../../../scheduling/rules/defaults';

const REQ = fileURLToPath(new URL('../../fixtures/rota-sample/REQ.csv', import.meta.url));
const STAFF = fileURLToPath(new URL('../../fixtures/rota-sample/STAFF.json', import.meta.url));

function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

async function wfmSchedule(args: string[]) {
  const out = sink();
  const err = sink();
  const code = await run(args, { stdin: Readable.from(['']), stdout: out.stream, stderr: err.stream });
  return { code, stdout: out.text(), stderr: err.text() };
}

/** The sample STAFF.json with some rules replaced, in a temporary file. */
function staffWithRules(rules: Record<string, unknown>): string {
  const doc = JSON.parse(readFileSync(STAFF, 'utf8'));
  doc.rules = { ...doc.rules, ...rules };
  const path = join(mkdtempSync(join(tmpdir(), 'wfm-staff-')), 'STAFF.json');
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

describe('scheduling: input checks of wfm schedule', () => {
  it('wfm schedule --help, prints the usage with the exit codes, exit 0', async () => {
    const r = await wfmSchedule(['--help']);
    expect(r.code).to.equal(0);
    expect(r.stdout).to.contain('usage: wfm schedule').and.contain('3 time limit');
  });

  it('wfm schedule, --week a Tuesday, exit 2 naming the Monday', async () => {
    const r = await wfmSchedule(['--requirements', REQ, '--staff', STAFF, '--week', '2026-12-08']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.contain('2026-12-08 is a Tuesday').and.contain('2026-12-07');
    expect(r.stdout).to.equal('');
  });

  it('wfm schedule, --week 2027-02-30, exit 2 "not a date"', async () => {
    const r = await wfmSchedule(['--requirements', REQ, '--staff', STAFF, '--week', '2027-02-30']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.contain('"2027-02-30" is not a date');
  });

  it('wfm schedule, a requirement file with no rows in the week, exit 2', async () => {
    const r = await wfmSchedule(['--requirements', REQ, '--staff', STAFF, '--week', '2026-12-14']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.contain('no rows inside the week 2026-12-14');
  });

  it('wfm schedule, earliestStart after latestEnd, exit 2 with one rules error instead of one per person', async () => {
    const r = await wfmSchedule([
      '--requirements',
      REQ,
      '--staff',
      staffWithRules({ earliestStart: '20:00', latestEnd: '08:00' }),
      '--week',
      '2026-12-07',
    ]);
    expect(r.code).to.equal(2);
    expect(r.stderr.trim().split('\n')).to.have.length(1);
    expect(r.stderr).to.contain('earliestStart 20:00 is not before latestEnd 08:00');
  });

  it('rulesConflicts, 8.25-hour shifts on a 60-minute grid, names the length and the grid', () => {
    expect(rulesConflicts({ ...DEFAULT_RULES, shiftLengthsHours: [8.25] }, 60)).to.deep.equal([
      'shiftLengthsHours 8.25 h do not fit the 60-minute requirement grid (starts and ends sit on it)',
    ]);
    expect(rulesConflicts({ ...DEFAULT_RULES, shiftLengthsHours: [8.5] }, 30)).to.deep.equal([]);
  });

  it('rowsInWeek, rows of Sunday 23:00 and of the next Monday 00:00 (Tbilisi), counts one inside and one outside', () => {
    const rows = [
      { timestamp: '2026-12-13T23:00:00+04:00', channel: 'voice', required: 1 },
      { timestamp: '2026-12-14T00:00:00+04:00', channel: 'voice', required: 1 },
    ];
    expect(rowsInWeek(rows, '2026-12-07', 'Asia/Tbilisi')).to.deep.equal({ inside: 1, outside: 1 });
  });

  it('weekStartError, a Monday, a Sunday and 2027-02-30, accepts only the Monday', () => {
    expect(weekStartError('2026-12-07', 'Asia/Tbilisi')).to.equal(null);
    expect(weekStartError('2026-12-13', 'Asia/Tbilisi')).to.contain('Sunday');
    expect(weekStartError('2027-02-30', 'Asia/Tbilisi')).to.contain('not a date');
  });

  it('parseRequirementsCsv, a decimal comma "voice,2,5", reports the line and the extra field', () => {
    const r = parseRequirementsCsv('timestamp,channel,required\n2026-12-07T08:00:00+04:00,voice,2\n2026-12-07T09:00:00+04:00,voice,2,5\n');
    expect(r.ok).to.equal(false);
    if (r.ok) return;
    expect(r.errors.map(formatInputError)).to.deep.equal([
      'REQ.csv line 3, field column 4: 4 cells but the header has 3 (extra "5"; a decimal comma? use "2.5")',
    ]);
  });

  it('parseStaffJson, a doubled comma on line 3, says line 3 column 3', () => {
    const r = parseStaffJson('{\n "staff": [{ "id": "a", "skills": ["voice"], "contractHoursPerWeek": 40 }\n ,,]\n}');
    expect(r.ok).to.equal(false);
    if (r.ok) return;
    expect(formatInputError(r.errors[0])).to.match(/^STAFF\.json: not valid JSON at line 3, column 3 /);
  });

  it('syntaxErrorAt, valid JSON and a few broken ones, finds the first bad character', () => {
    expect(syntaxErrorAt('{"a": [1, 2.5e3, "x\\"y", true, null], "b": {}}')).to.equal(-1);
    expect(syntaxErrorAt('{"a": 1,}')).to.equal(8);
    expect(syntaxErrorAt('[1 2]')).to.equal(3);
    expect(syntaxErrorAt('{"a": ')).to.equal(6);
  });

  it('parseStaffJson, a misspelt rule maxConsecutiveDay, names the key and the allowed ones', () => {
    const r = parseStaffJson(
      JSON.stringify({ rules: { maxConsecutiveDay: 5 }, staff: [{ id: 'a', skills: ['voice'], contractHoursPerWeek: 40 }] }),
    );
    expect(r.ok).to.equal(false);
    if (r.ok) return;
    const text = r.errors.map(formatInputError).join('\n');
    expect(text).to.contain('rules.maxConsecutiveDay: unknown rule "maxConsecutiveDay"').and.contain('maxConsecutiveDays');
  });

  it("wfm schedule, a lead at 50 % and a team meeting in STAFF.json, prints each shift's off-queue stretches and where the meeting landed", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wfm-activities-'));
    const day = '2026-12-07';
    // Monday only: voice 09:00-17:00, 2 needed each hour; everyone away the rest of the week.
    const req = [
      'timestamp,channel,required',
      ...[9, 10, 11, 12, 13, 14, 15, 16].map((h) => `${day}T${String(h).padStart(2, '0')}:00:00+04:00,voice,2`),
    ];
    const away = [{ start: '2026-12-08T00:00:00+04:00', end: '2026-12-14T00:00:00+04:00' }];
    const person = (id: string, queueShare?: number) => ({
      id,
      name: id,
      skills: ['voice'],
      contractHoursPerWeek: 7,
      unavailable: away,
      ...(queueShare ? { queueShare } : {}),
    });
    const staff = {
      timeZone: 'Asia/Tbilisi',
      rules: { shiftLengthsHours: [8], earliestStart: '09:00', latestEnd: '17:00', daysOffPerWeek: 0, contractToleranceHours: 1 },
      staff: [person('a1'), person('a2'), person('lead', 0.5)],
      activities: [
        {
          id: 'weekly',
          kind: 'teamMeeting',
          minutes: 60,
          attendees: ['a1', 'a2', 'lead'],
          window: { start: `${day}T09:00:00+04:00`, end: `${day}T17:00:00+04:00` },
        },
      ],
    };
    writeFileSync(join(dir, 'REQ.csv'), req.join('\n') + '\n');
    writeFileSync(join(dir, 'STAFF.json'), JSON.stringify(staff));
    const r = await wfmSchedule([
      '--requirements',
      join(dir, 'REQ.csv'),
      '--staff',
      join(dir, 'STAFF.json'),
      '--week',
      day,
      '--time-limit',
      '60',
    ]);
    expect(r.code, r.stderr).to.equal(0);
    const out = JSON.parse(r.stdout) as {
      shifts: {
        staffId: string;
        start: string;
        end: string;
        offQueue?: { kind: string; start: string; end: string; activityId?: string }[];
      }[];
      activities: { activityId: string; start: string | null; end: string | null }[];
    };
    expect(out.activities).to.have.length(1);
    const placed = out.activities[0];
    expect(placed.activityId).to.equal('weekly');
    expect(Date.parse(placed.end!) - Date.parse(placed.start!)).to.equal(3_600_000);
    // Every attendee's shift carries the meeting as an off-queue stretch at the placed time.
    for (const id of ['a1', 'a2', 'lead']) {
      const shift = out.shifts.find((s) => s.staffId === id)!;
      const meeting = (shift.offQueue ?? []).find((o) => o.activityId === 'weekly')!;
      expect(meeting, id).to.include({ kind: 'teamMeeting' });
      expect(Date.parse(meeting.start)).to.equal(Date.parse(placed.start!));
    }
    // The lead works 7 h, half of it (3.5 h, on the hour grid 3 or 4 h) away from the queue:
    // the meeting plus the off-queue share.
    const lead = out.shifts.find((s) => s.staffId === 'lead')!;
    const offHours = (lead.offQueue ?? []).reduce((h, o) => h + (Date.parse(o.end) - Date.parse(o.start)) / 3_600_000, 0);
    expect(offHours).to.be.within(3, 4);
  });
});

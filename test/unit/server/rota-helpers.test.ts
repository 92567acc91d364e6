import { expect } from 'chai';
import { contractAfterLeave, rotaRules } from '../../../app/rota-problem';
import { parseStaffJson, DEFAULT_RULES } from '../../../scheduling';
import { shiftFromTimes } from '../../../app/rota-edit';
import { rotaCsv, shiftsIcs } from '../../../server/view-models/rota-export';
import { shiftType } from '../../../server/view-models/rota';
import { DEFAULT_LABOUR_RULES } from '../../../models/repositories/settings';
import type { ShiftRecord } from '../../../models/repositories/rotas';

const rules = DEFAULT_LABOUR_RULES; // 8/9 h shifts with a 60-minute lunch: 7 or 8 h worked, 2 days off
const ZONE = 'Asia/Tbilisi';

function shift(over: Partial<ShiftRecord> = {}): ShiftRecord {
  return {
    id: 1,
    rotaId: 1,
    uid: 'u1',
    sequence: 0,
    staffId: 7,
    start: '2026-12-07T05:00:00.000Z',
    end: '2026-12-07T14:00:00.000Z',
    breaks: [{ start: '2026-12-07T09:00:00.000Z', end: '2026-12-07T10:00:00.000Z' }],
    channel: 'voice',
    activities: null,
    locked: false,
    note: null,
    version: 1,
    updatedAt: '2026-12-01T00:00:00.000Z',
    updatedBy: null,
    ...over,
  };
}

describe('contractAfterLeave: hours owed in a week with approved leave', () => {
  it('no leave: the contract unchanged', () => {
    expect(contractAfterLeave(40, 0, rules)).to.equal(40);
  });
  it('40 h, one leave day: 40 − 8 = 32 h, reachable as 4 × 8 h', () => {
    expect(contractAfterLeave(40, 1, rules)).to.equal(32);
  });
  it('40 h, a whole week of leave (7 days, more than the 5 working days): nothing owed', () => {
    expect(contractAfterLeave(40, 7, rules)).to.equal(0);
  });
  it('24 h, one leave day: 24 − 4.8 = 19.2 h has no week of 7/8 h shifts; nearest reachable (by hand: 14,15,16,21) is 21 h', () => {
    expect(contractAfterLeave(24, 1, rules)).to.equal(21);
  });
});

describe('shiftFromTimes: a hand-entered shift', () => {
  it('09:00-18:00 Tbilisi (UTC+4) on 2026-12-07: UTC 05:00-14:00, lunch at the middle on the hour grid (13:00-14:00 local)', () => {
    const s = shiftFromTimes(
      3,
      { date: '2026-12-07', startTime: '09:00', endTime: '18:00', channel: 'chat', locked: true },
      { rules: { breakMinutes: 60 } as never, intervalMinutes: 60 },
      ZONE,
    );
    expect(s).to.deep.include({
      staffId: 3,
      start: '2026-12-07T05:00:00.000Z',
      end: '2026-12-07T14:00:00.000Z',
      channel: 'chat',
      locked: true,
    });
    expect(s.breaks).to.deep.equal([{ start: '2026-12-07T09:00:00.000Z', end: '2026-12-07T10:00:00.000Z' }]);
  });
  it('an end at or before the start is the next day (15:00-00:00 is 9 h)', () => {
    const s = shiftFromTimes(
      3,
      { date: '2026-12-07', startTime: '15:00', endTime: '00:00', channel: 'voice', locked: false },
      { rules: { breakMinutes: 60 } as never, intervalMinutes: 30 },
      ZONE,
    );
    expect(s.end).to.equal('2026-12-07T20:00:00.000Z');
  });
});

describe('rota exports', () => {
  it('rotaCsv: local times, the lunch break, a name with a comma quoted', () => {
    const csv = rotaCsv([shift()], new Map([[7, 'Beridze, Nino']]), ZONE);
    expect(csv).to.equal(
      'staff,date,start,end,break_start,break_end,channel\r\n"Beridze, Nino",2026-12-07,09:00,18:00,13:00,14:00,voice\r\n',
    );
  });
  it('rotaCsv: a name starting with = is defused for spreadsheets', () => {
    expect(rotaCsv([shift()], new Map([[7, '=HYPERLINK("x")']]), ZONE).split('\r\n')[1]).to.equal(
      '"\'=HYPERLINK(""x"")",2026-12-07,09:00,18:00,13:00,14:00,voice',
    );
  });
  it('shiftsIcs: UTC times, escaped text, CRLF and lines folded at 75 octets', () => {
    const ics = shiftsIcs([shift()], {
      calendarName: 'Shifts of Nino; Beridze',
      zone: ZONE,
      host: 'rota.example',
      now: new Date('2026-12-01T00:00:00Z'),
      summary: () => 'ცვლა (ზარები) '.repeat(4),
      breaksDescription: (b, z) => `შესვენება ${b} (${z})`,
    });
    const lines = ics.split('\r\n');
    expect(lines)
      .to.include('DTSTART:20261207T050000Z')
      .and.include('DTEND:20261207T140000Z')
      .and.include('X-WR-CALNAME:Shifts of Nino\\; Beridze');
    for (const l of lines) expect(Buffer.byteLength(l, 'utf8')).to.be.at.most(75);
    expect(lines.some((l) => l.startsWith(' '))).to.equal(true);
  });
  it('shiftType: 08:00 start is early, 14:00-23:00 is late, 10:00-19:00 is day (Tbilisi)', () => {
    expect(shiftType({ start: '2026-12-07T04:00:00Z', end: '2026-12-07T13:00:00Z' }, ZONE)).to.equal('early');
    expect(shiftType({ start: '2026-12-07T10:00:00Z', end: '2026-12-07T19:00:00Z' }, ZONE)).to.equal('late');
    expect(shiftType({ start: '2026-12-07T06:00:00Z', end: '2026-12-07T15:00:00Z' }, ZONE)).to.equal('day');
  });
});

describe('labour-rule defaults: one set for the CLI and the web app', () => {
  it('a team without explicit rules: wfm schedule --staff (STAFF.json without "rules") and the web app get the same rules', () => {
    const staffJson = {
      timeZone: ZONE,
      staff: [{ id: 'a1', name: 'Nino', skills: ['voice'], contractHoursPerWeek: 40, unavailable: [] }],
    };
    const cli = parseStaffJson(JSON.stringify(staffJson));
    if (!cli.ok) throw new Error(JSON.stringify(cli.errors));
    expect(rotaRules(DEFAULT_LABOUR_RULES)).to.deep.equal(cli.value.rules);
    expect(cli.value.rules).to.deep.equal({ ...DEFAULT_RULES });
  });

  it('the night-hours limit defaults to a whole shift (no cap; the opening hours bound night work)', () => {
    expect(DEFAULT_LABOUR_RULES.maxNightHoursPerShift).to.equal(8);
  });
});

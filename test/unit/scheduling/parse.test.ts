import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { parseRequirementsCsv } from '../../../scheduling/parse/requirements-csv';
import { parseStaffJson } from '../../../scheduling/parse/staff-json';
import { formatInputError } from '../../../scheduling/parse/parse-error';

const SAMPLE_REQ = readFileSync(new URL('../../fixtures/rota-sample/REQ.csv', import.meta.url), 'utf8');
const SAMPLE_STAFF = readFileSync(new URL('../../fixtures/rota-sample/STAFF.json', import.meta.url), 'utf8');

describe('scheduling/parse: requirement and staff files', () => {
  it('parseRequirementsCsv, the sample week, reads 336 rows, 2 channels, 60-minute intervals and 1,232 agent-hours', () => {
    const r = parseRequirementsCsv(SAMPLE_REQ);
    if (!r.ok) throw new Error('parse failed');
    expect(r.value.rows).to.have.length(336);
    expect(r.value.channels).to.deep.equal(['voice', 'chat']);
    expect(r.value.intervalMinutes).to.equal(60);
    expect(r.value.rows.reduce((t, x) => t + x.required, 0)).to.equal(1232);
  });

  it('parseRequirementsCsv, "abc" as required on line 3, reports line and field', () => {
    const r = parseRequirementsCsv('timestamp,channel,required\n2026-12-07T08:00:00+04:00,voice,2\n2026-12-07T09:00:00+04:00,voice,abc\n');
    expect(r.ok).to.equal(false);
    if (r.ok) return;
    expect(r.errors.map(formatInputError)).to.deep.equal(['REQ.csv line 3, field required: "abc" is not a number']);
  });

  it('parseRequirementsCsv, a timestamp without offset and a missing column, reports both', () => {
    const a = parseRequirementsCsv('timestamp,channel,required\n2026-12-07T08:00:00,voice,2\n');
    const b = parseRequirementsCsv('timestamp,required\n2026-12-07T08:00:00+04:00,2\n');
    expect(!a.ok && a.errors[0].field).to.equal('timestamp');
    expect(!b.ok && formatInputError(b.errors[0])).to.equal('REQ.csv line 1, field channel: missing column "channel" in the header');
  });

  it('parseRequirementsCsv, 30-minute rows, finds a 30-minute interval', () => {
    const r = parseRequirementsCsv('timestamp,channel,required\n2026-12-07T08:00:00+04:00,voice,2\n2026-12-07T08:30:00+04:00,voice,3\n');
    expect(r.ok && r.value.intervalMinutes).to.equal(30);
  });

  it('parseStaffJson, the sample team, reads 35 people, default maxConsecutiveDays 6 and 12 previous shifts', () => {
    const s = parseStaffJson(SAMPLE_STAFF, ['voice', 'chat']);
    if (!s.ok) throw new Error('parse failed');
    expect(s.value.staff).to.have.length(35);
    expect(s.value.rules.maxConsecutiveDays).to.equal(6);
    expect(s.value.rules.contractToleranceHours).to.equal(1);
    expect(s.value.previousShifts).to.have.length(12);
  });

  it('parseStaffJson, skill "sms" on staff[3], reports the JSON path', () => {
    const doc = JSON.parse(SAMPLE_STAFF);
    doc.staff[3].skills = ['sms'];
    const s = parseStaffJson(JSON.stringify(doc), ['voice', 'chat']);
    expect(!s.ok && s.errors.map(formatInputError)).to.deep.equal(['STAFF.json staff[3].skills[0]: unknown channel "sms"']);
  });

  it('parseStaffJson, contract hours as a string and a bad rule time, reports both paths', () => {
    const doc = JSON.parse(SAMPLE_STAFF);
    doc.staff[0].contractHoursPerWeek = 'forty';
    doc.rules.earliestStart = '8am';
    const s = parseStaffJson(JSON.stringify(doc), ['voice', 'chat']);
    expect(s.ok).to.equal(false);
    if (s.ok) return;
    expect(s.errors.map((e) => e.path)).to.have.members(['staff[0].contractHoursPerWeek', 'rules.earliestStart']);
  });
});

import { expect } from 'chai';
import { coverageOf } from '../../../scheduling/coverage';
import { at, makeAgent, makeProblem, makeShift } from './builders';

// One hour (Monday 10:00) needs 2 voice and 1 chat. Expected values are worked out by hand
// from the rule "a voice+chat person takes whichever channel is short".
const need = [
  { timestamp: at(0, '10:00'), channel: 'voice', required: 2 },
  { timestamp: at(0, '10:00'), channel: 'chat', required: 1 },
];
const staff = [
  makeAgent({ id: 'v' }),
  makeAgent({ id: 'b1', skills: ['voice', 'chat'] }),
  makeAgent({ id: 'b2', skills: ['voice', 'chat'] }),
];

describe('scheduling/coverage: coverageOf', () => {
  it('coverageOf, one voice and two flexible people at 10:00, covers 2 voice + 1 chat with no shortfall', () => {
    const shifts = [
      makeShift(0, '09:00', '18:00', '13:00', { staffId: 'v' }),
      makeShift(0, '09:00', '18:00', '13:00', { staffId: 'b1', channel: 'both' }),
      makeShift(0, '09:00', '18:00', '13:00', { staffId: 'b2', channel: 'both' }),
    ];
    const c = coverageOf(makeProblem({ staff, requirements: need }), shifts);
    const row = (ch: string) => c.rows.find((r) => r.timestamp === at(0, '10:00') && r.channel === ch)!;
    expect(row('voice').onDuty).to.equal(2);
    expect(row('chat').onDuty).to.equal(1);
    expect(c.shortfallAgentHours).to.equal(0);
  });

  it('coverageOf, a flexible person at lunch 10:00-11:00, leaves 1 agent-hour short', () => {
    const shifts = [
      makeShift(0, '09:00', '18:00', '13:00', { staffId: 'v' }),
      makeShift(0, '09:00', '18:00', '10:00', { staffId: 'b1', channel: 'both' }),
      makeShift(0, '09:00', '18:00', '13:00', { staffId: 'b2', channel: 'both' }),
    ];
    expect(coverageOf(makeProblem({ staff, requirements: need }), shifts).shortfallAgentHours).to.equal(1);
  });

  it('coverageOf, a shift starting 10:30, counts half a person in the 10:00 interval (0.5 agent-hours short)', () => {
    const shifts = [
      makeShift(0, '09:00', '18:00', '13:00', { staffId: 'v' }),
      makeShift(0, '09:00', '18:00', '13:00', { staffId: 'b1', channel: 'both' }),
      { ...makeShift(0, '10:30', '18:30', '13:00', { staffId: 'b2', channel: 'chat' }) },
    ];
    const c = coverageOf(makeProblem({ staff, requirements: need }), shifts);
    expect(c.shortfallAgentHours).to.be.closeTo(0.5, 1e-9);
  });

  it('coverageOf, a voice-only agent published on chat, counts nothing for them (skill missing)', () => {
    const shifts = [makeShift(0, '09:00', '18:00', '13:00', { staffId: 'v', channel: 'chat' })];
    expect(coverageOf(makeProblem({ staff, requirements: need }), shifts).shortfallAgentHours).to.equal(3);
  });
});

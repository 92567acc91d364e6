import { expect } from 'chai';
import { agentsFromPlan, agentsFromShifts, keepShare, sickPeople, weekFigures, type IntervalMetrics } from '../../../staffing';
import type { ShiftRecord } from '../../../models/repositories/rotas';

function shift(staffId: number, start: string, end: string, over: Partial<ShiftRecord> = {}): ShiftRecord {
  return {
    id: staffId,
    rotaId: 1,
    uid: 'u1',
    sequence: 0,
    staffId,
    start: `2026-12-07T${start}:00.000Z`,
    end: `2026-12-07T${end}:00.000Z`,
    breaks: [],
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
const at = (hh: string) => `2026-12-07T${hh}:00:00.000Z`;
const HOURS = ['08', '09', '10', '13', '17', '18'].map(at);

describe('scenario model: staffing from a rota, the sick rule, week figures', () => {
  it('agentsFromShifts: people on duty per hour, the lunch break left out', () => {
    const lunch = [{ start: at('13'), end: at('14') }];
    const got = agentsFromShifts([shift(1, '09:00', '18:00', { breaks: lunch }), shift(2, '09:00', '18:00')], HOURS, 60, () => 1);
    expect([at('08'), at('09'), at('13'), at('17'), at('18')].map((s) => got.get(`voice|${s}`) ?? 0)).to.deep.equal([0, 2, 1, 2, 0]);
  });

  it('agentsFromShifts: a shift on both channels is split by the two channels’ raw need; half an hour on duty is half an agent', () => {
    const got = agentsFromShifts(
      [
        shift(1, '09:00', '12:00', { channel: 'both' }),
        shift(2, '09:00', '12:00', { channel: 'both' }),
        shift(3, '09:00', '12:00', { channel: 'both' }),
        shift(4, '09:00', '12:00', { channel: 'both' }),
      ],
      [at('10')],
      60,
      () => 0.75,
    );
    expect([got.get(`voice|${at('10')}`), got.get(`chat|${at('10')}`)]).to.deep.equal([3, 1]);
    const half = agentsFromShifts(
      [shift(1, '09:30', '12:00'), shift(2, '09:30', '12:00'), shift(3, '09:30', '12:00'), shift(4, '09:30', '12:00')],
      [at('09')],
      60,
      () => 1,
    );
    expect(half.get(`voice|${at('09')}`)).to.equal(2);
  });

  it('agentsFromShifts: activities decide the channel of each part of a shift', () => {
    const s = shift(1, '09:00', '12:00', {
      channel: 'both',
      activities: [
        { start: at('09'), end: at('10'), channel: 'chat' },
        { start: at('10'), end: '2026-12-07T12:00:00.000Z', channel: 'voice' },
      ],
    });
    const got = agentsFromShifts([s], [at('09'), at('10')], 60, () => 0.5);
    expect([got.get(`chat|${at('09')}`), got.get(`voice|${at('09')}`) ?? 0, got.get(`voice|${at('10')}`)]).to.deep.equal([1, 0, 1]);
  });

  it('sickPeople: the n people with the most hours on duty in the channels, ties to the lowest id', () => {
    const shifts = [
      shift(5, '09:00', '18:00'),
      shift(3, '09:00', '17:00'),
      shift(4, '09:00', '17:00'),
      shift(9, '09:00', '20:00', { channel: 'chat' }),
    ];
    expect([...sickPeople(shifts, ['voice'], 2)]).to.deep.equal([5, 3]);
    expect([...sickPeople(shifts, ['voice', 'chat'], 1)]).to.deep.equal([9]);
  });

  it('agentsFromPlan: 20 scheduled at 30 % shrinkage gives back the 14 agents (raw) they were computed from', () => {
    expect(agentsFromPlan(20, 0.3)).to.equal(14);
    expect(agentsFromPlan(18, 0.3)).to.equal(12);
    expect(agentsFromPlan(0, 0.3)).to.equal(0);
  });

  it('keepShare: whole agents removed add up to the share kept (keeping 94 % of 10 × 8 removes 5, where rounding each interval would remove none)', () => {
    const kept = keepShare([8, 8, 8, 8, 8], 0.9);
    expect(kept.reduce((a, b) => a + b, 0)).to.equal(36);
    expect(kept.every((n) => n === 7 || n === 8)).to.equal(true);
    expect(keepShare([8, 8, 8, 8, 8, 8, 8, 8, 8, 8], 0.94).reduce((a, b) => a + b, 0)).to.equal(75);
    expect(keepShare([3, 0, 5], 1)).to.deep.equal([3, 0, 5]);
    expect(keepShare([3, 0, 5], 0)).to.deep.equal([0, 0, 0]);
  });

  it('weekFigures: volume-weighted SL and ASA; an overloaded interval counts 0 % SL and stays out of ASA', () => {
    const m = (volume: number, agents: number, sl: number, asa: number | null, overloaded = false): IntervalMetrics => ({
      volume,
      agents,
      ahtSeconds: 180,
      serviceLevel: sl,
      asaSeconds: asa,
      abandonRate: null,
      occupancy: 0.5,
      overloaded,
    });
    const w = weekFigures([m(100, 10, 0.9, 10), m(300, 10, 0.7, 30), m(100, 1, 0, null, true), m(0, 0, 1, 0)], 60);
    expect(w.serviceLevel).to.be.closeTo((90 + 210 + 0) / 500, 1e-12);
    expect(w.asaSeconds).to.be.closeTo((1000 + 9000) / 400, 1e-12);
    expect(w.overloadedIntervals).to.equal(1);
    expect(w.agentHours).to.equal(21);
    expect(w.abandonRate).to.equal(null);
  });

  it('weekFigures: ASA weighs intervals by answered contacts (offered × (1 − abandoned))', () => {
    const m = (volume: number, asa: number, abandonRate: number): IntervalMetrics => ({
      volume,
      agents: 5,
      ahtSeconds: 180,
      serviceLevel: 0.8,
      asaSeconds: asa,
      abandonRate,
      occupancy: 0.8,
      overloaded: false,
    });
    const w = weekFigures([m(100, 10, 0), m(100, 40, 0.5)], 60);
    expect(w.asaSeconds).to.be.closeTo((100 * 10 + 50 * 40) / 150, 1e-12);
    expect(w.abandonRate).to.be.closeTo(0.25, 1e-12);
  });
});

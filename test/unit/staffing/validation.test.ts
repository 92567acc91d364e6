import { expect } from 'chai';
import {
  agentSegmentSchema,
  channelForecastSchema,
  describeZodError,
  evaluate,
  parseStaffingRequest,
  StaffingError,
  type StaffingRequest,
} from '../../../staffing';

const ok: StaffingRequest = { volume: 100, intervalSeconds: 1800, ahtSeconds: 180, thresholdSeconds: 20, targetServiceLevel: 0.8 };

/** Each bad field, the value, and the words the error must contain. */
const bad: [keyof StaffingRequest, unknown, RegExp][] = [
  ['volume', -1, /^volume: .*≥ 0/],
  ['volume', Number.NaN, /^volume/],
  ['volume', '100', /^volume/],
  ['intervalSeconds', 0, /^intervalSeconds: .*> 0/],
  ['ahtSeconds', 0, /^ahtSeconds: .*> 0/],
  ['ahtSeconds', -180, /^ahtSeconds/],
  ['shrinkage', 1, /^shrinkage: .*\[0, 1\)/],
  ['shrinkage', -0.1, /^shrinkage/],
  ['shrinkage', 30, /^shrinkage/],
  ['targetServiceLevel', 1, /^targetServiceLevel: .*\(0, 1\)/],
  ['targetServiceLevel', 0, /^targetServiceLevel/],
  ['targetServiceLevel', 80, /^targetServiceLevel/],
  ['maxOccupancy', 0, /^maxOccupancy/],
  ['maxOccupancy', 1.2, /^maxOccupancy/],
  ['agents', 2.5, /^agents: .*whole number/],
  ['agents', -1, /^agents/],
  ['thresholdSeconds', -5, /^thresholdSeconds/],
  ['targetAsaSeconds', 0, /^targetAsaSeconds/],
  ['patienceSeconds', 0, /^patienceSeconds/],
  ['concurrency', 0, /^concurrency/],
  ['concurrency', 1.5, /^concurrency/],
];

describe('staffing/validation', () => {
  for (const [field, value, message] of bad) {
    it(`evaluate, ${field} = ${JSON.stringify(value) ?? String(value)}, throws a StaffingError naming ${field}`, () => {
      const r = { ...ok, [field]: value } as StaffingRequest;
      expect(() => evaluate(r)).to.throw(StaffingError, message);
      try {
        evaluate(r);
      } catch (err) {
        expect((err as StaffingError).field).to.equal(field);
      }
    });

    it(`parseStaffingRequest (zod), ${field} = ${JSON.stringify(value) ?? String(value)}, throws naming ${field}`, () => {
      expect(() => parseStaffingRequest({ ...ok, [field]: value })).to.throw(StaffingError, new RegExp(`^${field}: `));
    });
  }

  it('evaluate, unstable Erlang-C load with given agents, throws on agents saying the queue grows without bound', () => {
    expect(() => evaluate({ ...ok, agents: 8 })).to.throw(/^agents: .*grows without bound/);
  });

  it('evaluate, a service-level target without threshold, throws asking for thresholdSeconds', () => {
    expect(() => evaluate({ ...ok, thresholdSeconds: undefined })).to.throw(/^thresholdSeconds: is required/);
  });

  it('evaluate, maxAbandonRate without patience, throws explaining Erlang-C has no abandonment', () => {
    expect(() => evaluate({ ...ok, maxAbandonRate: 0.05 })).to.throw(/^maxAbandonRate: needs patienceSeconds/);
  });

  it('parseStaffingRequest, unknown or missing fields, names them', () => {
    expect(() => parseStaffingRequest({ volume: 1, intervalSeconds: 1800, aht: 180, agents: 2 })).to.throw(
      /ahtSeconds: is required; aht: is not a known field/,
    );
    expect(() => parseStaffingRequest([1])).to.throw(/^request: must be a JSON object/);
  });

  it('parseStaffingRequest, neither target nor agents, says to give one', () => {
    expect(() => parseStaffingRequest({ volume: 1, intervalSeconds: 1800, ahtSeconds: 180 })).to.throw(/no target given/);
  });

  it('parseStaffingRequest, a valid request, returns it unchanged', () => {
    expect(parseStaffingRequest(ok)).to.deep.equal(ok);
  });
});

describe('staffing/schemas for pages', () => {
  it('agentSegmentSchema, an end before the start or an unknown channel, is rejected naming the field', () => {
    const bad = agentSegmentSchema.safeParse({ startMs: 10, endMs: 0, channels: ['voice'] });
    expect(bad.success).to.equal(false);
    expect(describeZodError(bad.error!).field).to.equal('endMs');
    expect(agentSegmentSchema.safeParse({ startMs: 0, endMs: 1, channels: ['email'] }).success).to.equal(false);
    expect(
      agentSegmentSchema.safeParse({ startMs: 0, endMs: 1, channels: ['voice', 'chat'], home: 'chat', concurrency: 2 }).success,
    ).to.equal(true);
  });

  it('channelForecastSchema, a negative volume in a point, is rejected naming points.N.volume', () => {
    const f = {
      channel: 'voice',
      intervalSeconds: 3600,
      ahtSeconds: 240,
      points: [
        { start: 'x', volume: 1 },
        { start: 'y', volume: -1 },
      ],
    };
    const r = channelForecastSchema.safeParse(f);
    expect(r.success).to.equal(false);
    expect(describeZodError(r.error!).field).to.equal('points.1.volume');
  });
});

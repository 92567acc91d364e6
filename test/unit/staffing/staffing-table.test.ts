import { expect } from 'chai';
import { erlangC, staffingTable } from '../../../staffing';

const request = {
  volume: 100,
  intervalSeconds: 1800,
  ahtSeconds: 180,
  thresholdSeconds: 20,
  targetServiceLevel: 0.8,
  maxOccupancy: 0.85,
  shrinkage: 0.3,
};

describe('staffing/staffing-table', () => {
  it('staffingTable, pyworkforce example, centres 9 rows on the requirement 14 with flags and the binding target', () => {
    const t = staffingTable(request);
    expect(t.requiredAgents).to.equal(14);
    expect(t.bindingTargets).to.deep.equal(['serviceLevel']);
    expect(t.rows.map((r) => r.agents)).to.deep.equal([10, 11, 12, 13, 14, 15, 16, 17, 18]);
    expect(t.rows.filter((r) => r.isRequired).map((r) => r.agents)).to.deep.equal([14]);
    expect(t.rows.map((r) => r.meetsTargets)).to.deep.equal([false, false, false, false, true, true, true, true, true]);
  });

  it('staffingTable, rows at or below the load in Erlang-C, are marked unstable with no metrics', () => {
    const row = staffingTable(request).rows[0]!;
    expect(row).to.include({ agents: 10, stable: false, metrics: null });
    expect(row.missedTargets).to.include('serviceLevel');
  });

  it('staffingTable, each stable row, carries the Erlang-C metrics for its agents', () => {
    for (const r of staffingTable(request, { around: 16, rows: 5 }).rows) {
      expect(r.metrics!.serviceLevel).to.equal(erlangC({ ...request, agents: r.agents }).serviceLevel);
      expect(r.scheduledAgents).to.equal(Math.ceil(r.agents / 0.7 - 1e-9));
    }
  });

  it('staffingTable, with agents and no target, centres on the agents and marks the given row', () => {
    const t = staffingTable({ volume: 100, intervalSeconds: 1800, ahtSeconds: 180, thresholdSeconds: 20, agents: 12 }, { rows: 3 });
    expect(t.requiredAgents).to.equal(null);
    expect(t.rows.map((r) => [r.agents, r.isGiven])).to.deep.equal([
      [11, false],
      [12, true],
      [13, false],
    ]);
  });

  it('staffingTable, bad rows option, throws naming rows', () => {
    expect(() => staffingTable(request, { rows: 0 })).to.throw(/^rows/);
  });
});

import { expect } from 'chai';
import {
  channelHistory,
  forecastHierarchy,
  reconcile,
  recentShares,
  RECONCILIATIONS,
  type PlatformSeries,
} from '../../../forecasting/hierarchy';
import { syntheticHistory } from '../../../forecasting/synthetic';

const TBILISI = 'Asia/Tbilisi';

/** Three platforms of different size and day shape: independent synthetic series (seeded). */
function platforms(days = 84): PlatformSeries[] {
  return [
    { platform: 'web', history: syntheticHistory({ seed: 1, from: '2025-09-01', days, dailyVolume: 1500 }) },
    { platform: 'app', history: syntheticHistory({ seed: 2, from: '2025-09-01', days, dailyVolume: 600, openHours: [8, 23] }) },
    { platform: 'tv', history: syntheticHistory({ seed: 3, from: '2025-09-01', days, dailyVolume: 80, growth: 0.5 }) },
  ];
}

describe('forecasting hierarchy (channel = Σ platforms)', () => {
  it('reconcile, mint-diagonal on one interval, equals the brute-force minimum of the weighted squared moves', () => {
    const base = { total: [100], platforms: [[50], [30]] };
    const v = { total: 4, platforms: [9, 1] };
    const [a, b] = reconcile('mint-diagonal', base, [[0.5], [0.5]], v).map((s) => s[0]);
    // Independent: grid search of ỹ₁, ỹ₂ minimising Σ(ỹᵢ−ŷᵢ)²/vᵢ + (ỹ₁+ỹ₂−ŷ₀)²/v₀.
    let best = { x: 0, y: 0, s: Infinity };
    for (let x = 40; x <= 80; x += 0.01)
      for (let y = 25; y <= 40; y += 0.01) {
        const s = (x - 50) ** 2 / 9 + (y - 30) ** 2 / 1 + (x + y - 100) ** 2 / 4;
        if (s < best.s) best = { x, y, s };
      }
    expect(a).to.be.closeTo(best.x, 0.01);
    expect(b).to.be.closeTo(best.y, 0.01);
  });

  it('reconcile, bottom-up, top-down and middle on hand numbers: the platforms, the split total, their mean', () => {
    const base = {
      total: [120, 0],
      platforms: [
        [60, 2],
        [40, 1],
      ],
    };
    const shares = [
      [0.75, 0.5],
      [0.25, 0.5],
    ];
    const v = { total: 1, platforms: [1, 1] };
    expect(reconcile('bottom-up', base, shares, v).map((s) => [...s])).to.deep.equal([
      [60, 2],
      [40, 1],
    ]);
    expect(reconcile('top-down', base, shares, v).map((s) => [...s])).to.deep.equal([
      [90, 0],
      [30, 0],
    ]);
    expect(reconcile('middle', base, shares, v).map((s) => [...s])).to.deep.equal([
      [75, 1],
      [35, 0.5],
    ]);
  });

  it('reconcile, mint-diagonal pushing a small platform below 0, floors it at 0 and still adds up', () => {
    const out = reconcile('mint-diagonal', { total: [10], platforms: [[30], [1]] }, [[1], [0]], { total: 0, platforms: [1, 100] });
    expect(out[1][0]).to.equal(0);
    expect(out[0][0] + out[1][0]).to.be.closeTo(10, 1e-9);
  });

  it('recentShares, two platforms 3:1 in every hour, gives 0.75 and 0.25', () => {
    const mk = (v: number) =>
      Array.from({ length: 24 * 14 }, (_, k) => ({ start: new Date(Date.UTC(2026, 0, 5) + k * 3_600_000).toISOString(), volume: v }));
    const s = recentShares(
      [
        { platform: 'a', history: mk(3) },
        { platform: 'b', history: mk(1) },
      ],
      Date.UTC(2026, 0, 19),
      3_600_000,
      5,
      2,
    );
    expect([...s[0]]).to.deep.equal([0.75, 0.75, 0.75, 0.75, 0.75]);
    expect([...s[1]]).to.deep.equal([0.25, 0.25, 0.25, 0.25, 0.25]);
  });

  it('channelHistory, two platforms, sums volumes per interval and weighs handle time by volume', () => {
    const t = channelHistory([
      { platform: 'a', history: [{ start: '2026-01-05T08:00:00Z', volume: 3, ahtSeconds: 100 }] },
      { platform: 'b', history: [{ start: '2026-01-05T08:00:00Z', volume: 1, ahtSeconds: 300 }] },
    ]);
    expect(t).to.deep.equal([{ start: '2026-01-05T08:00:00.000Z', volume: 4, ahtSeconds: 150 }]);
  });

  for (const kind of [...RECONCILIATIONS, 'auto'] as const) {
    it(`forecastHierarchy, ${kind}, three synthetic platforms: the platforms add up to the channel in every interval`, function () {
      this.timeout(120_000);
      const f = forecastHierarchy(platforms(), { zone: TBILISI, start: '2025-11-24T00:00:00+04:00', hours: 168, reconciliation: kind });
      expect(f.channel.points).to.have.length(168);
      f.channel.points.forEach((p, h) => {
        const sum = f.platforms.reduce((a, pl) => a + pl.points[h].volume, 0);
        expect(p.volume, p.start).to.be.closeTo(sum, 1e-9 * Math.max(1, sum));
        for (const pl of f.platforms) {
          const q = pl.points[h];
          expect(q.lower95 <= q.lower80 && q.lower80 <= q.volume && q.volume <= q.upper80 && q.upper80 <= q.upper95, pl.platform).to.equal(
            true,
          );
        }
      });
      const shareSum = f.platforms.reduce((a, p) => a + p.share, 0);
      expect(shareSum).to.be.closeTo(1, 1e-9);
      if (kind !== 'auto') expect(f.reconciliation).to.equal(kind);
      else expect(f.reconciliation).to.equal(f.scores[0].reconciliation);
    });
  }

  it('forecastHierarchy, an event of +100% on one platform for one day: that platform doubles that day, the channel rises by as much', function () {
    this.timeout(120_000);
    const opts = { zone: TBILISI, start: '2025-11-24T00:00:00+04:00', hours: 48, reconciliation: 'bottom-up' as const };
    const plain = forecastHierarchy(platforms(), opts);
    const launch = forecastHierarchy(platforms(), {
      ...opts,
      platformEvents: [{ platform: 'app', from: '2025-11-25', to: '2025-11-25', effectPct: 100 }],
    });
    const app = (f: typeof plain) => f.platforms.find((p) => p.platform === 'app')!.points;
    for (let h = 0; h < 48; h++) {
      const factor = h >= 24 ? 2 : 1;
      expect(app(launch)[h].volume).to.be.closeTo(app(plain)[h].volume * factor, 1e-9);
      expect(launch.channel.points[h].volume - plain.channel.points[h].volume).to.be.closeTo(app(plain)[h].volume * (factor - 1), 1e-6);
    }
  });
});

import { expect } from 'chai';
import { applyAdjustmentsByPlatform, type ForecastPoint, type PlatformAdjustment, type PlatformPart } from '../../../forecasting/index';
import { mulberry32 } from '../../../forecasting/random';

/** Four hours from 10:00 Tbilisi; the channel 30 each hour, bands ±20 %/±40 %. */
const starts = ['06', '07', '08', '09'].map((h) => `2026-12-07T${h}:00:00.000Z`);
const point = (start: string, volume: number): ForecastPoint => ({
  start,
  volume,
  lower80: volume * 0.8,
  upper80: volume * 1.2,
  lower95: volume * 0.6,
  upper95: volume * 1.4,
});
/** Bazari 20, Sadili 10 of the channel's 30 in every hour. */
const split = (): PlatformPart[] => [
  { platform: 'bazari', volumes: [20, 20, 20, 20] },
  { platform: 'sadili', volumes: [10, 10, 10, 10] },
];
const range = (a: number, b: number) => ({ from: starts[a], to: b < starts.length ? starts[b] : '2026-12-07T10:00:00.000Z' });

/** Σ platforms per interval, added up here rather than trusted from the function. */
function sums(platforms: { volumes: number[] }[], n: number): number[] {
  const out = new Array(n).fill(0);
  for (const p of platforms) p.volumes.forEach((v, i) => (out[i] += v));
  return out;
}

describe('applyAdjustmentsByPlatform', () => {
  it('applyAdjustmentsByPlatform, +20 % on Sadili 10:00-12:00, moves Sadili 10 → 12 and the channel 30 → 32 there only', () => {
    const out = applyAdjustmentsByPlatform(
      starts.map((s) => point(s, 30)),
      split(),
      [{ ...range(0, 2), kind: 'scale', value: 1.2, platform: 'sadili' }],
    );
    const [bazari, sadili] = out.platforms;
    expect(sadili.volumes).to.deep.equal([12, 12, 10, 10]);
    expect(bazari.volumes).to.deep.equal([20, 20, 20, 20]);
    expect(out.channel.map((c) => c.volume)).to.deep.equal([32, 32, 30, 30]);
    expect(out.channel.map((c) => c.adjusted)).to.deep.equal([true, true, false, false]);
    expect(sadili.adjusted).to.deep.equal([true, true, false, false]);
    expect(bazari.adjusted).to.deep.equal([false, false, false, false]);
    // The channel's bands move by its own ratio, 32 ÷ 30.
    expect(out.channel[0].upper80).to.be.closeTo(36 * (32 / 30), 1e-12);
    expect(out.channel[0].modelVolume).to.equal(30);
  });

  it('applyAdjustmentsByPlatform, set Bazari to 5 then +50 % on the channel, gives 5+10 → 7.5+15 = 22.5, proportions kept', () => {
    const out = applyAdjustmentsByPlatform(
      starts.map((s) => point(s, 30)),
      split(),
      [
        { ...range(1, 2), kind: 'set', value: 5, platform: 'bazari' },
        { ...range(0, 4), kind: 'scale', value: 1.5, platform: null },
      ],
    );
    const [bazari, sadili] = out.platforms;
    expect(bazari.volumes).to.deep.equal([30, 7.5, 30, 30]);
    expect(sadili.volumes).to.deep.equal([15, 15, 15, 15]);
    expect(out.channel.map((c) => c.volume)).to.deep.equal([45, 22.5, 45, 45]);
  });

  it('applyAdjustmentsByPlatform, set the channel to 60, doubles each platform; on a channel at 0 splits 60 by the split’s shares', () => {
    const points = starts.map((s, i) => point(s, i === 3 ? 0 : 30));
    const parts = split();
    parts[0].volumes[3] = 0;
    parts[1].volumes[3] = 0;
    const out = applyAdjustmentsByPlatform(points, parts, [{ ...range(2, 4), kind: 'set', value: 60, platform: null }]);
    const [bazari, sadili] = out.platforms;
    expect([bazari.volumes[2], sadili.volumes[2]]).to.deep.equal([40, 20]);
    // Hour 3 was 0 on both: 60 split 2:1, the shares of the whole split (60 : 30).
    expect(bazari.volumes[3]).to.be.closeTo(40, 1e-12);
    expect(sadili.volumes[3]).to.be.closeTo(20, 1e-12);
    // A channel that was 0 gets bands equal to its new volume.
    expect(out.channel[3]).to.include({ volume: 60, lower80: 60, upper95: 60 });
  });

  it('applyAdjustmentsByPlatform, no split and whole-channel adjustments, equals the channel arithmetic (× 1.15, then set 7)', () => {
    const out = applyAdjustmentsByPlatform(
      starts.map((s) => point(s, 10)),
      [],
      [
        { ...range(0, 2), kind: 'scale', value: 1.15, platform: null },
        { ...range(1, 2), kind: 'set', value: 7, platform: null },
      ],
    );
    expect(out.channel.map((c) => c.volume)).to.deep.equal([11.5, 7, 10, 10]);
    expect(out.platforms).to.deep.equal([]);
  });

  it('applyAdjustmentsByPlatform, a platform outside the split or a negative factor, throws RangeError', () => {
    const pts = starts.map((s) => point(s, 30));
    expect(() => applyAdjustmentsByPlatform(pts, split(), [{ ...range(0, 1), kind: 'scale', value: 2, platform: 'fax' }])).to.throw(
      RangeError,
      /fax/,
    );
    expect(() => applyAdjustmentsByPlatform(pts, split(), [{ ...range(0, 1), kind: 'scale', value: -1, platform: null }])).to.throw(
      RangeError,
    );
  });

  it('applyAdjustmentsByPlatform, 200 random mixes of platform and channel edits, keeps channel = Σ platforms in every interval; a last platform edit moves the channel by that platform’s change only', () => {
    const rand = mulberry32(13);
    const codes = ['bazari', 'sadili', 'mgzavri'];
    for (let trial = 0; trial < 200; trial++) {
      const n = 12;
      const hours = Array.from({ length: n }, (_, i) => new Date(Date.parse('2026-12-07T00:00:00.000Z') + i * 3_600_000).toISOString());
      const parts: PlatformPart[] = codes.map((platform) => ({
        platform,
        volumes: hours.map(() => (rand() < 0.2 ? 0 : Math.round(rand() * 400) / 10)),
      }));
      const points = hours.map((s, i) =>
        point(
          s,
          parts.reduce((a, p) => a + p.volumes[i], 0),
        ),
      );
      const adjustments: PlatformAdjustment[] = Array.from({ length: 1 + Math.floor(rand() * 5) }, () => {
        const a = Math.floor(rand() * n);
        const b = a + 1 + Math.floor(rand() * (n - a));
        return {
          from: hours[a],
          to: b < n ? hours[b] : '2026-12-07T12:00:00.000Z',
          kind: rand() < 0.5 ? 'scale' : 'set',
          value: Math.round(rand() * 300) / 100,
          platform: rand() < 0.6 ? codes[Math.floor(rand() * codes.length)] : null,
        };
      });
      const out = applyAdjustmentsByPlatform(points, parts, adjustments);
      const total = sums(out.platforms, n);
      out.channel.forEach((c, i) => {
        expect(c.volume, `trial ${trial}, hour ${i}`).to.be.closeTo(total[i], 1e-9);
        expect(c.volume).to.be.at.least(0);
      });
      // Each platform edit, added to the ones before it, moves the channel by exactly that
      // platform's change and leaves every other platform as it was.
      const before = applyAdjustmentsByPlatform(points, parts, adjustments.slice(0, -1));
      const last = adjustments[adjustments.length - 1];
      if (last.platform === null) continue;
      const k = codes.indexOf(last.platform);
      out.channel.forEach((c, i) => {
        const moved = out.platforms[k].volumes[i] - before.platforms[k].volumes[i];
        expect(c.volume - before.channel[i].volume, `trial ${trial}, hour ${i}`).to.be.closeTo(moved, 1e-9);
        for (let j = 0; j < codes.length; j++) if (j !== k) expect(out.platforms[j].volumes[i]).to.equal(before.platforms[j].volumes[i]);
      });
    }
  });
});

/**
 * The pages' risk calibration runs in a worker thread (app/risk-calibration-in-worker.ts): the
 * web process answers other requests while four weeks are replayed, the result is the one
 * calibrationFromHistory gives in this thread, a failing worker gives the defaults (logged), and
 * concurrent views of one week share one computation.
 */
import { expect } from 'chai';
import { DateTime } from 'luxon';
import { startTestApp, seedMinimalTeam, type TestApp } from '../../support/app';
import { ZONE } from '../../support/rota-builders';
import { historyFingerprint, historyRange, insertHistory } from '../../../models/repositories/history';
import { listChannels } from '../../../models/repositories/settings';
import { generateDemoHistory } from '../../../seeds';
import { calibrationFromHistory, learnedBefore, riskCalibrationsForWeek } from '../../../app/risk-calibration-for-week';
import { calibrationInWorker } from '../../../app/risk-calibration-in-worker';
import { DEFAULT_CALIBRATION, type ChannelSettings, type RiskCalibration } from '../../../staffing';

const NOW = new Date();
const MONDAY = DateTime.fromJSDate(NOW, { zone: ZONE }).startOf('week');

describe('risk calibration in a worker thread', function () {
  this.timeout(300_000);
  let app: TestApp;
  let voice: ChannelSettings;
  // Ten weeks of demo voice history up to the Sunday before this week.
  const history = generateDemoHistory({ seed: 42, now: MONDAY, zone: ZONE, years: 1 }).filter(
    (r) => r.channelId === 'voice' && Date.parse(r.start) >= MONDAY.minus({ weeks: 10 }).toMillis(),
  );
  // Each test its own absence rate: its own memo key, so its calibration is computed (cold).
  const query = (absenceRate: number) => ({
    weekStart: MONDAY.toISO()!,
    now: NOW,
    zone: ZONE,
    channels: [voice],
    absenceRate,
    intervalMinutes: 60,
  });
  before(async () => {
    app = await startTestApp({
      now: () => NOW,
      seed: async (ds) => {
        await seedMinimalTeam(ds);
        await insertHistory(ds, history);
      },
    });
    voice = (await listChannels(app.ds)).find((c) => c.id === 'voice')!;
  });
  after(async () => app?.close());

  it('riskCalibrationsForWeek, cold: the app answers requests until the calibration is done, which equals calibrationFromHistory in this thread', async () => {
    const client = app.client();
    const started = performance.now();
    let done = false;
    const calibration = riskCalibrationsForWeek(app.ds, query(0.041)).finally(() => (done = true));
    // One cheap page after another, from this (the web process's) thread, until it is done.
    const answeredAt: number[] = [];
    while (!done) {
      const res = await client.get('/login');
      expect(res.status).to.equal(200);
      if (!done) answeredAt.push(performance.now());
    }
    const result = (await calibration).voice!;
    const finished = performance.now();
    // No clock bound: the answers are compared with the calibration's own duration. In this
    // thread only the few database reads before the replay could be interleaved with pages, so
    // no answer would fall in the second half of the calibration.
    const half = started + (finished - started) / 2;
    expect(answeredAt.filter((t) => t > half).length, `${answeredAt.length} answers in ${(finished - started).toFixed(0)} ms`).to.be.above(
      0,
    );

    // The same inputs as the function gives the worker, computed here.
    const before = learnedBefore(MONDAY.toISO()!, NOW, ZONE);
    const fingerprint = await historyFingerprint(app.ds, { channelId: 'voice', before });
    const points = await historyRange(app.ds, { channelId: 'voice', from: fingerprint.first!, to: before });
    const inThread = calibrationFromHistory(
      points.map((p) => ({ start: p.start, volume: p.volume, ahtSeconds: p.ahtSeconds })),
      { zone: ZONE, channel: voice, absenceRate: 0.041, intervalMinutes: 60 },
    );
    expect(inThread.intervals, 'learned, not the defaults').to.be.above(100);
    expect(result).to.deep.equal(inThread);
  });

  it('calibrationInWorker: a worker that fails (no channel to read) → rejects with its error, and the worker stops', async () => {
    const bad = { zone: ZONE, channel: null as unknown as ChannelSettings, absenceRate: 0.04, intervalMinutes: 60 };
    const err = await calibrationInWorker([], bad).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(err?.message).to.contain('risk calibration worker failed').and.to.contain('targetServiceLevel');
  });

  it('riskCalibrationsForWeek: the calibration fails → the defaults, the failure logged once for two views', async () => {
    const logged: string[] = [];
    const deps = {
      calibrate: () => Promise.reject(new Error('worker died')),
      log: (m: string, e?: unknown) => logged.push(`${m}: ${(e as Error).message}`),
    };
    const first = await riskCalibrationsForWeek(app.ds, query(0.042), deps);
    const second = await riskCalibrationsForWeek(app.ds, query(0.042), deps);
    expect(first.voice).to.deep.equal(DEFAULT_CALIBRATION);
    expect(second.voice).to.deep.equal(DEFAULT_CALIBRATION);
    expect(logged).to.deep.equal(['risk calibration of channel voice failed; the pages use the defaults: worker died']);
  });

  it('riskCalibrationsForWeek: two concurrent views of a cold week → one computation, both get its result', async () => {
    const learned: RiskCalibration = { ...DEFAULT_CALIBRATION, intervals: 123, days: 7 };
    let calls = 0;
    const deps = {
      calibrate: () => {
        calls++;
        return new Promise<RiskCalibration>((resolve) => setTimeout(() => resolve(learned), 50));
      },
    };
    const [a, b] = await Promise.all([
      riskCalibrationsForWeek(app.ds, query(0.043), deps),
      riskCalibrationsForWeek(app.ds, query(0.043), deps),
    ]);
    expect(calls).to.equal(1);
    expect(a.voice).to.deep.equal(learned);
    expect(b.voice).to.deep.equal(learned);
  });
});

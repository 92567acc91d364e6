/**
 * `npm start`: read the configuration, open the database (migrating it), seed the demo team on
 * the first start in demo mode, then listen. Everything else is built by createApp.
 */
import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import { loadConfig, ConfigError } from './config';
import { createApp } from './app';
import { openDatabase, describeDatabase } from '../models';
import { buildServices } from './services';
import { ensureDemoRota } from '../app/rota-demo';
import { warmIntraday } from '../app/intraday-today';
import { startUploadPreviewSweeper } from './upload-previews';
import { startOutboxLoop } from '../app/notification-outbox';
import { smtpSender } from './mailer';
import { createJobQueue } from './job-queue';
import { notificationMailRenderer } from './view-models/notifications';

/** How often the outbox is checked for mail that is due (a new message waits at most this long). */
const OUTBOX_POLL_MS = 5_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const started = Date.now();
  const db = await openDatabase(config);
  const jobs = createJobQueue(db, config);
  await jobs.start();
  const services = buildServices(db, config, { jobs });
  if (config.demoMode) {
    const seeded = await services.ensureDemoData(DateTime.now());
    if (seeded) console.log(`Demo data created in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
  const app = createApp({ config, services, now: () => new Date() });
  const outbox = config.smtp
    ? startOutboxLoop(
        {
          ds: db,
          send: smtpSender(config.smtp),
          render: notificationMailRenderer(config.publicUrl ?? `http://localhost:${config.port}`, services.timeZone),
          now: () => new Date(),
          log: (m, err) => console.error(m, err ?? ''),
        },
        OUTBOX_POLL_MS,
      )
    : null;
  if (config.smtp) console.log(`Mail goes out through ${config.smtp.host}:${config.smtp.port}.`);
  else
    console.log(
      'Mail is off (SMTP_HOST is not set): notifications are in the app only; forgotten passwords are reset by an administrator.',
    );
  const sweeper = startUploadPreviewSweeper({ dir: config.uploadDir, now: () => new Date(), log: (m, err) => console.error(m, err) });
  // Express 5 hands a failed listen (port busy, no permission) to this callback: the start fails.
  const server = app.listen(config.port, config.host, async (err?: Error) => {
    if (err) {
      sweeper.stop();
      console.error(`Rota could not listen on ${config.host}:${config.port}: ${err.message}`);
      await db.destroy().catch(() => undefined);
      process.exit(1);
    }
    const shownHost = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
    // The port bound, not the one asked for: PORT=0 picks a free one (tests start several instances).
    const port = (server.address() as AddressInfo).port;
    console.log(`Rota is running at http://${shownHost}:${port}  (database: ${describeDatabase(config)})`);
    const solvers = jobs.workers ? `${jobs.workers} rota solver worker(s)` : 'no rota solver (web only)';
    console.log(`Jobs: ${config.databaseUrl ? `pg-boss queue in schema ${config.jobs.queueSchema}` : 'in-process queue'}, ${solvers}.`);
    if (config.demoMode) {
      const logins = await services.users.demoLogins();
      console.log(`\nDemo logins (password for all: ${services.demoPassword}):`);
      for (const l of logins) console.log(`  ${l.username.padEnd(22)} ${l.role.padEnd(12)} ${l.name}`);
      console.log('');
      // The current week's rota, solved in the background so the server answers at once.
      ensureDemoRota(db, new Date())
        .then((r) => r && console.log(`Demo rota for the week of ${r.weekStart} published: ${r.shifts} shifts in ${r.seconds} s.`))
        .catch((err) => console.error('Demo rota could not be made:', err))
        .finally(warmToday);
    } else void warmToday();
  });
  // Today's re-forecast computed before the first visit to /intraday (the day's first one takes seconds).
  const warmToday = () => warmIntraday(db, { now: new Date(), zone: services.timeZone() }, (m, e) => console.error(m, e));
  const stop = () => {
    sweeper.stop();
    server.close(
      () =>
        void (outbox?.stop() ?? Promise.resolve())
          .then(() => jobs.stop())
          .then(() => db.destroy())
          .finally(() => process.exit(0)),
    );
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});

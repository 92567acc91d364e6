/**
 * Interval actuals in (issue #12): `POST /api/actuals` for the phone and chat systems (scope
 * actuals:write; JSON rows or CSV), and the import page for a person with a file. Both store a
 * clean batch whole, by upsert (app/record-actuals.ts), or nothing, with every bad row's line
 * and field.
 */
import express, { Router, type Request } from 'express';
import multer from 'multer';
import { z } from 'zod';
import type { RouteDeps } from '../deps';
import { requirePermission, requireScope } from '../middleware/auth';
import { HttpError } from '../http-error';
import { recordActuals, type RecordActualsResult } from '../../app/record-actuals';
import { warmIntraday } from '../../app/intraday-today';
import type { Translator } from '../i18n';

/** A day of a large centre's intervals as CSV is well under this. */
const MAX_BYTES = 2 * 1024 * 1024;
const JsonBody = z.union([z.array(z.unknown()), z.object({ actuals: z.array(z.unknown()) }).transform((b) => b.actuals)]);
const ApiQuery = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
});

/** Errors with their words in the reader's language, for the JSON answer and the page. */
export function actualsErrorsView(result: RecordActualsResult, t: Translator) {
  if (result.kind !== 'invalid') return [];
  return result.errors.map((e) => ({ ...e, message: t(`actuals.err.${e.code}`, { field: e.field, ...e.params }) }));
}

export function actualsRoutes({ services, now, log }: RouteDeps): Router {
  /** The intraday page's re-forecast for the new actuals, computed before anyone asks (app/intraday-today.ts). */
  const warm = () => void warmIntraday(services.db, { now: now(), zone: services.timeZone() }, log);

  const router = Router();
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_BYTES, files: 1 } }).single('file');
  const csvBody = express.text({ type: ['text/csv', 'text/plain'], limit: MAX_BYTES });

  router.post('/api/actuals', requireScope('actuals:write'), csvBody, async (req: Request, res) => {
    const q = ApiQuery.safeParse(req.query);
    if (!q.success) throw new HttpError(400, 'actuals.badQuery');
    let source: { csv?: string; json?: unknown };
    if (req.is('application/json')) {
      const body = JsonBody.safeParse(req.body);
      if (!body.success) throw new HttpError(400, 'actuals.badJson');
      source = { json: body.data };
    } else if (typeof req.body === 'string') source = { csv: req.body };
    else throw new HttpError(415, 'actuals.contentType');
    const serviceTokenId = req.apiToken?.kind === 'service' ? req.apiToken.id : null;
    const result = await recordActuals(services.db, {
      ...source,
      source: 'api',
      userId: req.user?.id ?? null,
      serviceTokenId,
      now: now(),
      dryRun: q.data.dryRun,
    });
    if (result.kind === 'ok') {
      res.json({ ok: true, ...result });
      if (!result.dryRun) warm();
      return;
    }
    res.status(422).json({ ok: false, errors: actualsErrorsView(result, req.t) });
  });

  router.get('/actuals/import', requirePermission('history:import'), (req, res) => {
    res.render('pages/actuals-import', { pageTitle: req.t('actuals.title') });
  });

  router.post('/actuals/import', requirePermission('history:import'), (req, res, next) =>
    upload(req, res, async (err: unknown) => {
      try {
        if (err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE') throw new HttpError(413, 'actuals.tooBig', { maxMb: 2 });
        if (err) throw new HttpError(400, 'error.badRequest');
        if (!req.file)
          return res.status(400).render('pages/actuals-import', { pageTitle: req.t('actuals.title'), errorKey: 'actuals.noFile' });
        const result = await recordActuals(services.db, {
          csv: req.file.buffer.toString('utf8'),
          source: 'page',
          userId: req.user!.id,
          now: now(),
          teamId: req.team?.id,
        });
        res.status(result.kind === 'ok' ? 200 : 422).render('pages/actuals-import', {
          pageTitle: req.t('actuals.title'),
          fileName: req.file.originalname.slice(0, 200),
          summary: result.kind === 'ok' ? result : null,
          errors: actualsErrorsView(result, req.t),
        });
        if (result.kind === 'ok') warm();
      } catch (e) {
        next(e);
      }
    }),
  );

  return router;
}

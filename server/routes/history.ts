/**
 * Contact history: the hourly chart per channel, and the import (upload → preview → commit,
 * all-or-nothing), plus the JSON/CSV endpoint for scripts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { randomBytes } from 'node:crypto';
import { Router, type Request } from 'express';
import multer from 'multer';
import { z } from 'zod';
import type { RouteDeps } from './index';
import { requirePermission, requireScope } from '../middleware/auth';
import { HttpError } from '../http-error';
import { historyWeekViewModel, importResultViewModel } from '../view-models/history';

const UPLOAD_DIR = path.join(os.tmpdir(), 'rota-uploads');
const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

const WeekQuery = z.object({
  week: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
});
const ImportOptions = z.object({ onOverlap: z.enum(['replace', 'refuse']).default('refuse') });
const CommitForm = z.object({ id: z.string().regex(/^[a-f0-9]{24}$/) });
const ApiJsonBody = z.object({
  csv: z.string().min(1),
  onOverlap: z.enum(['replace', 'refuse']).optional(),
  dryRun: z.boolean().optional(),
  fileName: z.string().max(200).optional(),
});
const ApiQuery = z.object({
  onOverlap: z.enum(['replace', 'refuse']).default('refuse'),
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
  fileName: z.string().max(200).default('api.csv'),
});

function fileLines(file: string): AsyncIterable<string> {
  return readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
}

function requestLines(req: Request): AsyncIterable<string> {
  req.setEncoding('utf8');
  return readline.createInterface({ input: req, crlfDelay: Infinity });
}

export function historyRoutes({ services, now }: RouteDeps): Router {
  const router = Router();
  fs.mkdirSync(UPLOAD_DIR, { recursive: true });
  const upload = multer({ dest: UPLOAD_DIR, limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });

  router.get('/history', requirePermission('history:view'), async (req, res, next) => {
    try {
      const { week } = WeekQuery.parse(req.query);
      const data = await services.history.week(week ?? null, now());
      res.render('pages/history', { pageTitle: req.t('history.title'), ...historyWeekViewModel(data, req.t, req.locale) });
    } catch (err) {
      next(err);
    }
  });

  router.get('/history/import', requirePermission('history:import'), (req, res) => {
    res.render('pages/history-import', { pageTitle: req.t('import.title'), onOverlap: 'refuse' });
  });

  router.post('/history/import', requirePermission('history:import'), upload.single('file'), async (req, res, next) => {
    try {
      if (!req.file) {
        return res
          .status(400)
          .render('pages/history-import', { pageTitle: req.t('import.title'), errorKey: 'import.noFile', onOverlap: 'refuse' });
      }
      const { onOverlap } = ImportOptions.parse(req.body);
      const fileName = req.file.originalname.slice(0, 200);
      const result = await services.importHistory({
        lines: fileLines(req.file.path),
        fileName,
        source: 'page',
        userId: req.user!.id,
        onOverlap,
        dryRun: true,
      });
      if (!result.ok) await fs.promises.rm(req.file.path, { force: true });
      else {
        const id = randomBytes(12).toString('hex');
        req.session.pendingImport = { id, path: req.file.path, fileName, onOverlap };
      }
      res.status(result.ok ? 200 : 422).render('pages/history-import', {
        pageTitle: req.t('import.title'),
        onOverlap,
        fileName,
        pendingId: req.session.pendingImport?.id,
        ...importResultViewModel(result, true, req.t),
      });
    } catch (err) {
      next(err);
    }
  });

  router.post('/history/import/commit', requirePermission('history:import'), async (req, res, next) => {
    try {
      const { id } = CommitForm.parse(req.body);
      const pending = req.session.pendingImport;
      if (!pending || pending.id !== id || !fs.existsSync(pending.path)) throw new HttpError(410, 'import.expired');
      const result = await services.importHistory({
        lines: fileLines(pending.path),
        fileName: pending.fileName,
        source: 'page',
        userId: req.user!.id,
        onOverlap: pending.onOverlap,
      });
      delete req.session.pendingImport;
      await fs.promises.rm(pending.path, { force: true });
      if (result.ok) {
        req.session.flash = [{ kind: 'info', key: 'import.done' }];
        return res.redirect('/history');
      }
      res.status(422).render('pages/history-import', {
        pageTitle: req.t('import.title'),
        onOverlap: pending.onOverlap,
        fileName: pending.fileName,
        ...importResultViewModel(result, false, req.t),
      });
    } catch (err) {
      next(err);
    }
  });

  /**
   * For scripts, authenticated by `Authorization: Bearer TOKEN` (scope history:import) or a session: either the CSV
   * itself as the body (Content-Type: text/csv, streamed, options in the query string), or JSON
   * `{ "csv": "...", "onOverlap": "refuse" | "replace", "dryRun": false }` for small files.
   * Answers JSON: the summary, or every bad row by line and field (nothing imported).
   */
  router.post('/api/history/import', requireScope('history:import'), async (req, res, next) => {
    try {
      const opts = ApiQuery.safeParse(req.query);
      if (!opts.success) throw new HttpError(400, 'import.badQuery');
      let input: typeof opts.data & { lines: AsyncIterable<string> | Iterable<string> };
      if (req.is('application/json')) {
        const body = ApiJsonBody.safeParse(req.body);
        if (!body.success) throw new HttpError(400, 'import.badJson');
        input = { ...opts.data, ...body.data, lines: body.data.csv.split(/\r?\n/) };
      } else if (req.is('text/csv') || req.is('text/plain')) {
        input = { ...opts.data, lines: requestLines(req) };
      } else throw new HttpError(415, 'import.contentType');
      const serviceTokenId = req.apiToken?.kind === 'service' ? req.apiToken.id : null;
      const result = await services.importHistory({ ...input, source: 'api', userId: req.user?.id ?? null, serviceTokenId });
      res.status(result.ok ? 200 : 422).json(result);
    } catch (err) {
      next(err);
    }
  });

  return router;
}

/**
 * Contact history: the hourly chart per channel, and the import (upload → preview → commit,
 * all-or-nothing), plus the JSON/CSV endpoint for scripts.
 */
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import { Router, type NextFunction, type Request, type Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import type { RouteDeps } from '../deps';
import { requirePermission, requireScope } from '../middleware/auth';
import { HttpError } from '../http-error';
import { can } from '../permissions';
import { historyWeekViewModel, importResultViewModel } from '../view-models/history';
import { isoDate } from '../view-models/dates';
import { previewExpired } from '../upload-previews';

const WeekQuery = z.object({
  week: isoDate().optional().catch(undefined),
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

/** The file as decoded text chunks: the reader splits the lines and bounds their length. */
function fileChunks(file: string): AsyncIterable<string> {
  return fs.createReadStream(file, { encoding: 'utf8' });
}

const tooBig = (maxBytes: number) => new HttpError(413, 'import.tooBig', { maxMb: Math.floor(maxBytes / (1024 * 1024)) || 1 });

/**
 * The request body as decoded text chunks, refused (413) once past `maxBytes`. The request is
 * not destroyed when the reading stops early, so that the answer can still be sent.
 */
async function* requestChunks(req: Request, maxBytes: number): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  for await (const buf of req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    bytes += buf.length;
    if (bytes > maxBytes) throw tooBig(maxBytes);
    yield decoder.write(buf);
  }
  const tail = decoder.end();
  if (tail) yield tail;
}

/**
 * After an answer given before the body was read to its end (a refusal): the rest is read and
 * dropped, so that the client, still sending, gets the answer instead of a reset; past another
 * `maxBytes` the connection is cut. Nothing read here is kept.
 */
function settleBody(req: Request, maxBytes: number): void {
  if (req.readableEnded || req.destroyed) return;
  let bytes = 0;
  req.on('data', (buf: Buffer) => {
    bytes += buf.length;
    if (bytes > maxBytes) req.destroy();
  });
  req.resume();
}

/** The status of a refused import: 400 for a line past the limit, 422 for bad rows or an overlap. */
function refusalStatus(result: { stoppedAt?: { code: string } | null }): number {
  const code = result.stoppedAt?.code;
  return code === 'lineTooLong' || code === 'quotedFieldTooLong' ? 400 : 422;
}

export function historyRoutes({ services, now, config }: RouteDeps): Router {
  const router = Router();
  fs.mkdirSync(config.uploadDir, { recursive: true });
  const maxBytes = config.importMaxBytes;
  const maxLineLength = config.importMaxLineLength;
  const multerUpload = multer({ dest: config.uploadDir, limits: { fileSize: maxBytes, files: 1 } }).single('file');
  // multer's own size refusal would be a 500: it becomes the page with a 413 and the limit.
  const upload = (req: Request, res: Response, next: NextFunction) =>
    multerUpload(req, res, (err: unknown) => {
      if (err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE') {
        res.setHeader('Connection', 'close');
        return res.status(413).render('pages/history-import', {
          pageTitle: req.t('import.title'),
          errorKey: 'import.tooBig',
          errorMaxMb: Math.floor(maxBytes / (1024 * 1024)) || 1,
          onOverlap: 'refuse',
        });
      }
      if (err instanceof multer.MulterError) return next(new HttpError(400, 'error.badRequest'));
      next(err);
    });

  router.get('/history', requirePermission('history:view'), async (req, res) => {
    const { week } = WeekQuery.parse(req.query);
    const data = await services.history.week(week ?? null, now(), req.team?.id);
    res.render('pages/history', {
      pageTitle: req.t('history.title'),
      canImport: can(req.user!.role, 'history:import'),
      ...historyWeekViewModel(data, req.t, req.locale),
    });
  });

  router.get('/history/import', requirePermission('history:import'), (req, res) => {
    res.render('pages/history-import', { pageTitle: req.t('import.title'), onOverlap: 'refuse' });
  });

  router.post('/history/import', requirePermission('history:import'), upload, async (req, res) => {
    if (!req.file) {
      return res
        .status(400)
        .render('pages/history-import', { pageTitle: req.t('import.title'), errorKey: 'import.noFile', onOverlap: 'refuse' });
    }
    const { onOverlap } = ImportOptions.parse(req.body);
    const fileName = req.file.originalname.slice(0, 200);
    const result = await services.importHistory({
      chunks: fileChunks(req.file.path),
      fileName,
      source: 'page',
      userId: req.user!.id,
      onOverlap,
      dryRun: true,
      maxLineLength,
      now: now(),
      teamId: req.team?.id,
    });
    if (!result.ok) await fs.promises.rm(req.file.path, { force: true });
    else {
      const id = randomBytes(12).toString('hex');
      req.session.pendingImport = { id, path: req.file.path, fileName, onOverlap };
    }
    res.status(result.ok ? 200 : refusalStatus(result)).render('pages/history-import', {
      pageTitle: req.t('import.title'),
      onOverlap,
      fileName,
      pendingId: req.session.pendingImport?.id,
      ...importResultViewModel(result, true, req.t),
    });
  });

  router.post('/history/import/commit', requirePermission('history:import'), async (req, res) => {
    const { id } = CommitForm.parse(req.body);
    const pending = req.session.pendingImport;
    if (!pending || pending.id !== id || (await previewExpired(pending.path, now()))) {
      if (pending) await fs.promises.rm(pending.path, { force: true });
      delete req.session.pendingImport;
      throw new HttpError(410, 'import.expired');
    }
    const result = await services.importHistory({
      chunks: fileChunks(pending.path),
      fileName: pending.fileName,
      source: 'page',
      userId: req.user!.id,
      onOverlap: pending.onOverlap,
      maxLineLength,
      now: now(),
      teamId: req.team?.id,
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
      let input: typeof opts.data & { lines?: Iterable<string>; chunks?: AsyncIterable<string> };
      if (req.is('application/json')) {
        const body = ApiJsonBody.safeParse(req.body);
        if (!body.success) throw new HttpError(400, 'import.badJson');
        input = { ...opts.data, ...body.data, lines: body.data.csv.split(/\r?\n/) };
      } else if (req.is('text/csv') || req.is('text/plain')) {
        input = { ...opts.data, chunks: requestChunks(req, maxBytes) };
      } else throw new HttpError(415, 'import.contentType');
      const serviceTokenId = req.apiToken?.kind === 'service' ? req.apiToken.id : null;
      const result = await services.importHistory({
        ...input,
        source: 'api',
        userId: req.user?.id ?? null,
        serviceTokenId,
        maxLineLength,
        now: now(),
        // A person's token imports for their team; a service token for the default team.
        teamId: req.team?.id,
      });
      res.status(result.ok ? 200 : refusalStatus(result)).json(result);
      settleBody(req, maxBytes);
    } catch (err) {
      next(err);
      settleBody(req, maxBytes);
    }
  });

  return router;
}

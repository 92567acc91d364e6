/** Renders errors: a page for browsers, JSON for the API, never a stack trace to the user. */
import type { NextFunction, Request, Response } from 'express';
import { ZodError } from 'zod';
import { HttpError } from '../http-error';
import { translate, DEFAULT_LOCALE } from '../i18n';

const TITLES: Record<number, string> = { 403: 'error.403.title', 404: 'error.404.title' };

export function notFound(_req: Request, _res: Response, next: NextFunction): void {
  next(new HttpError(404, 'error.404.body'));
}

export function errorHandler(log: (msg: string, err: unknown) => void) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    // A route that parses its input with zod.parse() throws on bad input: that is the
    // caller's mistake (400), not the server's.
    const http = err instanceof HttpError ? err : err instanceof ZodError ? new HttpError(400, 'error.badRequest') : null;
    const bodyTooLarge = (err as { type?: string })?.type === 'entity.too.large';
    // Express and its parsers mark the client's faults (a malformed %-escape in the path, a JSON
    // body that does not parse) with a 4xx status: answer it, do not log a server error.
    const marked = (err as { status?: unknown })?.status;
    const clientFault =
      !bodyTooLarge && typeof marked === 'number' && marked >= 400 && marked < 500 ? new HttpError(400, 'error.badRequest') : null;
    const status = http?.status ?? clientFault?.status ?? (bodyTooLarge ? 413 : 500);
    if (status >= 500) log(`${req.method} ${req.originalUrl} failed`, err);
    const locale = req.locale ?? DEFAULT_LOCALE;
    const messageKey = http?.messageKey ?? clientFault?.messageKey ?? (status === 413 ? 'error.tooLarge' : 'error.500.body');
    const message = translate(locale, messageKey, http?.params);
    if (res.headersSent) return;
    res.status(status);
    if (req.path.startsWith('/api/') || req.accepts(['html', 'json']) === 'json') {
      res.json({ ok: false, error: message });
      return;
    }
    res.render('pages/error', {
      pageTitle: translate(locale, TITLES[status] ?? 'error.title'),
      titleKey: TITLES[status] ?? 'error.title',
      message,
    });
  };
}

/**
 * CSRF protection for every state-changing request (synchronizer token pattern):
 * the session holds a random token; forms send it as `_csrf` (or, for multipart uploads,
 * in the action URL's query), htmx sends it in the `X-CSRF-Token` header.
 * Requests authenticated by an API bearer token carry no cookie and need no CSRF token.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { HttpError } from '../http-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfToken(req: Request): string {
  if (!req.session.csrfToken) req.session.csrfToken = randomBytes(24).toString('base64url');
  return req.session.csrfToken;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function csrfProtection(req: Request, res: Response, next: NextFunction): void {
  // Made on first use (a page with a form), so feeds, JSON and files create no session.
  Object.defineProperty(res.locals, 'csrfToken', { get: () => csrfToken(req), enumerable: true, configurable: true });
  if (SAFE_METHODS.has(req.method) || req.apiToken) return next();
  // An anonymous API call has nothing a forged request could use: let it reach the route's
  // permission check and get its 401.
  if (!req.user && req.path.startsWith('/api/')) return next();
  const sent =
    req.get('x-csrf-token') ??
    (typeof req.body?._csrf === 'string' ? req.body._csrf : undefined) ??
    (req.is('multipart/form-data') && typeof req.query._csrf === 'string' ? req.query._csrf : undefined);
  if (typeof sent !== 'string' || !req.session.csrfToken || !sameToken(sent, req.session.csrfToken)) {
    return next(new HttpError(403, 'error.csrf'));
  }
  next();
}

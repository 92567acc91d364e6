/**
 * Who is asking, and may they? `loadUser` reads the session, or an API bearer token on an
 * /api/ route (a token never opens a page and is never a session: a bearer token elsewhere
 * answers 401). The guards below are the only way a route says who may use it; each carries
 * its `Access` declaration (server/permissions.ts) so that tests can read it off the router.
 *
 * - publicRoute: anyone (login page, calendar feed by secret URL).
 * - requireLogin: any logged-in person; anonymous visitors go to the login page.
 * - requirePermission / requireAnyPermission: 403 to a logged-in user whose role lacks it.
 * - requireScope: an API route; a token needs the scope (and, for a person's token, the
 *   owner's role the scope's permission); a session needs the scope's permission.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ApiClient, CurrentUser } from '../express-augment';
import { HttpError } from '../http-error';
import { ACCESS, SCOPE_PERMISSION, can, type Access, type Permission } from '../permissions';
import type { TokenScope } from '../../app/api-tokens';

export interface UserLookup {
  byId(id: number): Promise<CurrentUser | null>;
  byApiToken(token: string, now: Date): Promise<ApiClient | null>;
}

export type Guard = RequestHandler & { [ACCESS]: Access };

function declare(access: Access, handler: RequestHandler): Guard {
  return Object.assign(handler, { [ACCESS]: access });
}

/** The access a route's handler declares, if it is a guard. */
export function accessOf(handler: unknown): Access | null {
  return typeof handler === 'function' && ACCESS in handler ? (handler as Guard)[ACCESS] : null;
}

export function loadUser(users: UserLookup, now: () => Date = () => new Date()): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    try {
      const bearer = req.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
      if (bearer) {
        if (!req.path.startsWith('/api/')) return next(new HttpError(401, 'api.pagesNeedLogin'));
        const client = await users.byApiToken(bearer, now());
        if (!client) return next(new HttpError(401, 'api.badToken'));
        req.apiToken = client;
        return next();
      }
      if (req.session?.userId !== undefined) {
        const user = await users.byId(req.session.userId);
        // Account removed or disabled, or its password or role changed since this session logged in.
        if (user && user.passwordStamp === req.session.passwordStamp) req.user = user;
        else delete req.session.userId;
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}

function loginOr401(req: Request, res: Response, next: NextFunction): void {
  // An API route that no scope opens: a token may not use it.
  if (req.apiToken) return next(new HttpError(403, 'api.scope'));
  if (req.user) return next();
  if (req.path.startsWith('/api/') || req.get('hx-request')) return next(new HttpError(401, 'login.required'));
  res.redirect(`/login?next=${encodeURIComponent(req.originalUrl)}`);
}

export const requireLogin: Guard = declare({ kind: 'login' }, loginOr401);

/** A route anyone may use, logged in or not (`why` is for the reader of the route). */
export function publicRoute(why: string): Guard {
  void why;
  return declare({ kind: 'public' }, (_req, _res, next) => next());
}

export function requireAnyPermission(...permissions: Permission[]): Guard {
  return declare({ kind: 'permission', permissions }, (req, res, next) => {
    if (!req.user || req.apiToken) return loginOr401(req, res, next);
    if (!permissions.some((p) => can(req.user!.role, p))) return next(new HttpError(403, 'error.403.body'));
    next();
  });
}

export function requirePermission(permission: Permission): Guard {
  return requireAnyPermission(permission);
}

export function requireScope(scope: TokenScope): Guard {
  const permission = SCOPE_PERMISSION[scope];
  return declare({ kind: 'scope', scope, permission }, (req, res, next) => {
    const client = req.apiToken;
    if (!client) {
      if (!req.user) return loginOr401(req, res, next);
      if (!can(req.user.role, permission)) return next(new HttpError(403, 'error.403.body'));
      return next();
    }
    if (!client.scopes.includes(scope)) return next(new HttpError(403, 'api.scope'));
    if (client.user) {
      if (!can(client.user.role, permission)) return next(new HttpError(403, 'api.scope'));
      // The owner acts, for this route only: the request has no session.
      req.user = client.user;
    }
    next();
  });
}

/**
 * Who is asking, and may they? `loadUser` reads the session (or an API bearer token),
 * `requireLogin` sends anonymous visitors to the login page, `requirePermission` answers
 * 403 to a logged-in user whose role lacks the permission (never the page itself).
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { CurrentUser } from '../express-augment';
import { HttpError } from '../http-error';
import { can, type Permission } from '../permissions';

export interface UserLookup {
  byId(id: number): Promise<CurrentUser | null>;
  byApiToken(token: string): Promise<CurrentUser | null>;
}

export function loadUser(users: UserLookup): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    try {
      const bearer = req.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
      if (bearer) {
        const user = await users.byApiToken(bearer);
        if (!user) return next(new HttpError(401, 'api.badToken'));
        req.user = user;
        req.apiTokenUser = true;
        return next();
      }
      if (req.session?.userId !== undefined) {
        const user = await users.byId(req.session.userId);
        // Account removed or disabled, or its password changed since this session logged in.
        if (user && user.passwordStamp === req.session.passwordStamp) req.user = user;
        else delete req.session.userId;
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}

export function requireLogin(req: Request, res: Response, next: NextFunction): void {
  if (req.user) return next();
  if (req.path.startsWith('/api/') || req.get('hx-request')) return next(new HttpError(401, 'login.required'));
  res.redirect(`/login?next=${encodeURIComponent(req.originalUrl)}`);
}

export function requirePermission(permission: Permission): RequestHandler {
  return (req, res, next) => {
    if (!req.user) return requireLogin(req, res, next);
    if (!can(req.user.role, permission)) return next(new HttpError(403, 'error.403.body'));
    next();
  };
}

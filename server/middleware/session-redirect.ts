/**
 * express-session writes a changed session while the response is ending, after the status
 * line and headers have gone out. A browser that follows a redirect at once can then ask for
 * the next page before the session (a fresh login, a flash message) is stored: on SQLite the
 * write wins the race, on PostgreSQL it often loses. So every redirect waits for the save.
 */
import type { NextFunction, Request, Response } from 'express';

export function saveSessionBeforeRedirect(req: Request, res: Response, next: NextFunction): void {
  const redirect = res.redirect.bind(res) as (...args: unknown[]) => void;
  res.redirect = ((...args: unknown[]) => {
    if (!req.session) return redirect(...args);
    req.session.save((err) => (err ? next(err) : redirect(...args)));
  }) as Response['redirect'];
  next();
}

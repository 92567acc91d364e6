/**
 * Picks the language of the response: the one chosen with the switch (kept in the session),
 * else the account's own, else the browser's preference (Georgian if it asks for it), else English.
 */
import type { NextFunction, Request, Response } from 'express';
import { DEFAULT_LOCALE, isLocale, translator, type Locale } from '../i18n';

export function pickLocale(req: Request): Locale {
  if (isLocale(req.session?.locale)) return req.session.locale;
  if (isLocale(req.user?.locale)) return req.user.locale;
  const accepted = req.acceptsLanguages('en', 'ka');
  return isLocale(accepted) ? accepted : DEFAULT_LOCALE;
}

export function localeMiddleware(req: Request, res: Response, next: NextFunction): void {
  const locale = pickLocale(req);
  req.locale = locale;
  req.t = translator(locale);
  res.locals.locale = locale;
  res.locals.htmlLang = locale;
  next();
}

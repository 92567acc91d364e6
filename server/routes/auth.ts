/** Log in, log out, and the language switch. */
import { Router } from 'express';
import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
import { z } from 'zod';
import type { RouteDeps } from '../deps';
import { isLocale } from '../i18n';

const LoginForm = z.object({
  username: z.string().trim().min(1).max(80),
  password: z.string().min(1).max(200),
  next: z.string().optional(),
});

const LocaleForm = z.object({ locale: z.enum(['en', 'ka']), returnTo: z.string().optional() });

/** Only same-site paths: `next=https://evil.example` must not become an open redirect. */
export function safeReturnPath(value: string | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}

export function authRoutes({ config, services }: RouteDeps): Router {
  const router = Router();

  const loginLimiter = rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: config.loginAttemptsPer15Min,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? '')}|${String(req.body?.username ?? '').toLowerCase()}`,
    handler: (req, res, next) => {
      loginView(req.t('login.title'), { errorKey: 'error.rateLimited' })
        .then((view) => res.status(429).render('pages/login', view))
        .catch(next);
    },
  });

  // A second, wider limit per address alone: one address must not try a password against
  // every username in turn.
  const addressLimiter = rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: config.loginAttemptsPer15Min * 5,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''),
    handler: (req, res, next) => {
      loginView(req.t('login.title'), { errorKey: 'error.rateLimited' })
        .then((view) => res.status(429).render('pages/login', view))
        .catch(next);
    },
  });

  async function loginView(pageTitle: string, extra: Record<string, unknown>) {
    const demoLogins = config.demoMode ? await services.users.demoLogins() : [];
    return { pageTitle, demoLogins, demoPassword: services.demoPassword, ...extra };
  }

  router.get('/login', async (req, res) => {
    if (req.user) return res.redirect('/');
    res.render('pages/login', await loginView(req.t('login.title'), { next: safeReturnPath(String(req.query.next ?? '')) }));
  });

  router.post('/login', addressLimiter, loginLimiter, async (req, res, next) => {
    const form = LoginForm.safeParse(req.body);
    const user = form.success ? await services.users.verifyLogin(form.data.username, form.data.password) : null;
    if (!user) {
      return res
        .status(401)
        .render('pages/login', await loginView(req.t('login.title'), { errorKey: 'login.failed', username: form.data?.username ?? '' }));
    }
    const locale = req.session.locale;
    // A new session id at login defeats session fixation.
    req.session.regenerate((err) => {
      if (err) return next(err);
      req.session.userId = user.id;
      req.session.passwordStamp = user.passwordStamp;
      if (locale) req.session.locale = locale;
      res.redirect(safeReturnPath(form.data?.next));
    });
  });

  router.post('/logout', (req, res, next) => {
    req.session.destroy((err) => {
      if (err) return next(err);
      res.clearCookie('rota.sid');
      res.redirect('/login');
    });
  });

  router.post('/locale', (req, res) => {
    const form = LocaleForm.safeParse(req.body);
    if (form.success && isLocale(form.data.locale)) req.session.locale = form.data.locale;
    res.redirect(safeReturnPath(form.data?.returnTo));
  });

  return router;
}

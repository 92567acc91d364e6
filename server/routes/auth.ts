/** Log in, log out, and the language switch. */
import { Router } from 'express';
import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
import { z } from 'zod';
import type { RouteDeps } from './index';
import { isLocale } from '../i18n';
import { publicRoute } from '../middleware/auth';

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
    handler: async (req, res) => {
      res.status(429).render('pages/login', await loginView(req.t('login.title'), { errorKey: 'error.rateLimited' }));
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
    handler: async (req, res) => {
      res.status(429).render('pages/login', await loginView(req.t('login.title'), { errorKey: 'error.rateLimited' }));
    },
  });

  async function loginView(pageTitle: string, extra: Record<string, unknown>) {
    const demoLogins = config.demoMode ? await services.users.demoLogins() : [];
    return { pageTitle, demoLogins, demoPassword: services.demoPassword, ...extra };
  }

  router.get('/login', publicRoute('the login form'), async (req, res, next) => {
    try {
      if (req.user) return res.redirect('/');
      res.render('pages/login', await loginView(req.t('login.title'), { next: safeReturnPath(String(req.query.next ?? '')) }));
    } catch (err) {
      next(err);
    }
  });

  router.post('/login', publicRoute('logging in'), addressLimiter, loginLimiter, async (req, res, next) => {
    try {
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
    } catch (err) {
      next(err);
    }
  });

  router.post('/logout', publicRoute('ends whatever session there is'), (req, res, next) => {
    req.session.destroy((err) => {
      if (err) return next(err);
      res.clearCookie('rota.sid');
      res.redirect('/login');
    });
  });

  router.post('/locale', publicRoute('the language switch, also on the login page'), (req, res) => {
    const form = LocaleForm.safeParse(req.body);
    if (form.success && isLocale(form.data.locale)) req.session.locale = form.data.locale;
    res.redirect(safeReturnPath(form.data?.returnTo));
  });

  return router;
}

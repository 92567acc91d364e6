/** Log in, log out, and the language switch. */
import { Router } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import { z } from 'zod';
import type { RouteDeps } from '../deps';
import { isLocale } from '../i18n';
import { saveOwnLocale } from '../../app/account-settings';
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

export function authRoutes({ config, services, now, log }: RouteDeps): Router {
  const router = Router();
  let proxyWarned = false;
  /** Behind an untrusted proxy every user has the proxy's address: the per-address limit would lock everybody out. */
  const warnUntrustedProxy = (forwardedFor: string | undefined) => {
    if (proxyWarned || config.trustProxy || !forwardedFor) return;
    proxyWarned = true;
    log(
      'Logins arrive through a proxy (X-Forwarded-For) but TRUST_PROXY is off: every user shares the proxy address for the per-address login limit. Set TRUST_PROXY=true.',
    );
  };

  async function loginView(pageTitle: string, extra: Record<string, unknown>) {
    const demoLogins = config.demoMode ? await services.users.demoLogins() : [];
    return { pageTitle, demoLogins, demoPassword: services.demoPassword, ...extra };
  }

  router.get('/login', publicRoute('the login form'), async (req, res) => {
    if (req.user) return res.redirect('/');
    res.render('pages/login', await loginView(req.t('login.title'), { next: safeReturnPath(String(req.query.next ?? '')) }));
  });

  router.post('/login', publicRoute('logging in'), async (req, res, next) => {
    warnUntrustedProxy(req.get('x-forwarded-for'));
    const form = LoginForm.safeParse(req.body);
    const username = form.data?.username ?? '';
    // A malformed form still counts against its address (and its username, when there is one).
    const outcome = await services.users.logIn({
      username: typeof req.body?.username === 'string' ? req.body.username.slice(0, 200) : '',
      password: form.success ? form.data.password : null,
      // IPv6 addresses by their /56 network: one host has many.
      address: ipKeyGenerator(req.ip ?? ''),
      now: now(),
    });
    if (outcome.kind === 'locked') {
      const minutes = Math.ceil(outcome.retryAfterSeconds / 60);
      res.set('Retry-After', String(outcome.retryAfterSeconds));
      return res.status(429).render(
        'pages/login',
        await loginView(req.t('login.title'), {
          errorKey: outcome.scope === 'account' ? 'login.locked' : 'login.addressLocked',
          errorMinutes: minutes,
          username,
        }),
      );
    }
    if (outcome.kind === 'failed') {
      return res.status(401).render('pages/login', await loginView(req.t('login.title'), { errorKey: 'login.failed', username }));
    }
    const user = outcome.user;
    // The language saved on the account wins over the one chosen on the login page.
    const locale = user.locale ?? req.session.locale;
    // A new session id at login defeats session fixation.
    req.session.regenerate((err) => {
      if (err) return next(err);
      req.session.userId = user.id;
      req.session.passwordStamp = user.passwordStamp;
      if (locale) req.session.locale = locale;
      res.redirect(safeReturnPath(form.data?.next));
    });
  });

  router.post('/logout', publicRoute('ends whatever session there is'), (req, res, next) => {
    req.session.destroy((err) => {
      if (err) return next(err);
      res.clearCookie('rota.sid');
      res.redirect('/login');
    });
  });

  router.post('/locale', publicRoute('the language switch, also on the login page'), async (req, res) => {
    const form = LocaleForm.safeParse(req.body);
    if (form.success && isLocale(form.data.locale)) {
      req.session.locale = form.data.locale;
      // Remembered on the account too: the next login, mail and the calendar feed follow it.
      if (req.user) await saveOwnLocale(services.db, req.user.id, form.data.locale);
    }
    res.redirect(safeReturnPath(form.data?.returnTo));
  });

  return router;
}

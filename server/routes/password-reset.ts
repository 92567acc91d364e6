/**
 * Forgotten passwords, without logging in: /password/forgot asks for a username or an e-mail
 * address and always answers the same; /password/reset/:token is the link from the mail.
 * When no mail server is configured the first page says to ask an administrator instead.
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../deps';
import { publicRoute } from '../middleware/auth';
import { translate, isLocale, DEFAULT_LOCALE } from '../i18n';
import { checkResetLink, requestPasswordReset, resetPasswordWithLink, RESET_LINK_MINUTES } from '../../app/password-reset';
import { MIN_PASSWORD_LENGTH } from '../../app/password-policy';
import { fieldErrors, NewPasswordFields } from './account';

const ForgotForm = z.object({ identifier: z.string().trim().min(1, 'password.forgot.required').max(200, 'password.forgot.required') });
const TokenParam = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
const ResetForm = z
  .object(NewPasswordFields)
  .refine((f) => f.password === f.confirm, { path: ['confirm'], message: 'account.error.confirm' });

export function passwordResetRoutes({ config, services, now }: RouteDeps): Router {
  const router = Router();
  const mailEnabled = config.smtp !== null;

  // A reset page's address holds the secret: it must not be cached or sent on as a referrer.
  const privatePage = (res: Response) => res.set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });

  function renderForgot(req: Request, res: Response, status: number, extra: Record<string, unknown> = {}) {
    res.status(status).render('pages/password-forgot', { pageTitle: req.t('password.forgot.title'), mailEnabled, ...extra });
  }

  router.get('/password/forgot', publicRoute('asking for a reset link'), (req, res) => renderForgot(req, res, 200));

  router.post('/password/forgot', publicRoute('asking for a reset link'), async (req, res) => {
    if (!mailEnabled) return renderForgot(req, res, 200);
    const form = ForgotForm.safeParse(req.body);
    if (!form.success) return renderForgot(req, res, 422, { errors: fieldErrors(form.error) });
    await requestPasswordReset(
      {
        ds: services.db,
        now: now(),
        mailEnabled,
        publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
        translate: (locale, key, params) => translate(isLocale(locale) ? locale : DEFAULT_LOCALE, key, params),
      },
      form.data.identifier,
      req.locale,
    );
    renderForgot(req, res, 200, { sent: true, minutes: RESET_LINK_MINUTES });
  });

  async function renderReset(req: Request, res: Response, token: string, status: number, errors: Record<string, string> = {}) {
    privatePage(res);
    const link = await checkResetLink(services.db, token, now());
    if (link.kind === 'invalid')
      return res.status(410).render('pages/password-reset', { pageTitle: req.t('password.reset.title'), invalid: true });
    res.status(status).render('pages/password-reset', {
      pageTitle: req.t('password.reset.title'),
      token,
      username: link.username,
      minLength: MIN_PASSWORD_LENGTH,
      errors,
      errorKey: Object.keys(errors).length ? 'error.validation' : undefined,
    });
  }

  router.get('/password/reset/:token', publicRoute('the secret link is the credential'), async (req, res) => {
    const param = TokenParam.safeParse(req.params);
    if (!param.success) {
      privatePage(res);
      return res.status(410).render('pages/password-reset', { pageTitle: req.t('password.reset.title'), invalid: true });
    }
    await renderReset(req, res, param.data.token, 200);
  });

  router.post('/password/reset/:token', publicRoute('the secret link is the credential'), async (req, res) => {
    const param = TokenParam.safeParse(req.params);
    const token = param.success ? param.data.token : '';
    const form = ResetForm.safeParse(req.body);
    if (!form.success) return renderReset(req, res, token, 422, fieldErrors(form.error));
    const outcome = await resetPasswordWithLink(services.db, token, form.data.password, now());
    if (outcome.kind === 'refused' && outcome.field) return renderReset(req, res, token, 422, { [outcome.field]: outcome.key });
    if (outcome.kind !== 'ok') return renderReset(req, res, token, 410);
    // Whoever was logged in on this browser is logged out: the page proves only the mailbox.
    delete req.session.userId;
    delete req.session.passwordStamp;
    req.session.flash = [{ kind: 'info', key: 'password.reset.done' }];
    res.redirect('/login');
  });

  return router;
}

/**
 * A person's own account (/account): change the password (the old one required; the session
 * making the change is kept under a new id, every other one ends), and the e-mail address a
 * forgotten-password link goes to. Every logged-in role has it.
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../deps';
import { requireLogin } from '../middleware/auth';
import { HttpError } from '../http-error';
import { changeOwnEmail, changeOwnPassword, EmailSchema, ownAccount } from '../../app/account-settings';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../app/password-policy';
import { NOTIFICATION_TOPICS, notificationSettings, saveNotificationSettings, type NotificationSettings } from '../../app/notify';

/** One checkbox per topic and channel (`rota.app`, `rota.email`, …): a box left unticked is absent. */
const NotificationForm = z
  .object(Object.fromEntries(NOTIFICATION_TOPICS.flatMap((t) => [`${t}.app`, `${t}.email`]).map((k) => [k, z.literal('on').optional()])))
  .strict();

function settingsFromForm(form: Record<string, string | undefined>): NotificationSettings {
  return Object.fromEntries(
    NOTIFICATION_TOPICS.map((t) => [t, { app: form[`${t}.app`] === 'on', email: form[`${t}.email`] === 'on' }]),
  ) as NotificationSettings;
}

export const NewPasswordFields = {
  password: z.string().min(MIN_PASSWORD_LENGTH, 'password.error.short').max(MAX_PASSWORD_LENGTH, 'password.error.long'),
  confirm: z.string().max(MAX_PASSWORD_LENGTH),
};

const PasswordChangeForm = z
  .object({ currentPassword: z.string().min(1, 'account.error.currentPassword').max(MAX_PASSWORD_LENGTH), ...NewPasswordFields })
  .refine((f) => f.password === f.confirm, { path: ['confirm'], message: 'account.error.confirm' });

const EmailForm = z.object({ email: EmailSchema });

/** One catalogue key per field, from zod issues whose messages are keys. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    out[field] ??= /^(account|password)\./.test(issue.message) ? issue.message : 'account.error.invalid';
  }
  return out;
}

/**
 * Logs the session in again under a new id with the account's current password stamp: the
 * person who changed their password stays in, a stolen copy of the old cookie does not.
 */
export function renewSession(req: Request, user: { id: number; passwordStamp: string }): Promise<void> {
  const locale = req.session.locale;
  return new Promise((resolve, reject) =>
    req.session.regenerate((err) => {
      if (err) return reject(err);
      req.session.userId = user.id;
      req.session.passwordStamp = user.passwordStamp;
      if (locale) req.session.locale = locale;
      resolve();
    }),
  );
}

export function accountRoutes({ services, now, config }: RouteDeps): Router {
  const router = Router();
  // A person in a browser: a bearer token never reaches a page route (middleware/auth.ts answers 401).
  const inPerson = requireLogin;

  async function render(
    req: Request,
    res: Response,
    status = 200,
    state: { form?: string; errors?: Record<string, string>; email?: string; errorKey?: string } = {},
  ) {
    const account = await ownAccount(services.db, req.user!.id);
    if (!account) throw new HttpError(404, 'error.404.body');
    const chosen = await notificationSettings(services.db, req.user!.id);
    res.status(status).render('pages/account', {
      pageTitle: req.t('account.title'),
      account,
      email: state.email ?? account.email ?? '',
      form: state.form,
      errors: state.errors ?? {},
      errorKey: state.errorKey ?? (Object.keys(state.errors ?? {}).length ? 'error.validation' : undefined),
      minLength: MIN_PASSWORD_LENGTH,
      notificationTopics: NOTIFICATION_TOPICS.map((topic) => ({ topic, ...chosen[topic] })),
      mailOff: config.smtp === null,
    });
  }

  router.get('/account', inPerson, async (req, res) => render(req, res));

  router.post('/account/password', inPerson, async (req, res) => {
    const form = PasswordChangeForm.safeParse(req.body);
    if (!form.success) return render(req, res, 422, { form: 'password', errors: fieldErrors(form.error) });
    const outcome = await changeOwnPassword(services.db, req.user!.id, form.data, now());
    if (outcome.kind === 'notFound') throw new HttpError(404, 'error.404.body');
    if (outcome.kind === 'refused') {
      if (!outcome.field) return render(req, res, 409, { form: 'password', errorKey: outcome.key });
      return render(req, res, 422, { form: 'password', errors: { [outcome.field]: outcome.key } });
    }
    const fresh = await services.users.byId(req.user!.id);
    if (!fresh) throw new HttpError(404, 'error.404.body');
    await renewSession(req, fresh);
    req.session.flash = [{ kind: 'info', key: 'account.saved.password' }];
    res.redirect('/account');
  });

  router.post('/account/email', inPerson, async (req, res) => {
    const form = EmailForm.safeParse(req.body);
    const email = typeof req.body?.email === 'string' ? req.body.email : '';
    if (!form.success) return render(req, res, 422, { form: 'email', email, errors: { email: 'account.error.email' } });
    const outcome = await changeOwnEmail(services.db, req.user!.id, form.data.email, now());
    if (outcome.kind === 'notFound') throw new HttpError(404, 'error.404.body');
    if (outcome.kind === 'refused') return render(req, res, 409, { form: 'email', email, errorKey: outcome.key });
    req.session.flash = [{ kind: 'info', key: 'account.saved.email' }];
    res.redirect('/account');
  });

  router.post('/account/notifications', inPerson, async (req, res) => {
    const { _csrf: _token, ...fields } = (req.body ?? {}) as Record<string, unknown>;
    const form = NotificationForm.safeParse(fields);
    if (!form.success) return render(req, res, 422, { form: 'notifications', errorKey: 'error.validation' });
    await saveNotificationSettings(services.db, req.user!.id, settingsFromForm(form.data));
    req.session.flash = [{ kind: 'info', key: 'notifications.settings.saved' }];
    res.redirect('/account');
  });

  return router;
}

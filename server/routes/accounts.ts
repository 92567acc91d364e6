/**
 * The administrator's accounts pages (/accounts, /accounts/:id): logins, roles, passwords, and
 * the person's API tokens to see and revoke (a person makes their own; service tokens are on
 * /accounts/service-tokens, routes/tokens.ts).
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../deps';
import { requirePermission } from '../middleware/auth';
import { HttpError } from '../http-error';
import {
  accountDetail,
  changeRole,
  createAccount,
  listAccounts,
  resetPassword,
  revokeToken,
  setAccountDisabled,
  type AccountOutcome,
  type AccountsContext,
} from '../../app/accounts';
import {
  NewAccountSchema,
  PasswordFormSchema,
  RoleFormSchema,
  StatusFormSchema,
  accountEditViewModel,
  accountFormErrors,
  accountsListViewModel,
} from '../view-models/accounts';

const IdParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const TokenParam = z.object({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  tokenId: z.coerce.number().int().positive().max(2_147_483_647),
});

type FormState = {
  form?: string;
  values?: Record<string, unknown>;
  errors?: Record<string, string>;
  errorKey?: string;
};

function parseOr404<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpError(404, 'error.404.body');
  return parsed.data;
}

export function accountsRoutes({ services, now }: RouteDeps): Router {
  const router = Router();
  const guard = requirePermission('accounts:manage');
  const ctx = (req: Request): AccountsContext => ({
    db: services.db,
    now: now(),
    actor: { userId: req.user!.id, username: req.user!.username },
  });

  async function renderList(req: Request, res: Response, status = 200, state: FormState = {}) {
    const data = accountsListViewModel(await listAccounts(services.db));
    res.status(status).render('pages/accounts', {
      pageTitle: req.t('accounts.title'),
      ...data,
      values: state.values ?? { role: 'agent' },
      errors: state.errors ?? {},
      errorKey: state.errorKey,
    });
  }

  async function renderEdit(req: Request, res: Response, id: number, status = 200, state: FormState = {}) {
    const detail = await accountDetail(services.db, id);
    if (!detail) throw new HttpError(404, 'error.404.body');
    res.status(status).render('pages/accounts-edit', {
      pageTitle: detail.account.username,
      ...accountEditViewModel(detail),
      isSelf: id === req.user!.id,
      form: state.form,
      errors: state.errors ?? {},
      errorKey: state.errorKey,
    });
  }

  /** Success → back to the account with a flash; else the page with the reason (404, 409, 422). */
  async function answer(req: Request, res: Response, id: number, outcome: AccountOutcome, savedKey: string, form: string) {
    if (outcome.kind === 'ok') {
      req.session.flash = [{ kind: 'info', key: savedKey }];
      return res.redirect(`/accounts/${id}`);
    }
    if (outcome.kind === 'notFound') throw new HttpError(404, 'error.404.body');
    if (outcome.kind === 'stale') return renderEdit(req, res, id, 409, { errorKey: 'error.stale' });
    if (outcome.field)
      return renderEdit(req, res, id, 422, { form, errors: { [outcome.field]: outcome.key }, errorKey: 'error.validation' });
    return renderEdit(req, res, id, 409, { errorKey: outcome.key });
  }

  router.get('/accounts', guard, async (req, res) => renderList(req, res));

  router.post('/accounts', guard, async (req, res) => {
    const form = NewAccountSchema.safeParse(req.body);
    const values = { ...req.body, password: '' };
    if (!form.success) return renderList(req, res, 422, { values, errors: accountFormErrors(form.error), errorKey: 'error.validation' });
    const { staffId, ...fields } = form.data;
    const outcome = await createAccount(ctx(req), { ...fields, staff: staffId === null ? null : { id: staffId } });
    if (outcome.kind === 'invalid') return renderList(req, res, 422, { values, errors: outcome.errors, errorKey: 'error.validation' });
    if (outcome.kind === 'refused')
      return renderList(req, res, 422, { values, errors: outcome.field ? { [outcome.field]: outcome.key } : {}, errorKey: outcome.key });
    if (outcome.kind !== 'ok') throw new HttpError(409, 'error.stale');
    req.session.flash = [{ kind: 'info', key: 'accounts.saved.created' }];
    res.redirect(`/accounts/${outcome.account.id}`);
  });

  router.get('/accounts/:id', guard, async (req, res) => renderEdit(req, res, parseOr404(IdParam, req.params).id));

  router.post('/accounts/:id/role', guard, async (req, res) => {
    const { id } = parseOr404(IdParam, req.params);
    const form = RoleFormSchema.safeParse(req.body);
    if (!form.success)
      return renderEdit(req, res, id, 422, { form: 'role', errors: accountFormErrors(form.error), errorKey: 'error.validation' });
    await answer(req, res, id, await changeRole(ctx(req), id, form.data.stamp, form.data), 'accounts.saved.role', 'role');
  });

  router.post('/accounts/:id/password', guard, async (req, res) => {
    const { id } = parseOr404(IdParam, req.params);
    const form = PasswordFormSchema.safeParse(req.body);
    if (!form.success)
      return renderEdit(req, res, id, 422, { form: 'password', errors: accountFormErrors(form.error), errorKey: 'error.validation' });
    await answer(
      req,
      res,
      id,
      await resetPassword(ctx(req), id, form.data.stamp, form.data.password),
      'accounts.saved.password',
      'password',
    );
  });

  router.post('/accounts/:id/status', guard, async (req, res) => {
    const { id } = parseOr404(IdParam, req.params);
    const form = StatusFormSchema.safeParse(req.body);
    if (!form.success) return renderEdit(req, res, id, 422, { errorKey: 'error.validation' });
    const outcome = await setAccountDisabled(ctx(req), id, form.data.stamp, form.data.disabled);
    await answer(req, res, id, outcome, form.data.disabled ? 'accounts.saved.disabled' : 'accounts.saved.enabled', 'status');
  });

  router.post('/accounts/:id/tokens/:tokenId/revoke', guard, async (req, res) => {
    const { id, tokenId } = parseOr404(TokenParam, req.params);
    await answer(req, res, id, await revokeToken(ctx(req), id, tokenId), 'accounts.saved.revoked', 'token');
  });

  return router;
}

/**
 * API tokens: a person's own (/tokens, any logged-in person, scopes their role allows) and the
 * administrator's service tokens (/accounts/service-tokens), which belong to nobody. A new
 * token is shown once, on the page answering its creation (never redirected: the full token
 * must not sit in a session or a URL).
 */
import { Router, type Request, type Response } from 'express';
import type { RouteDeps } from './index';
import { requirePermission } from '../middleware/auth';
import { HttpError } from '../http-error';
import { scopesFor } from '../permissions';
import {
  TOKEN_SCOPES,
  createOwnToken,
  createServiceToken,
  listAllServiceTokens,
  listOwnTokens,
  revokeOwnToken,
  revokeServiceToken,
  type TokenOutcome,
  type TokensContext,
  type TokenView,
} from '../../app/api-tokens';
import { TokenFormSchema, TokenIdParam, tokenFormErrors, tokensViewModel } from '../view-models/tokens';

interface PageState {
  values?: Record<string, unknown>;
  errors?: Record<string, string>;
  errorKey?: string;
  newToken?: { token: string; record: TokenView };
}

export function tokensRoutes({ services, now }: RouteDeps): Router {
  const router = Router();
  const own = requirePermission('tokens:own');
  const admin = requirePermission('accounts:manage');
  const ctx = (req: Request): TokensContext => ({ db: services.db, now: now(), actor: { userId: req.user!.id } });

  async function render(req: Request, res: Response, service: boolean, status = 200, state: PageState = {}) {
    const tokens = service ? await listAllServiceTokens(services.db, now()) : await listOwnTokens(services.db, req.user!.id, now());
    const scopes = service ? TOKEN_SCOPES : scopesFor(req.user!.role);
    if (state.newToken) res.set('Cache-Control', 'no-store');
    res.status(status).render('pages/tokens', {
      pageTitle: req.t(service ? 'tokens.service.title' : 'tokens.title'),
      service,
      action: service ? '/accounts/service-tokens' : '/tokens',
      ...tokensViewModel({ tokens, scopes, values: state.values }),
      errors: state.errors ?? {},
      errorKey: state.errorKey,
      newToken: state.newToken?.token,
      newTokenName: state.newToken?.record.name,
    });
  }

  async function create(req: Request, res: Response, service: boolean) {
    const form = TokenFormSchema.safeParse(req.body);
    const values = typeof req.body === 'object' && req.body ? (req.body as Record<string, unknown>) : {};
    if (!form.success) return render(req, res, service, 422, { values, errors: tokenFormErrors(form.error), errorKey: 'error.validation' });
    const outcome = service
      ? await createServiceToken(ctx(req), form.data)
      : await createOwnToken(ctx(req), form.data, scopesFor(req.user!.role));
    if (outcome.kind === 'refused')
      return render(req, res, service, 422, { values, errors: { [outcome.field ?? 'form']: outcome.key }, errorKey: 'error.validation' });
    if (outcome.kind !== 'ok') throw new HttpError(404, 'error.404.body');
    await render(req, res, service, 201, { newToken: outcome });
  }

  function revoked(req: Request, res: Response, outcome: TokenOutcome, back: string) {
    if (outcome.kind !== 'ok') throw new HttpError(404, 'error.404.body');
    req.session.flash = [{ kind: 'info', key: 'tokens.revoked' }];
    res.redirect(back);
  }

  function tokenId(req: Request): number {
    const parsed = TokenIdParam.safeParse(req.params);
    if (!parsed.success) throw new HttpError(404, 'error.404.body');
    return parsed.data.tokenId;
  }

  router.get('/tokens', own, async (req, res) => render(req, res, false));
  router.post('/tokens', own, async (req, res) => create(req, res, false));
  router.post('/tokens/:tokenId/revoke', own, async (req, res) =>
    revoked(req, res, await revokeOwnToken(ctx(req), tokenId(req)), '/tokens'),
  );

  router.get('/accounts/service-tokens', admin, async (req, res) => render(req, res, true));
  router.post('/accounts/service-tokens', admin, async (req, res) => create(req, res, true));
  router.post('/accounts/service-tokens/:tokenId/revoke', admin, async (req, res) =>
    revoked(req, res, await revokeServiceToken(ctx(req), tokenId(req)), '/accounts/service-tokens'),
  );

  return router;
}

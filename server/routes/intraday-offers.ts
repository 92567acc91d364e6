/**
 * Overtime and voluntary time off from /intraday (app/intraday-offers.ts): the coordinator
 * previews an offer's effect, sends it, withdraws it (rota:edit); an agent accepts on the
 * open-shift board (requests:own). CSRF (global), zod, one use case, Post/Redirect/Get.
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../deps';
import { requirePermission } from '../middleware/auth';
import { HttpError } from '../http-error';
import { violationText } from '../i18n/codes';
import type { Outcome, RequestsContext } from '../../app/time-off';
import {
  acceptIntradayOffer,
  previewIntradayOffer,
  sendIntradayOffer,
  withdrawIntradayOffer,
  type OfferStretch,
} from '../../app/intraday-offers';

const isoTime = z.string().datetime({ offset: true });
export const OfferForm = z.object({
  kind: z.enum(['overtime', 'vto']),
  channel: z.string().regex(/^[a-z0-9_-]{1,8}$/),
  from: isoTime,
  to: isoTime,
});
const IdParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const VersionForm = z.object({ version: z.coerce.number().int().min(1).max(2_147_483_647) });

function idOf(req: Request): number {
  const parsed = IdParam.safeParse(req.params);
  if (!parsed.success) throw new HttpError(404, 'error.404.body');
  return parsed.data.id;
}

const stretchOf = (f: z.infer<typeof OfferForm>): OfferStretch => ({ kind: f.kind, channel: f.channel, start: f.from, end: f.to });

/** `page` renders /intraday with extra template data (server/routes/intraday.ts). */
export type IntradayPage = (req: Request, res: Response, status?: number, extra?: Record<string, unknown>) => Promise<void>;

export function intradayOfferRoutes({ services, now }: RouteDeps, page: IntradayPage): Router {
  const router = Router();
  const ctx = (req: Request): RequestsContext => ({
    db: services.db,
    zone: req.zone,
    now: now(),
    actor: { userId: req.user!.id, username: req.user!.username, staffId: req.user!.staffId },
    teamId: req.team?.id,
  });

  function refused(req: Request, res: Response, outcome: Exclude<Outcome<object>, { kind: 'ok' }>, back: string) {
    if (outcome.kind === 'notFound') throw new HttpError(404, 'error.404.body');
    const rules = outcome.kind === 'refused' ? (outcome.violations ?? []) : [];
    const key = outcome.kind === 'stale' ? 'error.stale' : rules.length ? 'intradayOffers.error.rulesList' : outcome.key;
    const params = rules.length ? { rules: rules.map((v) => violationText(v, req.t, req.zone)).join('; ') } : undefined;
    req.session.flash = [{ kind: 'error', key, ...(params ? { params } : {}) }];
    res.redirect(303, back);
  }

  /** The effect of an offer before it is sent (a GET: nothing changes). */
  router.get('/intraday/offers/preview', requirePermission('rota:edit'), async (req, res) => {
    const form = OfferForm.safeParse(req.query);
    if (!form.success) throw new HttpError(400, 'error.validation');
    const preview = await previewIntradayOffer(services.db, {
      now: now(),
      zone: req.zone,
      stretch: stretchOf(form.data),
      teamId: req.team?.id,
    });
    await page(req, res, 200, { offerPreview: preview });
  });

  router.post('/intraday/offers', requirePermission('rota:edit'), async (req, res) => {
    const form = OfferForm.safeParse(req.body);
    if (!form.success) throw new HttpError(400, 'error.validation');
    const outcome = await sendIntradayOffer(ctx(req), stretchOf(form.data));
    if (outcome.kind !== 'ok') return refused(req, res, outcome, '/intraday');
    req.session.flash = [{ kind: 'info', key: 'intradayOffers.sent', params: { count: outcome.told } }];
    res.redirect(303, '/intraday');
  });

  router.post('/intraday/offers/:id/withdraw', requirePermission('rota:edit'), async (req, res) => {
    const form = VersionForm.safeParse(req.body);
    if (!form.success) throw new HttpError(400, 'error.validation');
    const outcome = await withdrawIntradayOffer(ctx(req), { id: idOf(req), version: form.data.version });
    if (outcome.kind !== 'ok') return refused(req, res, outcome, '/intraday');
    req.session.flash = [{ kind: 'info', key: 'intradayOffers.withdrawn' }];
    res.redirect(303, '/intraday');
  });

  router.post('/intraday/offers/:id/accept', requirePermission('requests:own'), async (req, res) => {
    const form = VersionForm.safeParse(req.body);
    if (!form.success) throw new HttpError(400, 'error.validation');
    const outcome = await acceptIntradayOffer(ctx(req), { id: idOf(req), version: form.data.version });
    if (outcome.kind !== 'ok') return refused(req, res, outcome, '/open-shifts');
    req.session.flash = [{ kind: 'info', key: 'intradayOffers.accepted' }];
    res.redirect(303, '/open-shifts');
  });

  return router;
}

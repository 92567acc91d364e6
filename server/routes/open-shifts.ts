/**
 * The open-shift board (/open-shifts): agents see the uncovered shifts they could take and take
 * one; the coordinator offers a shift (from "find cover"), approves or rejects a claim, or takes
 * an offer off the board. Every write: CSRF (global), zod, one use case, Post/Redirect/Get.
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../deps';
import { requirePermission } from '../middleware/auth';
import { can } from '../permissions';
import { HttpError } from '../http-error';
import type { Outcome, RequestsContext } from '../../app/time-off';
import { claimOpenShift, decideOpenShift, offerMyShift, offerOpenShift, openShiftBoard, withdrawOpenShift } from '../../app/open-shifts';
import { openShiftBoardView } from '../view-models/open-shifts';
import { myIntradayOffers } from '../../app/intraday-offers';
import { myOffersView } from '../view-models/intraday-offers';
import { violationText } from '../i18n/codes';

const IdParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const VersionForm = z.object({ version: z.coerce.number().int().min(1).max(2_147_483_647) });
const MineForm = z.object({ shiftId: z.coerce.number().int().positive().max(2_147_483_647) });
const DecisionForm = VersionForm.extend({ decision: z.enum(['approve', 'reject']) });
const OfferForm = z.object({
  week: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  uid: z.string().regex(/^[A-Za-z0-9-]{1,40}$/),
  autoApprove: z
    .enum(['on', 'true', '1'])
    .optional()
    .transform((v) => v !== undefined),
});

function idOf(req: Request): number {
  const parsed = IdParam.safeParse(req.params);
  if (!parsed.success) throw new HttpError(404, 'error.404.body');
  return parsed.data.id;
}

export function openShiftsRoutes({ services, now }: RouteDeps): Router {
  const router = Router();
  const ctx = (req: Request): RequestsContext => ({
    db: services.db,
    zone: req.zone,
    now: now(),
    actor: { userId: req.user!.id, username: req.user!.username, staffId: req.user!.staffId },
    teamId: req.team?.id,
  });

  async function renderBoard(req: Request, res: Response, status = 200, extra: Record<string, unknown> = {}) {
    const canDecide = can(req.user!.role, 'requests:decide');
    const board = await openShiftBoard(ctx(req), { withAll: canDecide });
    res.status(status).render('pages/open-shifts', {
      pageTitle: req.t('openShifts.title'),
      ...openShiftBoardView(board, { t: req.t, zone: req.zone }),
      intradayOffers: myOffersView(await myIntradayOffers(ctx(req)), {
        t: req.t,
        locale: req.locale,
        zone: req.zone,
        channels: [],
      }),
      canDecide,
      ...extra,
    });
  }

  /** A refusal as the board again with the reason (and the broken rules). */
  function failed(req: Request, res: Response, outcome: Exclude<Outcome<object>, { kind: 'ok' }>) {
    if (outcome.kind === 'notFound') throw new HttpError(404, 'error.404.body');
    if (outcome.kind === 'stale') return renderBoard(req, res, 409, { errorKey: 'error.stale' });
    const refusedViolations = outcome.violations?.map((v) => violationText(v, req.t, req.zone));
    return renderBoard(req, res, outcome.violations?.length ? 422 : 409, { errorKey: outcome.key, refusedViolations });
  }

  function done(req: Request, res: Response, key: string, params?: Record<string, unknown>) {
    req.session.flash = [{ kind: 'info', key, ...(params ? { params } : {}) }];
    res.redirect(303, '/open-shifts');
  }

  router.get('/open-shifts', requirePermission('requests:own'), async (req, res) => renderBoard(req, res));

  router.post('/open-shifts', requirePermission('rota:edit'), async (req, res) => {
    const form = OfferForm.safeParse(req.body);
    if (!form.success) throw new HttpError(400, 'error.validation');
    const outcome = await offerOpenShift(ctx(req), { weekStart: form.data.week, uid: form.data.uid, autoApprove: form.data.autoApprove });
    if (outcome.kind !== 'ok') return failed(req, res, outcome);
    done(req, res, 'openShifts.offered', { count: outcome.told });
  });

  /** An agent puts one of their own shifts on the board. */
  router.post('/open-shifts/mine', requirePermission('requests:own'), async (req, res) => {
    const form = MineForm.safeParse(req.body);
    if (!form.success) return renderBoard(req, res, 422, { errorKey: 'openShifts.error.pick' });
    const outcome = await offerMyShift(ctx(req), { shiftId: form.data.shiftId });
    if (outcome.kind !== 'ok') return failed(req, res, outcome);
    done(req, res, 'openShifts.offered', { count: outcome.told });
  });

  router.post('/open-shifts/:id/claim', requirePermission('requests:own'), async (req, res) => {
    const form = VersionForm.safeParse(req.body);
    if (!form.success) throw new HttpError(400, 'error.validation');
    const outcome = await claimOpenShift(ctx(req), { id: idOf(req), version: form.data.version });
    if (outcome.kind !== 'ok') return failed(req, res, outcome);
    done(req, res, outcome.approved ? 'openShifts.taken' : 'openShifts.claimed');
  });

  router.post('/open-shifts/:id/decide', requirePermission('requests:decide'), async (req, res) => {
    const form = DecisionForm.safeParse(req.body);
    if (!form.success) throw new HttpError(400, 'error.validation');
    const approve = form.data.decision === 'approve';
    const outcome = await decideOpenShift(ctx(req), { id: idOf(req), version: form.data.version, approve });
    if (outcome.kind !== 'ok') return failed(req, res, outcome);
    done(req, res, approve ? 'openShifts.approved' : 'openShifts.rejected');
  });

  /** The coordinator, or the agent who offered their own shift (the use case checks which). */
  router.post('/open-shifts/:id/withdraw', requirePermission('requests:own'), async (req, res) => {
    const form = VersionForm.safeParse(req.body);
    if (!form.success) throw new HttpError(400, 'error.validation');
    const canDecide = can(req.user!.role, 'requests:decide');
    const outcome = await withdrawOpenShift(ctx(req), { id: idOf(req), version: form.data.version, canDecide });
    if (outcome.kind !== 'ok') return failed(req, res, outcome);
    done(req, res, 'openShifts.withdrawn');
  });

  return router;
}

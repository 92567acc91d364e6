/**
 * Self-service requests: an agent's time off and shift swaps (/requests), availability and
 * preferences (/requests/availability), and the coordinator's inbox (/requests/inbox).
 * Every write: CSRF (global), zod, one use case, and Post/Redirect/Get on success.
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../deps';
import { requirePermission } from '../middleware/auth';
import { can } from '../permissions';
import { HttpError } from '../http-error';
import { cancelTimeOff, decideTimeOff, requestTimeOff, type Outcome, type RequestsContext } from '../../app/time-off';
import { cancelSwap, decideSwap, previewSwap, requestSwap, respondToSwap } from '../../app/swap';
import { myRequests, requestsInbox, swapPickerFor } from '../../app/time-off-pages';
import { otherTeamOfShifts, teamIdOrDefault } from '../../app/team-scope';
import { swapPickerView } from '../view-models/swap-picker';
import {
  addShiftPreference,
  addUnavailability,
  availabilityPage,
  removeShiftPreference,
  removeUnavailability,
} from '../../app/time-off-availability';
import {
  PreferenceFormSchema,
  RespondFormSchema,
  SwapDecisionSchema,
  SwapFormSchema,
  TimeOffDecisionSchema,
  TimeOffFormSchema,
  UnavailabilityFormSchema,
  VersionFormSchema,
  inboxViewModel,
  myRequestsViewModel,
  requestFormErrors,
  swapCheckViewModel,
} from '../view-models/requests';
import { availabilityViewModel } from '../view-models/requests-availability';
import { violationText } from '../i18n/codes';

const IdParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const CheckQuery = z.object({
  shiftId: z.coerce.number().int().positive().max(2_147_483_647),
  mode: z.enum(['swap', 'give']).catch('swap'),
  targetShiftId: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
  targetStaffId: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
});

/** `?shift=` picks the shift the swap form starts with (its choices are filtered for it). */
const PickQuery = z.object({ shift: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined) });
const TargetsQuery = z.object({ shiftId: z.coerce.number().int().positive().max(2_147_483_647) });

type FormState = {
  form?: string;
  values?: Record<string, unknown>;
  errors?: Record<string, string>;
  errorKey?: string;
  /** The broken rules of a refused change, in words. */
  violations?: string[];
  overridable?: boolean;
};

function idOf(req: Request): number {
  const parsed = IdParam.safeParse(req.params);
  if (!parsed.success) throw new HttpError(404, 'error.404.body');
  return parsed.data.id;
}

function done(req: Request, res: Response, to: string, key: string): void {
  req.session.flash = [{ kind: 'info', key }];
  res.redirect(to);
}

export function requestsRoutes({ services, now }: RouteDeps): Router {
  const router = Router();
  const ctx = (req: Request): RequestsContext => ({
    db: services.db,
    zone: req.zone,
    now: now(),
    actor: { userId: req.user!.id, username: req.user!.username, staffId: req.user!.staffId },
    teamId: req.team?.id,
  });
  const words = (req: Request) => ({ t: req.t, zone: req.zone });

  async function renderMine(req: Request, res: Response, status = 200, state: FormState = {}) {
    const canDecide = can(req.user!.role, 'requests:decide');
    const picked = state.form === 'swap' ? Number((state.values as { shiftId?: unknown } | undefined)?.shiftId) : NaN;
    const pickShiftId = Number.isInteger(picked) ? picked : (PickQuery.parse(req.query).shift ?? null);
    const data = myRequestsViewModel(await myRequests(ctx(req), { withInboxCount: canDecide, pickShiftId }), words(req));
    res.status(status).render('pages/requests', {
      pageTitle: req.t('requests.title'),
      ...data,
      canDecide,
      timeOffValues: state.form === 'timeOff' ? state.values : { startDate: data.today, endDate: data.today, kind: 'vacation' },
      swapValues: state.form === 'swap' ? state.values : { mode: 'swap', shiftId: pickShiftId ?? '' },
      timeOffErrors: state.form === 'timeOff' ? state.errors : {},
      swapErrors: state.form === 'swap' ? state.errors : {},
      errorKey: state.errorKey,
      refusedViolations: state.violations,
    });
  }

  async function renderInbox(req: Request, res: Response, status = 200, extra: Record<string, unknown> = {}) {
    const data = inboxViewModel(await requestsInbox(ctx(req)), req.user!.staffId, words(req));
    res.status(status).render('pages/requests-inbox', { pageTitle: req.t('requests.inbox.title'), ...data, ...extra });
  }

  async function renderAvailability(req: Request, res: Response, status = 200, state: FormState = {}) {
    const page = await availabilityPage(ctx(req), { withTeam: can(req.user!.role, 'requests:decide') });
    res.status(status).render('pages/requests-availability', {
      pageTitle: req.t('requests.availability.title'),
      ...availabilityViewModel(page),
      unavailabilityValues: state.form === 'unavailability' ? state.values : { weekday: 1, fromTime: '09:00', toTime: '13:00' },
      preferenceValues: state.form === 'preference' ? state.values : { kind: 'early', weight: 3 },
      unavailabilityErrors: state.form === 'unavailability' ? state.errors : {},
      preferenceErrors: state.form === 'preference' ? state.errors : {},
      errorKey: state.errorKey,
    });
  }

  /** Turns a use case's refusal into a page: 404, 409 stale, or the form with the reason. */
  async function failed(
    req: Request,
    outcome: Exclude<Outcome<object>, { kind: 'ok' }>,
    again: (status: number, state: FormState) => Promise<void>,
    form?: string,
  ) {
    if (outcome.kind === 'notFound') throw new HttpError(404, 'error.404.body');
    if (outcome.kind === 'stale') return again(409, { errorKey: 'error.stale' });
    const violations = outcome.violations?.map((v) => violationText(v, req.t, req.zone));
    if (outcome.field && form)
      return again(422, { form, values: req.body, errors: { [outcome.field]: outcome.key }, errorKey: 'error.validation', violations });
    return again(409, { errorKey: outcome.key, violations, overridable: outcome.overridable });
  }

  const mine = (req: Request, res: Response) => (status: number, state: FormState) => renderMine(req, res, status, state);
  const inbox = (req: Request, res: Response) => (status: number, state: FormState) =>
    renderInbox(req, res, status, { errorKey: state.errorKey, refusedViolations: state.violations, overridable: state.overridable });
  const avail = (req: Request, res: Response) => (status: number, state: FormState) => renderAvailability(req, res, status, state);

  router.get('/requests', requirePermission('requests:own'), async (req, res) => renderMine(req, res));

  router.post('/requests/time-off', requirePermission('requests:own'), async (req, res) => {
    const form = TimeOffFormSchema.safeParse(req.body);
    if (!form.success)
      return renderMine(req, res, 422, {
        form: 'timeOff',
        values: req.body,
        errors: requestFormErrors(form.error),
        errorKey: 'error.validation',
      });
    const outcome = await requestTimeOff(ctx(req), form.data);
    if (outcome.kind !== 'ok') return failed(req, outcome, mine(req, res), 'timeOff');
    done(req, res, '/requests', 'requests.saved.timeOff');
  });

  router.post('/requests/time-off/:id/cancel', requirePermission('requests:own'), async (req, res) => {
    const form = VersionFormSchema.safeParse(req.body);
    if (!form.success) throw new HttpError(400, 'error.validation');
    const outcome = await cancelTimeOff(ctx(req), idOf(req), form.data.version);
    if (outcome.kind !== 'ok') return failed(req, outcome, mine(req, res));
    done(req, res, '/requests', 'requests.saved.cancelled');
  });

  router.post('/requests/swaps', requirePermission('requests:own'), async (req, res) => {
    const form = SwapFormSchema.safeParse(req.body);
    if (!form.success)
      return renderMine(req, res, 422, {
        form: 'swap',
        values: req.body,
        errors: requestFormErrors(form.error),
        errorKey: 'error.validation',
      });
    const outcome = await requestSwap(ctx(req), form.data);
    if (outcome.kind !== 'ok') return failed(req, outcome, mine(req, res), 'swap');
    done(req, res, '/requests', 'requests.saved.swap');
  });

  router.post('/requests/swaps/:id/respond', requirePermission('requests:own'), async (req, res) => {
    const form = RespondFormSchema.safeParse(req.body);
    if (!form.success) throw new HttpError(400, 'error.validation');
    const outcome = await respondToSwap(ctx(req), { id: idOf(req), version: form.data.version, accept: form.data.answer === 'accept' });
    if (outcome.kind !== 'ok') return failed(req, outcome, mine(req, res));
    done(req, res, '/requests', form.data.answer === 'accept' ? 'requests.saved.accepted' : 'requests.saved.declined');
  });

  router.post('/requests/swaps/:id/cancel', requirePermission('requests:own'), async (req, res) => {
    const form = VersionFormSchema.safeParse(req.body);
    if (!form.success) throw new HttpError(400, 'error.validation');
    const outcome = await cancelSwap(ctx(req), { id: idOf(req), version: form.data.version });
    if (outcome.kind !== 'ok') return failed(req, outcome, mine(req, res));
    done(req, res, '/requests', 'requests.saved.cancelled');
  });

  /** htmx: the rule check of the swap being filled in, as a fragment. */
  router.get('/requests/swap-check', requirePermission('requests:own'), async (req, res) => {
    const q = CheckQuery.safeParse(req.query);
    const check = q.success
      ? await previewSwap(ctx(req), {
          shiftId: q.data.shiftId,
          targetShiftId: q.data.mode === 'swap' ? (q.data.targetShiftId ?? null) : null,
          targetStaffId: q.data.mode === 'give' ? (q.data.targetStaffId ?? null) : null,
        })
      : null;
    res.render('pages/requests-swap-check', { layout: false, ...swapCheckViewModel(check, words(req)) });
  });

  /** htmx: the swap form's choices for the shift just picked (only what keeps every rule; why not the rest). */
  router.get('/requests/swap-targets', requirePermission('requests:own'), async (req, res) => {
    const q = TargetsQuery.safeParse(req.query);
    if (!q.success) throw new HttpError(400, 'error.validation');
    const picker = await swapPickerFor(ctx(req), q.data.shiftId);
    if (!picker) throw new HttpError(404, 'error.404.body');
    res.render('pages/requests-swap-targets', {
      layout: false,
      picker: swapPickerView(picker, words(req)),
      swapValues: {},
      swapErrors: {},
    });
  });

  router.get('/requests/availability', requirePermission('requests:own'), async (req, res) => renderAvailability(req, res));

  router.post('/requests/availability', requirePermission('requests:own'), async (req, res) => {
    const form = UnavailabilityFormSchema.safeParse(req.body);
    if (!form.success)
      return renderAvailability(req, res, 422, {
        form: 'unavailability',
        values: req.body,
        errors: requestFormErrors(form.error),
        errorKey: 'error.validation',
      });
    const outcome = await addUnavailability(ctx(req), form.data);
    if (outcome.kind !== 'ok') return failed(req, outcome, avail(req, res));
    done(req, res, '/requests/availability', 'requests.saved.availability');
  });

  router.post('/requests/availability/:id/delete', requirePermission('requests:own'), async (req, res) => {
    const outcome = await removeUnavailability(ctx(req), idOf(req));
    if (outcome.kind !== 'ok') return failed(req, outcome, avail(req, res));
    done(req, res, '/requests/availability', 'requests.saved.removed');
  });

  router.post('/requests/preferences', requirePermission('requests:own'), async (req, res) => {
    const form = PreferenceFormSchema.safeParse(req.body);
    if (!form.success)
      return renderAvailability(req, res, 422, {
        form: 'preference',
        values: req.body,
        errors: requestFormErrors(form.error),
        errorKey: 'error.validation',
      });
    const outcome = await addShiftPreference(ctx(req), form.data);
    if (outcome.kind !== 'ok') return failed(req, outcome, avail(req, res));
    done(req, res, '/requests/availability', 'requests.saved.preference');
  });

  router.post('/requests/preferences/:id/delete', requirePermission('requests:own'), async (req, res) => {
    const outcome = await removeShiftPreference(ctx(req), idOf(req));
    if (outcome.kind !== 'ok') return failed(req, outcome, avail(req, res));
    done(req, res, '/requests/availability', 'requests.saved.removed');
  });

  router.get('/requests/inbox', requirePermission('requests:decide'), async (req, res) => renderInbox(req, res));

  router.post('/requests/inbox/time-off/:id', requirePermission('requests:decide'), async (req, res) => {
    const form = TimeOffDecisionSchema.safeParse(req.body);
    if (!form.success) return renderInbox(req, res, 422, { errorKey: 'error.validation' });
    const approve = form.data.decision === 'approve';
    const outcome = await decideTimeOff(ctx(req), { id: idOf(req), version: form.data.version, approve, note: form.data.note });
    if (outcome.kind !== 'ok') return failed(req, outcome, inbox(req, res));
    // The shifts inside the approved days left the rota: offer to find cover for each.
    if (outcome.affected.length)
      return renderInbox(req, res, 200, {
        removedShifts: await otherTeamOfShifts(ctx(req).db, await teamIdOrDefault(ctx(req).db, req.team?.id), outcome.affected),
        removedCount: outcome.affected.length,
        trimmedCount: outcome.trimmed.length,
      });
    // Part-day time off that only shortened shifts: nothing to cover, say so.
    if (outcome.trimmed.length) {
      req.session.flash = [{ kind: 'info', key: 'requests.inbox.trimmed', params: { count: outcome.trimmed.length } }];
      return res.redirect('/requests/inbox');
    }
    done(req, res, '/requests/inbox', approve ? 'requests.saved.approved' : 'requests.saved.rejected');
  });

  router.post('/requests/inbox/swaps/:id', requirePermission('requests:decide'), async (req, res) => {
    const form = SwapDecisionSchema.safeParse(req.body);
    if (!form.success) return renderInbox(req, res, 422, { errorKey: 'error.validation' });
    const approve = form.data.decision === 'approve';
    const outcome = await decideSwap(ctx(req), { id: idOf(req), ...form.data, approve });
    if (outcome.kind !== 'ok') return failed(req, outcome, inbox(req, res));
    done(req, res, '/requests/inbox', approve ? 'requests.saved.swapApproved' : 'requests.saved.rejected');
  });

  return router;
}

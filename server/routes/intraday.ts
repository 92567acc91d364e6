/**
 * The intraday page (issue #12): today by interval per channel, refreshed by htmx polling of
 * its panel, and the actions on the rest of the day with their cost (team leads see them, the
 * coordinator and the head apply them: rota:edit).
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../deps';
import { requirePermission } from '../middleware/auth';
import { can } from '../permissions';
import { HttpError } from '../http-error';
import { intradayFrom, loadIntraday, type IntradayInputs } from '../../app/intraday-today';
import { applyIntradayAction, listIntradayActions } from '../../app/intraday-actions';
import { loadTeamSettings } from '../../app/team-settings';
import { INTRADAY_ACTION_KINDS } from '../../scheduling';
import { violationText } from '../i18n/codes';
import { intradayViewModel } from '../view-models/intraday';
import { intradayActionsViewModel } from '../view-models/intraday-actions';
import { applyIntradayPlan, planIntradayRestOfDay } from '../../app/intraday-plan';
import { intradayPlanViewModel } from '../view-models/intraday-plan';
import { todaysIntradayOffers, type OfferPreview } from '../../app/intraday-offers';
import { offerFormView, offerPreviewView, todaysOffersView } from '../view-models/intraday-offers';
import { intradayOfferRoutes } from './intraday-offers';

/** Seconds between two refreshes of the panel: the systems push every few minutes at most. */
export const INTRADAY_REFRESH_SECONDS = 20;

const isoTime = z.string().datetime({ offset: true });
/** An action as the page sends it back (app/intraday-actions.ts rebuilds the shift from it). */
const ActionForm = z.object({
  kind: z.enum(INTRADAY_ACTION_KINDS as [string, ...string[]]),
  staffId: z.coerce.number().int().positive(),
  uid: z.string().max(100).default(''),
  from: isoTime,
  to: isoTime,
  channel: z.string().max(40).default(''),
});

/** A whole plan as the page sends it back: its changes as JSON in one field, each checked as an action. */
const PlanForm = z.object({
  plan: z
    .string()
    .max(20_000)
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not JSON' });
        return z.NEVER;
      }
    })
    .pipe(
      z
        .array(
          ActionForm.extend({
            uid: z
              .string()
              .max(100)
              .nullable()
              .transform((u) => u ?? ''),
          }),
        )
        .min(1)
        .max(20),
    ),
});

/** An action as the use cases take it, from the form's fields. */
const toSpec = (f: z.infer<typeof ActionForm>) => ({
  kind: f.kind as (typeof INTRADAY_ACTION_KINDS)[number],
  staffId: f.staffId,
  uid: f.uid || null,
  from: f.from,
  to: f.to,
  ...(f.channel ? { channel: f.channel } : {}),
});

export function intradayRoutes(deps: RouteDeps): Router {
  const { services, now } = deps;
  const router = Router();

  async function load(req: Request) {
    const team = await loadTeamSettings(services.db, { fallbackZone: req.zone, teamId: req.team?.id });
    return { zone: team.timeZone, x: await loadIntraday(services.db, { now: now(), zone: team.timeZone, teamId: req.team?.id }) };
  }

  const panel = (req: Request, x: IntradayInputs, zone: string) => ({
    ...intradayViewModel(intradayFrom(x, zone), req.t, req.locale),
    refreshSeconds: INTRADAY_REFRESH_SECONDS,
  });

  async function actions(req: Request, x: IntradayInputs, zone: string) {
    const list = await listIntradayActions(services.db, { now: now(), zone, teamId: x.teamId }, x);
    return intradayActionsViewModel(list, {
      t: req.t,
      locale: req.locale,
      zone,
      channels: x.week.channels,
      canApply: can(req.user!.role, 'rota:edit'),
    });
  }

  /** Overtime and time off offers: the form, a preview asked for, today's offers (app/intraday-offers.ts). */
  async function offers(req: Request, x: IntradayInputs, zone: string, preview: OfferPreview | null) {
    const w = { t: req.t, locale: req.locale, zone, channels: x.week.channels };
    return {
      canSend: can(req.user!.role, 'rota:edit'),
      form: offerFormView({ now: now(), intervalMinutes: x.week.intervalMinutes, chosen: preview?.stretch ?? null }, w),
      preview: preview ? offerPreviewView(preview, w) : null,
      list: todaysOffersView(await todaysIntradayOffers(services.db, { now: now(), zone, teamId: x.teamId }), w),
    };
  }

  async function page(req: Request, res: Response, status = 200, extra: Record<string, unknown> = {}) {
    const { zone, x } = await load(req);
    const { offerPreview, ...rest } = extra as { offerPreview?: OfferPreview };
    res.status(status).render('pages/intraday', {
      pageTitle: req.t('intraday.title'),
      ...panel(req, x, zone),
      actions: await actions(req, x, zone),
      offers: await offers(req, x, zone, offerPreview ?? null),
      ...rest,
    });
  }

  router.get('/intraday', requirePermission('staffing:view'), async (req: Request, res: Response) => page(req, res));

  router.get('/intraday/panel', requirePermission('staffing:view'), async (req: Request, res: Response) => {
    const { zone, x } = await load(req);
    res.render('partials/intraday-panel', { layout: false, ...panel(req, x, zone) });
  });

  router.get('/intraday/actions', requirePermission('staffing:view'), async (req: Request, res: Response) => {
    const { zone, x } = await load(req);
    res.render('partials/intraday-actions', { layout: false, actions: await actions(req, x, zone) });
  });

  router.post('/intraday/actions/apply', requirePermission('rota:edit'), async (req: Request, res: Response) => {
    const form = ActionForm.safeParse(req.body);
    if (!form.success) throw new HttpError(400, 'error.validation');
    const team = await loadTeamSettings(services.db, { fallbackZone: req.zone, teamId: req.team?.id });
    // The team's rota and people only: another team's shift or person is not found.
    const result = await applyIntradayAction(services.db, {
      now: now(),
      zone: team.timeZone,
      teamId: req.team?.id,
      spec: toSpec(form.data),
      actor: { userId: req.user!.id, username: req.user!.username },
    });
    if (result.kind === 'notFound') throw new HttpError(404, 'intraday.actions.gone');
    if (result.kind === 'stale') return page(req, res, 409, { refused: { key: 'intraday.actions.stale', violations: [] } });
    if (result.kind === 'refused') {
      return page(req, res, 422, {
        refused: {
          key: result.key ?? 'intraday.actions.refused',
          violations: result.violations.map((v) => violationText(v, req.t, team.timeZone)),
        },
      });
    }
    req.session.flash = [{ kind: 'info', key: 'intraday.actions.applied' }];
    res.redirect(303, '/intraday');
  });

  async function planPage(req: Request, res: Response, status = 200, extra: Record<string, unknown> = {}) {
    const { zone, x } = await load(req);
    const plan = await planIntradayRestOfDay(services.db, { now: now(), zone, teamId: x.teamId }, x);
    res.status(status).render('pages/intraday-plan', {
      pageTitle: req.t('intraday.plan.title'),
      plan: intradayPlanViewModel(plan, {
        t: req.t,
        locale: req.locale,
        zone,
        channels: x.week.channels,
        canApply: can(req.user!.role, 'rota:edit'),
      }),
      ...extra,
    });
  }

  /** The rest of today re-planned: the fewest changes worth making, with their effect, before anything is applied. */
  router.get('/intraday/plan', requirePermission('staffing:view'), async (req: Request, res: Response) => planPage(req, res));

  router.post('/intraday/plan/apply', requirePermission('rota:edit'), async (req: Request, res: Response) => {
    const form = PlanForm.safeParse(req.body);
    if (!form.success) throw new HttpError(400, 'error.validation');
    const team = await loadTeamSettings(services.db, { fallbackZone: req.zone, teamId: req.team?.id });
    const result = await applyIntradayPlan(services.db, {
      now: now(),
      zone: team.timeZone,
      teamId: req.team?.id,
      specs: form.data.plan.map(toSpec),
      actor: { userId: req.user!.id, username: req.user!.username },
    });
    if (result.kind === 'notFound') throw new HttpError(404, 'intraday.actions.gone');
    if (result.kind === 'stale') return planPage(req, res, 409, { refused: { key: 'intraday.plan.stale', violations: [] } });
    if (result.kind === 'refused') {
      return planPage(req, res, 422, {
        refused: {
          key: result.key ?? 'intraday.actions.refused',
          violations: result.violations.map((v) => violationText(v, req.t, team.timeZone)),
        },
      });
    }
    req.session.flash = [{ kind: 'info', key: 'intraday.plan.applied', params: { n: form.data.plan.length } }];
    res.redirect(303, '/intraday');
  });
  router.use(intradayOfferRoutes(deps, page));

  return router;
}

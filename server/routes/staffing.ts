/**
 * Staffing pages: the Erlang calculator (leads), the week's requirement heat map with
 * "Recompute and store" (coordinator), and what-if scenarios (leads).
 */
import { Router } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../deps';
import { requireAnyPermission, requirePermission } from '../middleware/auth';
import { HttpError } from '../http-error';
import { can } from '../permissions';
import { erlangCalculator } from '../../app/erlang-calculator';
import { parseErlangForm, erlangViewModel } from '../view-models/erlang';
import { staffingWeekPage, storeWeekRequirement } from '../../app/requirement-for-week';
import { staffingWeekViewModel } from '../view-models/staffing';
import { runScenarioPage, saveScenarioRun, scenarioListPage } from '../../app/scenario-run';
import { parseScenarioForm, scenarioViewModel } from '../view-models/scenario';
import { compareScenarios } from '../../app/scenario-compare';
import { CompareQuerySchema, compareViewModel } from '../view-models/scenario-compare';
import { isoDate } from '../view-models/dates';
import { startScenarioDraft } from '../../app/scenario-draft';
import { loadTeamSettings } from '../../app/team-settings';

const Week = isoDate();
const WeekQuery = z.object({ week: Week.optional().catch(undefined) });
const ChannelQuery = z.object({ channel: z.string().max(32).optional().catch(undefined) });
const StoreForm = z.object({ week: Week, storedAt: z.string().max(40).default('') });
const ScenarioId = z.coerce.number().int().positive().max(2_147_483_647);
const DraftForm = z.object({
  timeLimit: z.coerce.number().int().min(5).max(600).default(60),
  seed: z.coerce.number().int().min(0).max(1_000_000).default(1),
});

export function staffingRoutes({ services, now }: RouteDeps): Router {
  const router = Router();
  const db = services.db;

  router.get('/erlang', requirePermission('scenarios:run'), async (req, res) => {
    const form = parseErlangForm(req.query as Record<string, unknown>);
    const { channel } = ChannelQuery.parse(req.query);
    const page = await erlangCalculator(db, { input: form.input, channelId: channel ?? null, usePreset: form.empty, teamId: req.team?.id });
    if (!page) throw new HttpError(404, 'error.404.body');
    const view = erlangViewModel(form, page, req.t, req.locale);
    // htmx swaps only 2xx answers: a live update with errors is still shown.
    res.status(view.hasErrors && !req.get('hx-request') ? 422 : 200);
    res.render('pages/erlang', { pageTitle: req.t('erlang.title'), ...view });
  });

  router.get('/staffing', requirePermission('staffing:view'), async (req, res) => {
    const { week } = WeekQuery.parse(req.query);
    const data = await staffingWeekPage(db, { weekStart: week ?? null, zone: req.zone, now: now(), teamId: req.team?.id });
    res.render('pages/staffing', {
      pageTitle: req.t('staffing.title'),
      ...staffingWeekViewModel(data, req.t, req.locale),
      canStore: can(req.user!.role, 'forecast:edit') || can(req.user!.role, 'rota:edit'),
    });
  });

  router.post('/staffing/store', requireAnyPermission('forecast:edit', 'rota:edit'), async (req, res) => {
    const form = StoreForm.safeParse(req.body);
    if (!form.success) throw new HttpError(400, 'staffing.badWeek');
    const result = await storeWeekRequirement(db, {
      weekStart: form.data.week,
      expectedStoredAt: form.data.storedAt || null,
      zone: req.zone,
      now: now(),
      userId: req.user!.id,
      teamId: req.team?.id,
    });
    if (result.kind === 'stale') throw new HttpError(409, 'error.stale');
    req.session.flash =
      result.kind === 'noHistory'
        ? [{ kind: 'error', key: 'staffing.noHistory', params: { channels: result.channels.map((c) => req.t(c.nameKey)).join(', ') } }]
        : [{ kind: 'info', key: 'staffing.stored' }];
    res.redirect(`/staffing?week=${result.weekStart}`);
  });

  router.get('/scenarios', requirePermission('scenarios:run'), async (req, res) => {
    const form = parseScenarioForm(req.query as Record<string, unknown>);
    const data = form.input
      ? await runScenarioPage(db, { input: form.input, zone: req.zone, now: now(), simulate: form.simulate, teamId: req.team?.id })
      : await scenarioListPage(db, { zone: req.zone, now: now(), savedId: form.savedId, teamId: req.team?.id });
    // A saved scenario that is not the team's (or none): not found.
    if (!form.input && form.savedId !== null && !data.saved) throw new HttpError(404, 'scenario.compare.notFound', { id: form.savedId });
    const view = scenarioViewModel(form, data, req.t, req.locale, req.zone);
    res.status(view.hasErrors ? 422 : 200).render('pages/scenarios', {
      pageTitle: req.t('scenario.title'),
      ...view,
      canMakeDraft: can(req.user!.role, 'rota:edit'),
    });
  });

  /** A saved scenario becomes a draft rota of its week (the rota generation job); rota editors only. */
  router.post('/scenarios/:id/draft', requirePermission('rota:edit'), async (req, res) => {
    const id = ScenarioId.parse(req.params.id);
    const form = DraftForm.safeParse(req.body);
    if (!form.success) throw new HttpError(400, 'error.validation');
    const result = await startScenarioDraft(db, services.jobs, {
      scenarioId: id,
      teamId: req.team?.id,
      zone: req.zone,
      intervalMinutes: (await loadTeamSettings(db, { teamId: req.team?.id })).intervalMinutes,
      now: now(),
      userId: req.user!.id,
      by: req.user!.username,
      timeLimitSeconds: form.data.timeLimit,
      seed: form.data.seed,
    });
    if (result.kind === 'notFound') throw new HttpError(404, 'scenario.compare.notFound', { id });
    req.session.flash = [{ kind: 'info', key: 'scenario.draft.started' }];
    res.redirect(303, `/rota?week=${result.weekStart}`);
  });

  /** Two to four saved scenarios side by side, with the baseline. */
  router.get('/scenarios/compare', requirePermission('scenarios:run'), async (req, res) => {
    const title = req.t('scenario.compare.title');
    const q = CompareQuerySchema.safeParse(req.query);
    if (!q.success) return res.status(422).render('pages/scenarios-compare', { pageTitle: title, errorKey: 'scenario.compare.pick' });
    const result = await compareScenarios(db, { ids: q.data.ids, zone: req.zone, teamId: req.team?.id });
    if (result.kind === 'notFound') throw new HttpError(404, 'scenario.compare.notFound', { id: result.id });
    if (result.kind === 'mixedWeeks')
      return res.status(422).render('pages/scenarios-compare', { pageTitle: title, errorKey: 'scenario.compare.mixedWeeks' });
    res.render('pages/scenarios-compare', { pageTitle: title, ...compareViewModel(result.comparison, req.zone) });
  });

  router.post('/scenarios', requirePermission('scenarios:run'), async (req, res) => {
    const form = parseScenarioForm(req.body as Record<string, unknown>, true);
    if (!form.input || !form.name) {
      // A valid scenario without a name: show it again with the error next to the name.
      const again = parseScenarioForm({ ...req.body, name: undefined } as Record<string, unknown>);
      const data = again.input
        ? await runScenarioPage(db, { input: again.input, zone: req.zone, now: now(), simulate: false, teamId: req.team?.id })
        : await scenarioListPage(db, { zone: req.zone, now: now(), savedId: null, teamId: req.team?.id });
      const view = scenarioViewModel(form, data, req.t, req.locale, req.zone);
      return res.status(422).render('pages/scenarios', { pageTitle: req.t('scenario.title'), ...view });
    }
    const saved = await saveScenarioRun(db, {
      input: form.input,
      name: form.name,
      zone: req.zone,
      now: now(),
      user: req.user!.username,
      userId: req.user!.id,
      teamId: req.team?.id,
    });
    req.session.flash = [{ kind: 'info', key: 'scenario.saved' }];
    res.redirect(`/scenarios?saved=${saved.id}`);
  });

  return router;
}

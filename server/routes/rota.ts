/**
 * The coordinator's rota pages (grid, generate with live progress, hand edits, publish, copy
 * last week, print, CSV) and the agent's own shifts (/my-shifts and its iCalendar feed).
 */
import { pendingForecastNotes } from '../../app/forecast-plan-notes';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { DateTime } from 'luxon';
import type { RouteDeps } from '../deps';
import { publicRoute, requirePermission, requireScope } from '../middleware/auth';
import { can, type Role } from '../permissions';
import { DEFAULT_LOCALE, LOCALES, isLocale, translator } from '../i18n';
import { HttpError } from '../http-error';
import { loadTeamSettings } from '../../app/team-settings';
import { shiftFormContext, type ShiftFormContext } from '../../app/rota-shift-form';
import { publicBaseUrl, publicHostName } from '../public-url';
import { rotaWeek } from '../../app/rota-week';
import { cancelRotaJob, startRotaJob, rotaJob } from '../../app/rota-jobs';
import { editRotaShift, type ShiftEdit } from '../../app/rota-edit';
import { copyLastWeek } from '../../app/rota-publish';
import { publishReviewed, reviewPublishById } from '../../app/rota-publish-review';
import { rotaDiff } from '../../app/rota-diff';
import { assignCover, findCover } from '../../app/rota-cover';
import { coverViewModel, publishReviewViewModel, rotaDiffViewModel } from '../view-models/rota-diff';
import { myCancelledShifts, myShifts } from '../../app/rota-my-shifts';
import { myDay, myWeek } from '../../app/my-week';
import { myDayViewModel, myWeekViewModel } from '../view-models/my-week';
import { simulateRotaWeek } from '../../app/rota-simulate';
import { weekProjection } from '../../app/week-projection';
import { weekServiceView } from '../view-models/week-service';
import { calendarFeedUser, createCalendarLink, hasCalendarLink } from '../../app/rota-calendar-link';
import { mondayOf, weekOf } from '../../forecasting/week';
import { jobView, rotaGrid, rotaPageViewModel, rotaSummary } from '../view-models/rota';
import { violationText } from '../i18n/codes';
import { shiftFormValues } from '../view-models/rota-shift';
import { rotaCsv, shiftsIcs } from '../view-models/rota-export';
import { rotaOutsideTeam, shiftEditOutsideTeam } from '../../app/teams';
import { teamIdOrDefault } from '../../app/team-scope';
import { teamChannelIds as channelIdsOfTeam } from '../../app/team-channels';
import { pendingRequestsForWeek, weekToDoFrom } from '../../app/week-todo';
import { weekToDoView } from '../view-models/week-todo';

// A real calendar date: '2026-02-30' matches the pattern but would reach the queries as null (500).
const DATE = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => DateTime.fromISO(s).isValid);
const TIME = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const WeekQuery = z.object({
  week: DATE.optional().catch(undefined),
  rota: z.coerce.number().int().positive().optional().catch(undefined),
  skill: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,31}$/)
    .optional()
    .catch(undefined),
  role: z.enum(['agent', 'team_lead', 'coordinator', 'head']).optional().catch(undefined),
  poll: z.string().optional(),
  cells: z.enum(['people', 'sl', 'asa']).optional().catch(undefined),
});
const GenerateForm = z.object({
  week: DATE,
  mode: z.enum(['all', 'unlocked', 'day']).default('all'),
  /** Mode 'day': the one day to re-plan (inside the week). */
  day: DATE.optional(),
  timeLimit: z.coerce.number().int().min(5).max(600).default(60),
  seed: z.coerce.number().int().min(0).max(1_000_000).default(1),
});
const ShiftForm = z.object({
  action: z.enum(['update', 'add', 'delete']),
  rotaId: z.coerce.number().int().positive(),
  version: z.coerce.number().int().min(0),
  shiftId: z.coerce.number().int().positive().optional(),
  staffId: z.coerce.number().int().positive().optional(),
  date: DATE.optional(),
  startTime: TIME.optional(),
  endTime: TIME.optional(),
  // A channel id of the team (the change path refuses one the person has no skill for) or 'both'.
  channel: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,31}$/)
    .optional(),
  locked: z.string().optional(),
  saveAnyway: z.string().optional(),
  overrideReason: z.string().trim().max(500).optional(),
});
const RotaForm = z.object({ rotaId: z.coerce.number().int().positive(), version: z.coerce.number().int().min(0) });
// `published`: the revision the user saw published when pressing the button ('' = none), so a
// publish that someone else's overtook is refused instead of replacing it unseen.
const PublishForm = RotaForm.extend({
  published: z.union([z.literal('').transform(() => null), z.coerce.number().int().positive()]),
  reason: z.string().trim().max(500).optional(),
});
const DiffQuery = z.object({
  week: DATE,
  from: z.coerce.number().int().positive(),
  to: z.coerce.number().int().positive(),
});
const CopyForm = z.object({ week: DATE });

type ShiftFormData = z.infer<typeof ShiftForm>;

function toEdit(f: ShiftFormData): ShiftEdit | null {
  if (f.action === 'delete') return f.shiftId ? { action: 'delete', shiftId: f.shiftId } : null;
  if (!f.date || !f.startTime || !f.endTime || !f.channel) return null;
  const times = {
    date: f.date,
    startTime: f.startTime,
    endTime: f.endTime,
    channel: f.channel,
    locked: f.locked === 'on' || f.locked === 'true',
  };
  if (f.action === 'add') return f.staffId ? { action: 'add', staffId: f.staffId, ...times } : null;
  return f.shiftId ? { action: 'update', shiftId: f.shiftId, ...times } : null;
}

function formContextOrThrow(c: ShiftFormContext): Extract<ShiftFormContext, { kind: 'ok' }> {
  if (c.kind === 'notFound') throw new HttpError(404, 'error.404.body');
  if (c.kind === 'noPerson') throw new HttpError(400, 'error.validation');
  return c;
}

export function rotaRoutes({ services, config, now }: RouteDeps): Router {
  const router = Router();
  const ds = services.db;
  const settings = async (req: Request) => ({
    zone: req.zone,
    intervalMinutes: (await loadTeamSettings(ds, { teamId: req.team?.id })).intervalMinutes,
  });
  const thisWeek = (zone: string) => weekOf(now(), zone);
  /** A hand edit of another team's person's shift (or giving one a shift) answers 404. */
  const refuseOtherTeams = async (req: Request, q: { shiftId?: number | null; staffId?: number | null }) => {
    if (req.team && (await shiftEditOutsideTeam(ds, { teamId: req.team.id, shiftId: q.shiftId, staffId: q.staffId }))) {
      throw new HttpError(404, 'error.404.body');
    }
  };
  const who = (req: Request) => req.user!.username;
  /** The team the page acts for: the one looked at, else the default team. */
  const teamOf = (req: Request) => teamIdOrDefault(ds, req.team?.id);
  const teamChannelIds = async (req: Request) => channelIdsOfTeam(ds, await teamOf(req));

  /**
   * Another team's revision (`rota`, `from`, `to`, `rotaId`) or shift (`week` + `uid`, find
   * cover) answers 404 on every rota page: each team has its own rota.
   */
  router.use(['/rota', '/rota.csv'], async (req, _res, next) => {
    const q = req.query as Record<string, unknown>;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const rotaIds = [q.rota, q.from, q.to, body.rotaId]
      .map((v) => (typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : NaN))
      .filter((n) => Number.isInteger(n) && n > 0);
    const week = typeof (q.week ?? body.week) === 'string' ? String(q.week ?? body.week) : null;
    const uid = typeof (q.uid ?? body.uid) === 'string' ? String(q.uid ?? body.uid) : null;
    const shiftUid = week && uid && /^\d{4}-\d{2}-\d{2}$/.test(week) ? { weekStart: mondayOf(week, req.zone), uid } : null;
    if ((rotaIds.length || shiftUid) && (await rotaOutsideTeam(ds, { teamId: await teamOf(req), rotaIds, shiftUid }))) {
      throw new HttpError(404, 'error.404.body');
    }
    next();
  });

  async function renderWeek(req: Request, res: Response) {
    const q = WeekQuery.parse(req.query);
    const { zone, intervalMinutes } = await settings(req);
    const weekStart = mondayOf(q.week ?? thisWeek(zone), zone);
    const teamId = await teamOf(req);
    const data = await rotaWeek(ds, { weekStart, zone, intervalMinutes, now: now(), rotaId: q.rota ?? null, teamId });
    const canEdit = can(req.user!.role, 'rota:edit');
    res.render('pages/rota', {
      pageTitle: req.t('rota.title'),
      todo: canEdit ? weekToDoView(weekToDoFrom(data, await pendingRequestsForWeek(ds, { weekStart, zone, teamId })), req.t) : null,
      forecastPending: await pendingForecastNotes(ds, { weekStart, zone, teamId }),
      noHistory: data.channels
        .filter((c) => data.noHistoryChannels.includes(c.id))
        .map((c) => req.t(c.nameKey))
        .join(', '),
      ...rotaPageViewModel(data, {
        filter: { skill: q.skill, role: q.role },
        cells: q.cells,
        t: req.t,
        nowMs: Date.now(),
        canEdit,
        canPublish: can(req.user!.role, 'rota:publish'),
      }),
    });
  }

  router.get('/rota', requirePermission('rota:view'), async (req, res) => {
    await renderWeek(req, res);
  });

  /** The generation's progress, polled by htmx every second while it runs. */
  router.get('/rota/status', requirePermission('rota:view'), async (req, res) => {
    const q = WeekQuery.parse(req.query);
    const { zone } = await settings(req);
    const weekStart = mondayOf(q.week ?? thisWeek(zone), zone);
    const job = jobView(await rotaJob(ds, await teamOf(req), weekStart), Date.now(), req.t, zone);
    if (q.poll && job && !job.running && job.rotaId) res.set('HX-Redirect', `/rota?week=${weekStart}&rota=${job.rotaId}`);
    res.render('pages/rota-status', { layout: false, job, weekStart, canEdit: can(req.user!.role, 'rota:edit') });
  });

  /** Stops the week's running generation, whichever instance runs it (its worker stops at its next heartbeat). */
  router.post('/rota/cancel', requirePermission('rota:edit'), async (req, res) => {
    const form = CopyForm.safeParse(req.body);
    if (!form.success) throw new HttpError(400, 'error.validation');
    const weekStart = mondayOf(form.data.week, req.zone);
    const job = await cancelRotaJob(services.jobs, await teamOf(req), weekStart);
    if (!job) throw new HttpError(404, 'rota.job.noJob');
    if (req.get('hx-request')) {
      const view = jobView(job, Date.now(), req.t, req.zone);
      return res.render('pages/rota-status', { layout: false, job: view, weekStart, canEdit: true });
    }
    res.redirect(303, `/rota?week=${weekStart}`);
  });

  /** The week's service by simulation (about a second of CPU: on demand, not on every page view). */
  router.get('/rota/simulate', requirePermission('rota:view'), async (req, res) => {
    const { rota: rotaId } = z.object({ rota: z.coerce.number().int().positive() }).parse(req.query);
    const { zone, intervalMinutes } = await settings(req);
    const result = await simulateRotaWeek(ds, { rotaId, zone, intervalMinutes, now: now(), replications: 10, seed: 1 });
    if (!result) throw new HttpError(404, 'error.404.body');
    // The analytic figures of the same revision, as the rota page shows them, beside the simulation.
    const analytic = await weekProjection(ds, { weekStart: result.weekStart, zone, now: now(), rotaId, teamId: await teamOf(req) });
    const inPage = !!req.get('hx-request');
    res.render('pages/rota-simulation', {
      service: weekServiceView(analytic),
      // Inside the rota page (htmx) its own "Projected service" section is already there.
      withService: !inPage,
      layout: inPage ? false : 'main',
      pageTitle: req.t('rota.sim.title'),
      weekStart: result.weekStart,
      rotaId,
      replications: result.replications,
      channels: result.channels.map((c) => ({
        ...c,
        nameKey: `channel.${c.channel}`,
        gapPoints: c.gap === null ? null : Math.round(c.gap * 1000) / 10,
      })),
    });
  });

  router.post('/rota/generate', requirePermission('rota:edit'), async (req, res) => {
    const form = GenerateForm.safeParse(req.body);
    if (!form.success) throw new HttpError(400, 'error.validation');
    const { zone, intervalMinutes } = await settings(req);
    const weekStart = mondayOf(form.data.week, zone);
    const day = form.data.mode === 'day' ? form.data.day : undefined;
    if (form.data.mode === 'day' && (!day || mondayOf(day, zone) !== weekStart)) throw new HttpError(400, 'rota.error.dayOutsideWeek');
    await startRotaJob(services.jobs, {
      teamId: await teamOf(req),
      weekStart,
      zone,
      intervalMinutes,
      now: now(),
      mode: form.data.mode,
      ...(day ? { day } : {}),
      timeLimitSeconds: form.data.timeLimit,
      seed: form.data.seed,
      userId: req.user!.id,
      by: who(req),
    });
    res.redirect(303, `/rota?week=${weekStart}`);
  });

  router.get(['/rota/shift/new', '/rota/shift/:id/edit'], requirePermission('rota:edit'), async (req, res) => {
    const { zone } = await settings(req);
    const id = req.params.id === undefined ? null : z.coerce.number().int().positive().parse(req.params.id);
    const q = z
      .object({
        rota: z.coerce.number().int().positive().optional(),
        staff: z.coerce.number().int().positive().optional(),
        date: DATE.optional(),
      })
      .parse(req.query);
    await refuseOtherTeams(req, { shiftId: id, staffId: q.staff ?? null });
    const form = formContextOrThrow(await shiftFormContext(ds, { shiftId: id, rotaId: q.rota ?? null, staffId: q.staff ?? null }));
    res.render('pages/rota-shift', {
      pageTitle: req.t('rota.shift.title'),
      ...shiftFormValues({ ...form, date: q.date ?? null, zone, teamChannels: await teamChannelIds(req) }),
    });
  });

  /** Instant rule check of the shift form (htmx, on change): nothing is saved. */
  router.post('/rota/shift/check', requirePermission('rota:edit'), async (req, res) => {
    const form = ShiftForm.safeParse(req.body);
    const edit = form.success ? toEdit(form.data) : null;
    if (!form.success || !edit) return res.render('pages/rota-violations', { layout: false, violations: [], incomplete: true });
    await refuseOtherTeams(req, form.data);
    const { zone, intervalMinutes } = await settings(req);
    const result = await editRotaShift(ds, {
      rotaId: form.data.rotaId,
      expectedVersion: form.data.version,
      edit,
      dryRun: true,
      zone,
      intervalMinutes,
      now: now(),
      userId: req.user!.id,
      by: who(req),
    });
    const violations = result.kind === 'checked' ? result.violations.map((v) => violationText(v, req.t, zone)) : [];
    res.render('pages/rota-violations', { layout: false, violations, checked: true });
  });

  router.post('/rota/shift', requirePermission('rota:edit'), async (req, res) => {
    const form = ShiftForm.safeParse(req.body);
    const edit = form.success ? toEdit(form.data) : null;
    if (!form.success || !edit) throw new HttpError(400, 'error.validation');
    const f = form.data;
    await refuseOtherTeams(req, f);
    const { zone, intervalMinutes } = await settings(req);
    const result = await editRotaShift(ds, {
      rotaId: f.rotaId,
      expectedVersion: f.version,
      edit,
      overrideReason: f.saveAnyway === 'on' || f.saveAnyway === 'true' ? (f.overrideReason ?? '') : undefined,
      zone,
      intervalMinutes,
      now: now(),
      userId: req.user!.id,
      by: who(req),
    });
    if (result.kind === 'notFound') throw new HttpError(404, 'error.404.body');
    if (result.kind === 'stale') throw new HttpError(409, 'error.stale');
    if (result.kind === 'refused' || result.kind === 'checked') {
      const ctx = formContextOrThrow(
        await shiftFormContext(ds, { shiftId: f.shiftId ?? null, rotaId: f.rotaId, staffId: f.staffId ?? null }),
      );
      return res.status(422).render('pages/rota-shift', {
        pageTitle: req.t('rota.shift.title'),
        ...shiftFormValues({ ...ctx, date: f.date ?? null, zone, teamChannels: await teamChannelIds(req) }),
        values: { date: f.date, startTime: f.startTime, endTime: f.endTime, channel: f.channel, locked: f.locked === 'on' },
        violations: result.violations.map((v) => violationText(v, req.t, zone)),
        refused: true,
        overridable: result.kind === 'refused' && result.overridable,
        reasonMissing: (f.saveAnyway === 'on' || f.saveAnyway === 'true') && !f.overrideReason,
      });
    }
    req.session.flash = [
      {
        kind: 'info',
        key: result.newDraft
          ? 'rota.savedAsDraft'
          : f.action === 'delete'
            ? 'rota.deleted'
            : result.violations.length
              ? 'rota.savedWithWarnings'
              : 'rota.saved',
      },
    ];
    res.redirect(303, `/rota?week=${result.rota.weekStart}&rota=${result.rota.id}`);
  });

  /** The page before publishing: what changes against the published revision, broken rules, undone approvals. */
  async function renderPublishReview(req: Request, res: Response, rotaId: number, status = 200, extra: Record<string, unknown> = {}) {
    const { zone, intervalMinutes } = await settings(req);
    const review = await reviewPublishById(ds, rotaId, { zone, intervalMinutes, now: now() });
    if (!review) throw new HttpError(404, 'error.404.body');
    const rota = review.rota;
    const diff = await rotaDiff(ds, { zone, intervalMinutes, now: now(), fromRotaId: review.published?.id ?? null, toRotaId: rota.id });
    const names = new Map((await services.staff.list({})).map((p) => [p.id, p.name]));
    res.status(status).render('pages/rota-publish', {
      pageTitle: req.t('rota.publish.title', { n: rota.revision }),
      ...publishReviewViewModel(review, diff!, { t: req.t, zone, names }),
      ...extra,
    });
  }

  router.get('/rota/publish', requirePermission('rota:publish'), async (req, res) => {
    const q = z.object({ rota: z.coerce.number().int().positive() }).safeParse(req.query);
    if (!q.success) throw new HttpError(400, 'error.validation');
    await renderPublishReview(req, res, q.data.rota);
  });

  router.post('/rota/publish', requirePermission('rota:publish'), async (req, res) => {
    const form = PublishForm.safeParse(req.body);
    if (!form.success) throw new HttpError(400, 'error.validation');
    const { zone, intervalMinutes } = await settings(req);
    const result = await publishReviewed(ds, {
      rotaId: form.data.rotaId,
      expectedVersion: form.data.version,
      expectedPublishedId: form.data.published,
      reason: form.data.reason,
      zone,
      intervalMinutes,
      now: now(),
      userId: req.user!.id,
      by: who(req),
    });
    if (result.kind === 'notFound') throw new HttpError(404, 'error.404.body');
    if (result.kind === 'stale') throw new HttpError(409, 'error.stale');
    if (result.kind === 'notDraft') throw new HttpError(409, 'rota.notDraft');
    if (result.kind === 'publishedMeanwhile') throw new HttpError(409, 'rota.publishedMeanwhile');
    if (result.kind === 'needsReason') return renderPublishReview(req, res, form.data.rotaId, 422, { reasonNeeded: true });
    if (result.kind === 'undoesApproved') return renderPublishReview(req, res, form.data.rotaId, 409);
    req.session.flash = [{ kind: 'info', key: 'rota.publishedFlash' }];
    res.redirect(303, `/rota?week=${result.rota.weekStart}&rota=${result.rota.id}`);
  });

  const CoverQuery = z.object({ week: DATE, uid: z.string().regex(/^[A-Za-z0-9-]{1,40}$/) });

  async function renderCover(
    req: Request,
    res: Response,
    q: z.infer<typeof CoverQuery>,
    status = 200,
    extra: Record<string, unknown> = {},
  ) {
    const { zone, intervalMinutes } = await settings(req);
    const page = await findCover(ds, { weekStart: q.week, uid: q.uid, zone, intervalMinutes, now: now() });
    if (!page) throw new HttpError(404, 'change.cover.gone');
    const person = await services.staff.get(page.open.staffId);
    res.status(status).render('pages/rota-cover', {
      pageTitle: req.t('change.cover.title'),
      ...coverViewModel(page, { zone, personName: person?.name ?? String(page.open.staffId) }),
      ...extra,
    });
  }

  /** Best replacements for a shift taken out of the rota, each already rule-checked. */
  router.get('/rota/cover', requirePermission('rota:edit'), async (req, res) => {
    const q = CoverQuery.safeParse(req.query);
    if (!q.success) throw new HttpError(400, 'error.validation');
    await renderCover(req, res, q.data);
  });

  router.post('/rota/cover', requirePermission('rota:edit'), async (req, res) => {
    const form = CoverQuery.extend({ staffId: z.coerce.number().int().positive() }).safeParse(req.body);
    if (!form.success) throw new HttpError(400, 'error.validation');
    await refuseOtherTeams(req, { staffId: form.data.staffId });
    const { zone, intervalMinutes } = await settings(req);
    const result = await assignCover(ds, {
      weekStart: form.data.week,
      uid: form.data.uid,
      staffId: form.data.staffId,
      zone,
      intervalMinutes,
      now: now(),
      actor: { userId: req.user!.id, username: who(req) },
    });
    if (result.kind === 'gone' || result.kind === 'notFound') throw new HttpError(404, 'change.cover.gone');
    if (result.kind === 'stale') throw new HttpError(409, 'error.stale');
    if (result.kind === 'refused' || result.kind === 'checked') {
      return renderCover(req, res, form.data, 409, {
        errorKey: 'change.refused',
        refusedViolations: result.newViolations.map((v) => violationText(v, req.t, zone)),
      });
    }
    req.session.flash = [{ kind: 'info', key: 'change.cover.assigned' }];
    res.redirect(303, `/rota?week=${mondayOf(form.data.week, zone)}&rota=${result.changed[0].id}`);
  });

  /** The difference between two revisions of a week. */
  router.get('/rota/diff', requirePermission('rota:view'), async (req, res) => {
    const q = DiffQuery.safeParse(req.query);
    if (!q.success) throw new HttpError(400, 'error.validation');
    const { zone, intervalMinutes } = await settings(req);
    const diff = await rotaDiff(ds, { zone, intervalMinutes, now: now(), fromRotaId: q.data.from, toRotaId: q.data.to });
    if (!diff || diff.weekStart !== mondayOf(q.data.week, zone)) throw new HttpError(404, 'rota.diff.badRevision');
    const names = new Map((await services.staff.list({})).map((p) => [p.id, p.name]));
    res.render('pages/rota-diff', { pageTitle: req.t('rota.diff.title'), ...rotaDiffViewModel(diff, { t: req.t, zone, names }) });
  });

  router.post('/rota/copy', requirePermission('rota:edit'), async (req, res) => {
    const form = CopyForm.safeParse(req.body);
    if (!form.success) throw new HttpError(400, 'error.validation');
    const { zone, intervalMinutes } = await settings(req);
    const result = await copyLastWeek(ds, {
      teamId: await teamOf(req),
      weekStart: form.data.week,
      zone,
      intervalMinutes,
      now: now(),
      userId: req.user!.id,
      by: who(req),
    });
    if (result.kind === 'nothingToCopy') {
      req.session.flash = [{ kind: 'error', key: 'rota.nothingToCopy' }];
      return res.redirect(303, `/rota?week=${mondayOf(form.data.week, zone)}`);
    }
    req.session.flash = [{ kind: 'info', key: result.violations.length ? 'rota.copiedWithWarnings' : 'rota.copied' }];
    res.redirect(303, `/rota?week=${result.rota.weekStart}&rota=${result.rota.id}`);
  });

  /** The week the print and the CSV show: the team's people, without the service figures. */
  async function exportedWeek(req: Request) {
    const q = WeekQuery.parse(req.query);
    const { zone, intervalMinutes } = await settings(req);
    const weekStart = mondayOf(q.week ?? thisWeek(zone), zone);
    const data = await rotaWeek(ds, {
      weekStart,
      zone,
      intervalMinutes,
      now: now(),
      rotaId: q.rota ?? null,
      withService: false,
      teamId: await teamOf(req),
    });
    return { zone, weekStart, data };
  }

  /** The week for the notice board (A4 landscape), in the reader's language or the one asked for (?lang=ka). */
  router.get('/rota/print', requirePermission('rota:view'), async (req, res) => {
    const lang = z.enum(LOCALES).optional().catch(undefined).parse(req.query.lang);
    const locale = lang ?? req.locale;
    const t = translator(locale);
    const { weekStart, data } = await exportedWeek(req);
    res.render('pages/rota-print', {
      layout: false,
      locale,
      htmlLang: locale,
      pageTitle: t('rota.title'),
      weekStart,
      printedAt: now().toISOString(),
      rota: rotaSummary(data),
      ...rotaGrid(data, {}, t, false),
    });
  });

  router.get('/rota.csv', requirePermission('rota:view'), async (req, res) => {
    const { zone, weekStart, data } = await exportedWeek(req);
    const names = new Map(data.people.map((p) => [p.id, p.name]));
    res
      .type('text/csv; charset=utf-8')
      .attachment(`rota-${weekStart}.csv`)
      .send(rotaCsv(data.shifts, names, zone));
  });

  async function renderMyShifts(req: Request, res: Response, extra: Record<string, unknown> = {}) {
    const { zone } = await settings(req);
    const week = await myWeek(ds, { staffId: req.user!.staffId, now: now(), zone });
    res.render('pages/rota-my-shifts', {
      pageTitle: req.t('myweek.title'),
      ...myWeekViewModel(week, zone),
      hasCalendarLink: await hasCalendarLink(ds, req.user!.id),
      ...extra,
    });
  }

  router.get('/my-shifts', requirePermission('schedule:own'), async (req, res) => {
    await renderMyShifts(req, res);
  });

  /** One day of the person's own shifts: when they take contacts, have a break, have lunch. */
  router.get('/my-shifts/day/:date', requirePermission('schedule:own'), async (req, res) => {
    const date = DATE.safeParse(req.params.date);
    if (!date.success) throw new HttpError(400, 'error.validation');
    const { zone } = await settings(req);
    const shifts = await myDay(ds, { staffId: req.user!.staffId, now: now(), zone, date: date.data });
    res.render('pages/my-day', {
      pageTitle: req.t('myweek.title'),
      dateIso: DateTime.fromISO(date.data, { zone }).set({ hour: 12 }).toUTC().toISO(),
      shifts: myDayViewModel(shifts, zone),
    });
  });

  /** A new secret feed URL for calendar apps (shown once; the previous one stops working). */
  router.post('/my-shifts/calendar-link', requirePermission('schedule:own'), async (req, res) => {
    const token = await createCalendarLink(ds, req.user!.id, now());
    await renderMyShifts(req, res, { calendarUrl: `${publicBaseUrl(config, req)}/calendar/${token}.ics` });
  });

  async function sendIcs(
    res: Response,
    o: { staffId: number | null; name: string; t: (k: string, p?: Record<string, unknown>) => string; host: string; zone: string },
  ) {
    const { zone } = o;
    const shifts = await myShifts(ds, { staffId: o.staffId, now: now(), zone, weeks: 8, fromDaysAgo: 28 });
    const cancelled = await myCancelledShifts(ds, { staffId: o.staffId, now: now(), zone });
    const body = shiftsIcs(shifts, {
      cancelled,
      cancelledSummary: (summary) => o.t('rota.ics.cancelled', { summary }),
      breaksDescription: (breaks, z) => o.t('rota.ics.breaks', { breaks, zone: z }),
      calendarName: o.t('rota.ics.name', { name: o.name }),
      zone,
      host: o.host || 'rota',
      now: now(),
      summary: (s) => o.t('rota.ics.summary', { channel: o.t(`rota.channel.${s.channel}`) }),
    });
    // Someone's shifts: no shared cache may keep them.
    res
      .type('text/calendar; charset=utf-8')
      .set('Content-Disposition', 'inline; filename="my-shifts.ics"')
      .set('Cache-Control', 'no-store')
      .send(body);
  }

  router.get('/my-shifts.ics', requirePermission('schedule:own'), async (req, res) => {
    await sendIcs(res, {
      staffId: req.user!.staffId,
      name: req.user!.displayName,
      t: req.t,
      host: publicHostName(config, req),
      zone: req.zone,
    });
  });

  /** The same feed for a script with a calendar:read token (a person's own: a service token has no shifts). */
  router.get('/api/my-shifts.ics', requireScope('calendar:read'), async (req, res) => {
    if (!req.user) throw new HttpError(403, 'api.needsPerson');
    await sendIcs(res, { staffId: req.user.staffId, name: req.user.displayName, t: req.t, host: req.hostname, zone: req.zone });
  });

  /** The secret-URL feed: no session, the token names the person (see rota-calendar-link). */
  router.get('/calendar/:token.ics', publicRoute('the secret URL is the credential'), async (req, res) => {
    const user = await calendarFeedUser(ds, String(req.params.token), now());
    if (!user || (user.isDemo && !config.demoMode) || !can(user.role as Role, 'schedule:own')) throw new HttpError(404, 'error.404.body');
    const person = user.staffId !== null ? await services.staff.get(user.staffId) : null;
    const t = translator(isLocale(user.locale) ? user.locale : DEFAULT_LOCALE);
    // The feed is read in the person's own team's zone (no session: the link is the credential).
    const team = await services.teams.current({ teamId: person?.teamId ?? null, role: 'agent' }, null);
    const zone = team.team?.timeZone ?? req.zone;
    await sendIcs(res, { staffId: user.staffId, name: person?.name ?? user.username, t, host: publicHostName(config, req), zone });
  });

  return router;
}

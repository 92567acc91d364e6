/**
 * The planning period (1-6 weeks): its grid with the period and weekly rules checked
 * (/rota/period), its generation as a background job, and publishing all its weeks.
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import { DateTime } from 'luxon';
import type { RouteDeps } from '../deps';
import { requirePermission } from '../middleware/auth';
import { can } from '../permissions';
import { HttpError } from '../http-error';
import { loadTeamSettings } from '../../app/team-settings';
import { teamIdOrDefault } from '../../app/team-scope';
import { rotaRules } from '../../app/rota-problem';
import { loadPeriod, periodMondays, publishPeriod, PERIOD_WEEKS_MAX, PERIOD_WEEKS_MIN } from '../../app/rota-period';
import { cancelPeriodJob, periodJob, startPeriodJob } from '../../app/rota-period-jobs';
import { mondayOf, weekOf } from '../../forecasting/week';
import { periodPageViewModel, periodRulesForm } from '../view-models/rota-period';
import { PERIOD_RULE_BOUNDS, setPeriodRules } from '../../app/period-rules-settings';
import type { PeriodRules, ShiftKind } from '../../scheduling';

const DATE = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => DateTime.fromISO(s).isValid);
const WEEKS = z.coerce.number().int().min(PERIOD_WEEKS_MIN).max(PERIOD_WEEKS_MAX);
const PeriodQuery = z.object({
  start: DATE.optional(),
  weeks: WEEKS.default(4),
  show: z.enum(['newest', 'published']).default('newest'),
});
const PeriodForm = z.object({ start: DATE, weeks: WEEKS });
const PublishForm = PeriodForm.extend({ reason: z.string().trim().max(500).optional() });
const GenerateForm = PeriodForm.extend({
  timeLimit: z.coerce.number().int().min(5).max(120).default(30),
  seed: z.coerce.number().int().min(0).max(1_000_000).default(1),
});

/** "late>early": a late, then an early the next day. */
const SUCCESSION = z
  .string()
  .regex(/^(early|day|late|night)>(early|day|late|night)$/)
  .transform((x) => x.split('>') as [ShiftKind, ShiftKind])
  .refine(([from, to]) => from !== to);
const bounded = (k: keyof typeof PERIOD_RULE_BOUNDS) => z.coerce.number().int().min(PERIOD_RULE_BOUNDS[k][0]).max(PERIOD_RULE_BOUNDS[k][1]);
const RulesForm = PeriodForm.extend({
  maxWeekendsPer4Weeks: bounded('maxWeekendsPer4Weeks'),
  minDaysOffRun: bounded('minDaysOffRun'),
  minWorkRunDays: bounded('minWorkRunDays'),
  maxWorkRunDays: bounded('maxWorkRunDays'),
  maxLateShiftsPer4Weeks: bounded('maxLateShiftsPer4Weeks'),
  maxNightShiftsPer4Weeks: bounded('maxNightShiftsPer4Weeks'),
  periodHoursToleranceHours: bounded('periodHoursToleranceHours'),
  // Checkboxes "late>early": none ticked sends nothing.
  succession: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(SUCCESSION)),
});

export function rotaPeriodRoutes({ services, now }: RouteDeps): Router {
  const router = Router();
  const ds = services.db;
  const settings = async (req: Request) => {
    const team = await loadTeamSettings(ds, { teamId: req.team?.id });
    return { zone: req.zone, intervalMinutes: team.intervalMinutes, eveningAfter: rotaRules(team.rules).eveningAfter };
  };
  const address = (start: string, weeks: number) => `/rota/period?start=${start}&weeks=${weeks}`;

  router.get('/rota/period', requirePermission('rota:view'), async (req, res) => {
    const q = PeriodQuery.safeParse(req.query);
    if (!q.success) throw new HttpError(400, 'error.validation');
    const { zone, intervalMinutes, eveningAfter } = await settings(req);
    const start = mondayOf(q.data.start ?? weekOf(now(), zone), zone);
    const view = await loadPeriod(ds, {
      start,
      weeks: q.data.weeks,
      zone,
      intervalMinutes,
      now: now(),
      which: q.data.show,
      teamId: req.team?.id,
    });
    const job = await periodJob(ds, await teamIdOrDefault(ds, req.team?.id), start, q.data.weeks);
    const mondays = periodMondays(start, q.data.weeks, zone);
    const shift = (weeks: number) => DateTime.fromISO(start, { zone }).plus({ weeks }).toISODate()!;
    res.render('pages/rota-period', {
      pageTitle: req.t('period.title'),
      ...periodPageViewModel(view, { zone, eveningAfter, t: req.t, job }),
      end: DateTime.fromISO(mondays[mondays.length - 1], { zone })
        .plus({ days: 6 })
        .toISODate(),
      show: q.data.show,
      weekChoices: Array.from({ length: PERIOD_WEEKS_MAX }, (_, i) => ({ n: i + 1, selected: i + 1 === q.data.weeks })),
      prev: address(shift(-q.data.weeks), q.data.weeks),
      next: address(shift(q.data.weeks), q.data.weeks),
      canEdit: can(req.user!.role, 'rota:edit'),
      canPublish: can(req.user!.role, 'rota:publish'),
      rulesForm: periodRulesForm((await loadTeamSettings(ds, { teamId: req.team?.id })).rules.period, req.t),
    });
  });

  /** The period rules (team settings); a bad value is refused with the field and its bounds. */
  router.post('/rota/period/rules', requirePermission('rota:edit'), async (req, res) => {
    const place = PeriodForm.safeParse(req.body);
    if (!place.success) throw new HttpError(400, 'error.validation');
    const { zone } = await settings(req);
    const start = mondayOf(place.data.start, zone);
    const form = RulesForm.safeParse(req.body);
    if (!form.success) {
      const issue = form.error.issues[0];
      const field = String(issue.path[0]);
      const bounds = PERIOD_RULE_BOUNDS[field as keyof typeof PERIOD_RULE_BOUNDS];
      req.session.flash = [
        bounds
          ? {
              kind: 'error',
              key: 'period.rules.invalidNumber',
              params: { field: req.t(`period.rules.${field}`), min: bounds[0], max: bounds[1] },
            }
          : { kind: 'error', key: 'period.rules.invalidSuccession' },
      ];
      return res.redirect(303, address(start, place.data.weeks));
    }
    const { start: _s, weeks: _w, succession, ...numbers } = form.data;
    const rules: PeriodRules = { ...numbers, forbiddenSuccessions: succession.map(([from, to]) => ({ from, to })) };
    const result = await setPeriodRules(ds, { rules, now: now(), userId: req.user!.id, teamId: req.team?.id });
    req.session.flash = [
      result.kind === 'ok' ? { kind: 'info', key: 'period.rules.saved' } : { kind: 'error', key: 'period.rules.notSetUp' },
    ];
    res.redirect(303, address(start, place.data.weeks));
  });

  router.post('/rota/period/generate', requirePermission('rota:edit'), async (req, res) => {
    const form = GenerateForm.safeParse(req.body);
    if (!form.success) throw new HttpError(400, 'error.validation');
    const { zone, intervalMinutes } = await settings(req);
    const start = mondayOf(form.data.start, zone);
    await startPeriodJob(services.jobs, {
      teamId: await teamIdOrDefault(ds, req.team?.id),
      start,
      weeks: form.data.weeks,
      zone,
      intervalMinutes,
      now: now(),
      timeLimitSeconds: form.data.timeLimit,
      seed: form.data.seed,
      userId: req.user!.id,
      by: req.user!.username,
    });
    res.redirect(303, address(start, form.data.weeks));
  });

  /** Stops the period's running generation from any instance; the weeks already generated stay as drafts. */
  router.post('/rota/period/cancel', requirePermission('rota:edit'), async (req, res) => {
    const form = PeriodForm.safeParse(req.body);
    if (!form.success) throw new HttpError(400, 'error.validation');
    const start = mondayOf(form.data.start, req.zone);
    const job = await cancelPeriodJob(services.jobs, await teamIdOrDefault(ds, req.team?.id), start, form.data.weeks);
    if (!job) throw new HttpError(404, 'period.job.noJob');
    res.redirect(303, address(start, form.data.weeks));
  });

  router.post('/rota/period/publish', requirePermission('rota:publish'), async (req, res) => {
    const form = PublishForm.safeParse(req.body);
    if (!form.success) throw new HttpError(400, 'error.validation');
    const { zone, intervalMinutes } = await settings(req);
    const start = mondayOf(form.data.start, zone);
    const result = await publishPeriod(ds, {
      teamId: req.team?.id,
      start,
      weeks: form.data.weeks,
      zone,
      intervalMinutes,
      now: now(),
      userId: req.user!.id,
      by: req.user!.username,
      reason: form.data.reason,
    });
    req.session.flash = [
      result.kind === 'published'
        ? { kind: 'info', key: 'period.publishedFlash', params: { n: result.published.length } }
        : result.kind === 'needsReason'
          ? { kind: 'error', key: 'period.needsReason', params: { n: result.periodBreaks, weekly: result.weeklyBreaks } }
          : {
              kind: 'error',
              key: 'period.publishRefused',
              params: { week: result.weekStart, n: result.published.length, why: req.t(`period.refusal.${result.reason}`) },
            },
    ];
    res.redirect(303, address(start, form.data.weeks));
  });

  return router;
}

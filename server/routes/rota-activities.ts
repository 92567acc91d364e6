/** Off-queue activities of a week: the list (rota viewers), add and remove (rota editors). */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { DateTime } from 'luxon';
import type { RouteDeps } from '../deps';
import { requirePermission } from '../middleware/auth';
import { can } from '../permissions';
import { HttpError } from '../http-error';
import { addActivity, removeActivity, weekActivities } from '../../app/rota-activities';
import { mondayOf, weekOf } from '../../forecasting/week';
import { ActivityFormSchema, activitiesViewModel, activityFields, activityFormErrors } from '../view-models/rota-activities';

const WeekQuery = z.object({
  week: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((s) => DateTime.fromISO(s).isValid)
    .optional()
    .catch(undefined),
});
const IdParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export function rotaActivitiesRoutes({ services, now }: RouteDeps): Router {
  const router = Router();
  const ds = services.db;

  async function render(
    req: Request,
    res: Response,
    weekStart: string,
    extra: { values?: Record<string, unknown>; errors?: Record<string, string> } = {},
  ) {
    const data = await weekActivities(ds, { weekStart, teamId: req.team?.id });
    res.render('pages/rota-activities', {
      pageTitle: req.t('activities.title'),
      ...(extra.errors ? { errorKey: 'error.validation' } : {}),
      ...activitiesViewModel(data, { weekStart, canEdit: can(req.user!.role, 'rota:edit'), ...extra }),
    });
  }

  router.get('/rota/activities', requirePermission('rota:view'), async (req, res) => {
    const zone = req.zone;
    const q = WeekQuery.parse(req.query);
    await render(req, res, mondayOf(q.week ?? weekOf(now(), zone), zone));
  });

  router.post('/rota/activities', requirePermission('rota:edit'), async (req, res) => {
    const zone = req.zone;
    const form = ActivityFormSchema.safeParse(req.body);
    const week = WeekQuery.parse({ week: req.body?.week }).week;
    const weekStart = mondayOf(week ?? weekOf(now(), zone), zone);
    if (!form.success) {
      res.status(422);
      return render(req, res, weekStart, { values: req.body, errors: activityFormErrors(form.error) });
    }
    const result = await addActivity(ds, {
      weekStart,
      zone,
      form: activityFields(form.data),
      by: req.user!.username,
      userId: req.user!.id,
      now: now(),
      teamId: req.team?.id,
    });
    if (result.kind === 'invalid') {
      res.status(422);
      return render(req, res, weekStart, { values: req.body, errors: { [result.field]: result.code } });
    }
    req.session.flash = [{ kind: 'info', key: 'activities.saved' }];
    res.redirect(303, `/rota/activities?week=${weekStart}`);
  });

  router.post('/rota/activities/:id/delete', requirePermission('rota:edit'), async (req, res) => {
    const { id } = IdParam.parse(req.params);
    const removed = await removeActivity(ds, { id, userId: req.user!.id, now: now(), teamId: req.team?.id });
    if (!removed) throw new HttpError(404, 'error.404.body');
    req.session.flash = [{ kind: 'info', key: 'activities.removed' }];
    res.redirect(303, `/rota/activities?week=${removed.weekStart}`);
  });

  return router;
}

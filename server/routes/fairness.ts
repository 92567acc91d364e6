/** The fairness ledger (/rota/fairness): everyone for those who see the rota, one's own line otherwise. */
import { Router } from 'express';
import { z } from 'zod';
import { DateTime } from 'luxon';
import type { RouteDeps } from '../deps';
import { requirePermission } from '../middleware/auth';
import { can } from '../permissions';
import { HttpError } from '../http-error';
import { fairnessLedger } from '../../app/fairness-ledger';
import { FAIRNESS_WINDOW_MAX, FAIRNESS_WINDOW_MIN, setFairnessWindow } from '../../app/fairness-window';
import { mondayOf, weekOf } from '../../forecasting/week';
import { fairnessViewModel } from '../view-models/fairness';

const DATE = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => DateTime.fromISO(s).isValid);
const LedgerQuery = z.object({ week: DATE.optional() });
const WindowForm = z.object({ weeks: z.coerce.number().int().min(FAIRNESS_WINDOW_MIN).max(FAIRNESS_WINDOW_MAX) });

export function fairnessRoutes({ services, now }: RouteDeps): Router {
  const router = Router();
  const ds = services.db;

  router.get('/rota/fairness', requirePermission('schedule:own'), async (req, res) => {
    const q = LedgerQuery.safeParse(req.query);
    if (!q.success) throw new HttpError(400, 'error.validation');
    const zone = req.zone;
    // By default the week being planned: next week.
    const weekStart = mondayOf(q.data.week ?? weekOf(now(), zone, 1), zone);
    const user = req.user!;
    const ledger = await fairnessLedger(ds, {
      weekStart,
      zone,
      viewer: { staffId: user.staffId, seesEveryone: can(user.role, 'rota:view') },
      teamId: req.team?.id,
    });
    res.render('pages/rota-fairness', {
      pageTitle: req.t('fairness.title'),
      ...fairnessViewModel(ledger),
      canSetWindow: can(user.role, 'rota:edit'),
      windowMin: FAIRNESS_WINDOW_MIN,
      windowMax: FAIRNESS_WINDOW_MAX,
    });
  });

  router.post('/rota/fairness/window', requirePermission('rota:edit'), async (req, res) => {
    const form = WindowForm.safeParse(req.body);
    if (!form.success) throw new HttpError(400, 'fairness.window.invalid');
    const result = await setFairnessWindow(ds, { weeks: form.data.weeks, now: now(), userId: req.user!.id, teamId: req.team?.id });
    if (result.kind === 'notSetUp') throw new HttpError(409, 'error.validation');
    req.session.flash = [{ kind: 'info', key: 'fairness.window.saved' }];
    res.redirect(303, '/rota/fairness');
  });

  return router;
}

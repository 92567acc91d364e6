/**
 * JSON routes for scripts that only read. Each names the token scope that opens it (see
 * requireScope); a logged-in person with the scope's permission may call them too.
 */
import { Router } from 'express';
import { z } from 'zod';
import { DateTime } from 'luxon';
import type { RouteDeps } from './index';
import { requireScope } from '../middleware/auth';
import { HttpError } from '../http-error';
import { publishedWeek } from '../../app/rota-api';

const WeekQuery = z.object({
  week: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((s) => DateTime.fromISO(s).isValid)
    .optional(),
});

export function apiRoutes({ services, now }: RouteDeps): Router {
  const router = Router();

  /** The published rota of the week holding `week` (default this week): 200 with `published: null` if none. */
  router.get('/api/rota', requireScope('rota:read'), async (req, res) => {
    const q = WeekQuery.safeParse(req.query);
    if (!q.success) throw new HttpError(400, 'api.badWeek');
    const zone = req.zone;
    const week = q.data.week ?? DateTime.fromJSDate(now(), { zone }).toISODate()!;
    res.json({ ok: true, ...(await publishedWeek(services.db, { week, zone })) });
  });

  return router;
}

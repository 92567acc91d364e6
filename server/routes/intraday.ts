/**
 * The intraday page (issue #12): today by interval per channel, refreshed by htmx polling of
 * its panel. Team leads, the coordinator and the head (staffing:view).
 */
import { Router, type Request, type Response } from 'express';
import type { RouteDeps } from '../deps';
import { requirePermission } from '../middleware/auth';
import { intradayToday } from '../../app/intraday-today';
import { loadTeamSettings } from '../../app/team-settings';
import { intradayViewModel } from '../view-models/intraday';

/** Seconds between two refreshes of the panel: the systems push every few minutes at most. */
export const INTRADAY_REFRESH_SECONDS = 20;

export function intradayRoutes({ services, now }: RouteDeps): Router {
  const router = Router();

  async function panel(req: Request) {
    const team = await loadTeamSettings(services.db, { fallbackZone: services.timeZone() });
    const day = await intradayToday(services.db, { now: now(), zone: team.timeZone });
    return { ...intradayViewModel(day, req.t, req.locale), refreshSeconds: INTRADAY_REFRESH_SECONDS };
  }

  router.get('/intraday', requirePermission('staffing:view'), async (req: Request, res: Response) => {
    res.render('pages/intraday', { pageTitle: req.t('intraday.title'), ...(await panel(req)) });
  });

  router.get('/intraday/panel', requirePermission('staffing:view'), async (req: Request, res: Response) => {
    res.render('partials/intraday-panel', { layout: false, ...(await panel(req)) });
  });

  return router;
}

/**
 * Which team a request looks at: the signed-in person's own team, or for one who sees all teams
 * (`teams:switch`) the one chosen in the switcher and kept in the session. Sets `req.team` and
 * `req.zone` (the team's zone, else the deployment's) for the routes, and the switcher's data
 * for the layout. Routes pass `req.team.id` to every read and write of a team's data.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Services } from '../services';

export function currentTeamMiddleware(services: Services) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    req.team = null;
    const user = req.user ?? req.apiToken?.user ?? null;
    if (user) {
      const view = await services.teams.current(user, req.session?.teamId ?? null);
      req.team = view.team;
      if (view.teams.length > 1) {
        res.locals.teamSwitcher = {
          current: view.team?.id ?? null,
          teams: view.teams.map((t) => ({ ...t, selected: t.id === view.team?.id })),
        };
      }
    } else if (req.apiToken) {
      // A service token belongs to no person: it acts for the default team.
      req.team = (await services.teams.list())[0] ?? null;
    }
    res.locals.team = req.team;
    req.zone = req.team?.timeZone ?? services.timeZone();
    next();
  };
}

/**
 * Teams (issue #14): the admin's page to create a team and move a person to another team, and
 * the switcher with which the admin and the head choose the team they look at (in the session).
 */
import { Router } from 'express';
import type { RouteDeps } from '../deps';
import { requirePermission } from '../middleware/auth';
import { HttpError } from '../http-error';
import { safeReturnPath } from './auth';
import { MoveStaffSchema, NewTeamSchema, SwitchTeamSchema, teamFormErrors, teamsViewModel } from '../view-models/teams';

export function teamsRoutes({ services, now }: RouteDeps): Router {
  const router = Router();

  async function render(res: import('express').Response, title: string, status = 200, extra: Record<string, unknown> = {}) {
    const teams = await services.teams.list();
    const people = await services.staff.list({});
    const channels = await services.teams.channelIds();
    res
      .status(status)
      .render('pages/teams', { pageTitle: title, ...teamsViewModel(teams, people, channels), values: {}, errors: {}, ...extra });
  }

  router.get('/teams', requirePermission('teams:manage'), async (req, res) => render(res, req.t('teams.title')));

  router.post('/teams', requirePermission('teams:manage'), async (req, res) => {
    const form = NewTeamSchema.safeParse(req.body);
    if (!form.success) {
      return render(res, req.t('teams.title'), 422, { values: req.body, errors: teamFormErrors(form.error), errorKey: 'error.validation' });
    }
    const result = await services.teams.create(form.data, req.user!.id, now());
    if (result.kind === 'refused') {
      return render(res, req.t('teams.title'), 422, {
        values: req.body,
        errors: { [result.field]: result.key },
        errorKey: 'error.validation',
      });
    }
    req.session.flash = [{ kind: 'info', key: 'teams.created', params: { name: result.team.name } }];
    res.redirect('/teams');
  });

  router.post('/teams/move', requirePermission('teams:manage'), async (req, res) => {
    const form = MoveStaffSchema.safeParse(req.body);
    if (!form.success) throw new HttpError(400, 'error.validation');
    const result = await services.teams.moveStaff(form.data.staffId, form.data.teamId, req.user!.id, now());
    if (result.kind === 'notFound') throw new HttpError(404, 'error.404.body');
    req.session.flash =
      result.kind === 'alreadyThere'
        ? [{ kind: 'warn', key: 'teams.alreadyThere', params: { name: result.name, team: result.team } }]
        : [{ kind: 'info', key: 'teams.moved' }];
    res.redirect('/teams');
  });

  /** The switcher: only a team that exists; the choice lives in the session. */
  router.post('/teams/current', requirePermission('teams:switch'), async (req, res) => {
    const form = SwitchTeamSchema.safeParse(req.body);
    if (!form.success) throw new HttpError(400, 'error.validation');
    if (!(await services.teams.list()).some((t) => t.id === form.data.teamId)) throw new HttpError(404, 'error.404.body');
    req.session.teamId = form.data.teamId;
    res.redirect(safeReturnPath(form.data.returnTo));
  });

  return router;
}

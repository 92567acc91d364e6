/** Staff list (leads and up) and the coordinator's add/edit form, with optimistic locking. */
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../deps';
import { requirePermission } from '../middleware/auth';
import { can } from '../permissions';
import { HttpError } from '../http-error';
import { StaffFormSchema, skillChoicesView, staffFormErrors, staffFormValues, staffListViewModel } from '../view-models/staff';

const ListQuery = z.object({
  role: z.enum(['agent', 'team_lead', 'coordinator', 'head']).optional().catch(undefined),
  skill: z
    .string()
    .regex(/^[\w-]{1,32}$/)
    .optional()
    .catch(undefined),
});
/** The team the page shows: a person of another team answers 404, new people join this team. */
const teamOf = (req: Request): number | undefined => req.team?.id;
const IdParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export function staffRoutes({ services }: RouteDeps): Router {
  const router = Router();

  router.get('/staff', requirePermission('team:view'), async (req, res) => {
    const filter = ListQuery.parse(req.query);
    const people = await services.staff.list(filter, teamOf(req));
    res.render('pages/staff-list', {
      pageTitle: req.t('staff.title'),
      ...staffListViewModel(people, filter, await services.staff.skillChoices(teamOf(req))),
      canManage: can(req.user!.role, 'staff:manage'),
    });
  });

  router.get('/staff/new', requirePermission('staff:manage'), async (req, res) => {
    const choices = await services.staff.skillChoices(teamOf(req));
    res.render('pages/staff-edit', {
      pageTitle: req.t('staff.new'),
      isNew: true,
      values: staffFormValues(null, choices),
      skillChoices: skillChoicesView(choices),
      errors: {},
    });
  });

  router.get('/staff/:id/edit', requirePermission('staff:manage'), async (req, res) => {
    const { id } = IdParam.parse(req.params);
    const person = await services.staff.get(id, teamOf(req));
    if (!person) throw new HttpError(404, 'error.404.body');
    const skillChoices = skillChoicesView(await services.staff.skillChoices(teamOf(req)));
    res.render('pages/staff-edit', { pageTitle: person.name, isNew: false, values: staffFormValues(person), skillChoices, errors: {} });
  });

  router.post(['/staff/new', '/staff/:id/edit'], requirePermission('staff:manage'), async (req, res) => {
    const id = req.params.id === undefined ? null : IdParam.parse(req.params).id;
    // Another team's person (or no one) is not found, whatever the form says: checked first, so
    // a form with errors does not show the edit page for someone outside the team.
    if (id !== null && !(await services.staff.get(id, teamOf(req)))) throw new HttpError(404, 'error.404.body');
    const skillChoices = skillChoicesView(await services.staff.skillChoices(teamOf(req)));
    const again = (errors: Record<string, string>) =>
      res.status(422).render('pages/staff-edit', {
        pageTitle: req.t(id === null ? 'staff.new' : 'staff.edit'),
        isNew: id === null,
        values: { ...req.body, id, skills: [req.body.skills ?? []].flat() },
        skillChoices,
        errors,
        errorKey: 'error.validation',
      });
    const form = StaffFormSchema.safeParse(req.body);
    if (!form.success) return again(staffFormErrors(form.error));
    const result =
      id === null
        ? await services.staff.create(form.data, req.user!.id, teamOf(req))
        : await services.staff.update(id, form.data, form.data.version, req.user!.id, teamOf(req));
    if (result.kind === 'refused') return again({ [result.field]: result.key });
    if (result.kind === 'stale') {
      return res.status(409).render('pages/staff-edit', {
        pageTitle: req.t('staff.edit'),
        isNew: false,
        values: { ...staffFormValues(result.current), mine: form.data },
        skillChoices,
        errors: {},
        errorKey: 'error.stale',
      });
    }
    if (result.kind === 'notFound') throw new HttpError(404, 'error.404.body');
    req.session.flash = [{ kind: 'info', key: 'staff.saved' }];
    res.redirect('/staff');
  });

  return router;
}

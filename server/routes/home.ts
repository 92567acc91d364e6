/** The home page: what each role needs first (coordinator: the week at a glance; agent: next shifts). */
import { Router } from 'express';
import type { RouteDeps } from '../deps';
import { requireLogin } from '../middleware/auth';
import { homeViewModel } from '../view-models/home';

export function homeRoutes({ services, now }: RouteDeps): Router {
  const router = Router();
  router.get('/', requireLogin, async (req, res) => {
    const user = req.user!;
    const summary = await services.homeSummary(user, now());
    res.render('pages/home', { pageTitle: req.t('home.title'), ...homeViewModel(user, summary) });
  });
  return router;
}

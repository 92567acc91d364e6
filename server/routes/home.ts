/** The home page: what each role needs first (coordinator: the week at a glance; agent: my week). */
import { Router } from 'express';
import type { RouteDeps } from '../deps';
import { requireLogin } from '../middleware/auth';
import { homeViewModel } from '../view-models/home';
import { myWeekGlance } from '../../app/my-week';
import { myGlanceViewModel } from '../view-models/my-week';
import { myNotifications } from '../../app/notification-list';
import { notificationItemsView } from '../view-models/notifications';

/** Notifications shown on Home (the rest on /notifications). */
const HOME_NOTIFICATIONS = 3;

export function homeRoutes({ services, now }: RouteDeps): Router {
  const router = Router();
  router.get('/', requireLogin, async (req, res) => {
    const user = req.user!;
    const summary = await services.homeSummary(user, now(), req.team);
    const zone = req.zone;
    const week = user.staffId === null ? null : await myWeekGlance(services.db, { staffId: user.staffId, now: now(), zone });
    const latest = await myNotifications(services.db, user.id, HOME_NOTIFICATIONS);
    res.render('pages/home', {
      pageTitle: req.t('home.title'),
      ...homeViewModel(user, summary, req.t),
      myWeek: week && myGlanceViewModel(week, zone),
      latestNotifications: notificationItemsView(latest.items, { locale: req.locale, zone }),
    });
  });
  return router;
}

/**
 * A person's notifications (/notifications): the list, newest first, and marking it read.
 * Every logged-in role has one (an account without a member of staff simply gets none).
 */
import { Router } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../deps';
import { requireLogin } from '../middleware/auth';
import { HttpError } from '../http-error';
import { markMyNotificationsRead, myNotifications } from '../../app/notification-list';
import { notificationItemsView } from '../view-models/notifications';

const ReadForm = z.object({ upTo: z.coerce.number().int().min(0).max(2_147_483_647) });

export function notificationsRoutes({ services, now }: RouteDeps): Router {
  const router = Router();

  router.get('/notifications', requireLogin, async (req, res) => {
    const list = await myNotifications(services.db, req.user!.id);
    res.render('pages/notifications', {
      pageTitle: req.t('notifications.title'),
      items: notificationItemsView(list.items, { locale: req.locale, zone: req.zone }),
      unread: list.unread,
      upTo: list.items[0]?.id ?? 0,
    });
  });

  router.post('/notifications/read', requireLogin, async (req, res) => {
    const form = ReadForm.safeParse(req.body);
    if (!form.success) throw new HttpError(400, 'error.validation');
    await markMyNotificationsRead(services.db, req.user!.id, form.data.upTo, now());
    req.session.flash = [{ kind: 'info', key: 'notifications.marked' }];
    res.redirect('/notifications');
  });

  return router;
}

/** The audit trail (/audit, /audit.csv): read only, for the administrator, the head and coordinators. */
import { Router, type Request } from 'express';
import type { RouteDeps } from './index';
import { requirePermission } from '../middleware/auth';
import { seesAllTeams } from '../permissions';
import { auditTrail } from '../../app/audit-trail';
import { AuditQuerySchema, auditCsv, auditPageViewModel } from '../view-models/audit';

const PAGE_ROWS = 500;
const CSV_ROWS = 20_000;

export function auditRoutes({ services }: RouteDeps): Router {
  const router = Router();
  const guard = requirePermission('audit:view');
  /** The administrator and the head read the whole install's trail; a coordinator their team's. */
  const teamOf = (req: Request) => (seesAllTeams(req.user!.role) ? undefined : req.team?.id);

  router.get('/audit', guard, async (req, res) => {
    const q = AuditQuerySchema.parse(req.query);
    const zone = req.zone;
    const trail = await auditTrail(services.db, {
      userId: q.person,
      week: q.week,
      kind: q.kind,
      zone,
      limit: PAGE_ROWS,
      teamId: teamOf(req),
    });
    res.render('pages/audit', { pageTitle: req.t('audit.title'), ...auditPageViewModel(trail, q, req.t, zone), limit: PAGE_ROWS });
  });

  router.get('/audit.csv', guard, async (req, res) => {
    const q = AuditQuerySchema.parse(req.query);
    const zone = req.zone;
    const trail = await auditTrail(services.db, {
      userId: q.person,
      week: q.week,
      kind: q.kind,
      zone,
      limit: CSV_ROWS,
      teamId: teamOf(req),
    });
    res
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', 'attachment; filename="audit.csv"')
      .send(auditCsv(trail, zone, req.t));
  });

  return router;
}

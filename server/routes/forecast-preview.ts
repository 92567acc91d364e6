/**
 * The adjustment preview (htmx): what an adjustment would do to the forecast, drawn before and
 * after, without saving anything. Answers a fragment for the adjust form's preview box.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../deps';
import { requirePermission } from '../middleware/auth';
import { forecastOutsideTeam, previewAdjustment } from '../../app/forecast-edit';
import { AdjustPreviewForm, formErrors } from '../view-models/forecast';
import { adjustPreviewViewModel } from '../view-models/forecast-preview';

const IdParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export function forecastPreviewRoutes({ services }: RouteDeps): Router {
  const router = Router();
  router.post('/forecast/:id/adjust/preview', requirePermission('forecast:edit'), async (req, res) => {
    const params = IdParam.safeParse(req.params);
    if (!params.success || (await forecastOutsideTeam(services.db, { id: params.data.id, teamId: req.team?.id })))
      return res.status(404).render('pages/forecast-adjust-preview', { layout: false, errorKey: 'error.404.body' });
    const form = AdjustPreviewForm.safeParse(req.body);
    // A half-typed form is normal while typing: say what is missing, with 200 so htmx shows it.
    if (!form.success) {
      const errors = formErrors(form.error, 'forecast.error.', 'forecast.error.value');
      return res.render('pages/forecast-adjust-preview', {
        layout: false,
        errorKey: Object.values(errors)[0],
        errorField: Object.keys(errors)[0],
      });
    }
    const zone = req.zone;
    const f = form.data;
    const result = await previewAdjustment(services.db, {
      id: params.data.id,
      unit: f.unit,
      value: f.value,
      platform: f.platform || null,
      fromLocal: f.from,
      toLocal: f.to,
      zone,
    });
    if (result.kind === 'notFound')
      return res.status(404).render('pages/forecast-adjust-preview', { layout: false, errorKey: 'error.404.body' });
    if (result.kind === 'invalid')
      return res.render('pages/forecast-adjust-preview', { layout: false, errorKey: result.messageKey, errorField: result.field });
    res.render('pages/forecast-adjust-preview', { layout: false, preview: adjustPreviewViewModel(result, req.t, req.locale, zone) });
  });
  return router;
}

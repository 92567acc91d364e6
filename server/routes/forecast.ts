/**
 * Forecast pages: the forecast of a channel and week (leads and up), generate/accept/adjust
 * (coordinator), the accuracy page, and the holidays-and-events calendar that feeds the forecast.
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { RouteDeps } from '../deps';
import { requirePermission } from '../middleware/auth';
import { can } from '../permissions';
import { HttpError } from '../http-error';
import { forecastPage } from '../../app/forecast-page';
import { generateForecasts } from '../../app/forecast-generate';
import { acceptForecastEdit, adjustForecastEdit, forecastOutsideTeam, undoAdjustmentEdit, type EditResult } from '../../app/forecast-edit';
import { forecastAccuracy } from '../../app/forecast-accuracy';
import { forecastPlatformsPage } from '../../app/forecast-platforms';
import { PlatformsQuery, platformsViewModel } from '../view-models/forecast-platforms';
import { calendarPage, removeCalendarEvent, saveCalendarEvent } from '../../app/calendar-events';
import {
  AcceptForm,
  AdjustForm,
  ForecastQuery,
  GenerateForm,
  UndoForm,
  formErrors,
  forecastPageViewModel,
  type AdjustFormState,
} from '../view-models/forecast';
import { AccuracyQuery, accuracyViewModel } from '../view-models/forecast-accuracy';
import { isRealDate } from '../view-models/dates';
import {
  EventDeleteForm,
  EventForm,
  calendarViewModel,
  eventFormErrors,
  eventFormValues,
  eventInput,
} from '../view-models/forecast-events';

const IdParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const AdjustmentParams = IdParam.extend({ adjustmentId: z.coerce.number().int().positive().max(2_147_483_647) });

export function forecastRoutes({ services, now }: RouteDeps): Router {
  const router = Router();
  const db = services.db;
  const actor = (req: Request) => ({ id: req.user!.id, username: req.user!.username });

  async function renderForecast(
    req: Request,
    res: Response,
    q: z.infer<typeof ForecastQuery>,
    status = 200,
    adjust?: AdjustFormState,
    errorKey?: string,
  ) {
    const data = await forecastPage(db, {
      channelId: q.channel,
      weekStart: q.week,
      forecastId: q.forecast,
      span: q.span,
      fallbackZone: req.zone,
      now: now(),
      teamId: req.team?.id,
    });
    if (!data) throw new HttpError(404, 'error.404.body');
    res.status(status).render('pages/forecast', {
      pageTitle: req.t('forecast.title'),
      errorKey,
      ...forecastPageViewModel(data, req.t, req.locale, can(req.user!.role, 'forecast:edit'), adjust),
    });
  }

  /** A forecast of another team's channel: 404, as if it did not exist. */
  async function forecastOfTeam(req: Request, id: number) {
    if (await forecastOutsideTeam(db, { id, teamId: req.team?.id })) throw new HttpError(404, 'error.404.body');
  }

  const pageOf = (channelId: string, weekStart: string, forecastId?: number) =>
    `/forecast?channel=${encodeURIComponent(channelId)}&week=${weekStart}${forecastId ? `&forecast=${forecastId}` : ''}`;

  router.get('/forecast', requirePermission('forecast:view'), async (req, res) => {
    await renderForecast(req, res, ForecastQuery.parse(req.query));
  });

  router.post('/forecast/generate', requirePermission('forecast:edit'), async (req, res) => {
    const form = GenerateForm.parse(req.body);
    const result = await generateForecasts(db, {
      channelId: form.channel === 'all' ? null : form.channel,
      weekStart: form.week,
      fallbackZone: req.zone,
      now: now(),
      user: actor(req),
      teamId: req.team?.id,
    });
    if (!result) throw new HttpError(404, 'forecast.error.unknownChannel');
    const missing = result.withoutHistory.map((c) => req.t(c.nameKey)).join(', ');
    const noHistory = { kind: 'error' as const, key: 'forecast.noHistoryToForecast', params: { channels: missing } };
    const first = result.forecasts[0];
    if (!first) {
      // Nothing stored: a forecast of zeros would plan a week with no one on the queue.
      req.session.flash = [noHistory];
      return res.redirect(303, pageOf(result.withoutHistory[0]!.id, result.weekStart));
    }
    req.session.flash = [{ kind: 'info', key: 'forecast.generated' }, ...(missing ? [noHistory] : [])];
    res.redirect(303, pageOf(first.channelId, result.weekStart, first.id));
  });

  /** Redirects back to the forecast on success; 409 with the current state when stale. */
  async function afterEdit(
    req: Request,
    res: Response,
    result: EditResult,
    week: string | undefined,
    okKey: string,
    adjust?: AdjustFormState,
  ) {
    if (result.kind === 'notFound') throw new HttpError(404, 'error.404.body');
    if (result.kind === 'ok') {
      req.session.flash = [{ kind: 'info', key: okKey }];
      return res.redirect(303, pageOf(result.forecast.channelId, week ?? result.forecast.weekStart, result.forecast.id));
    }
    const id = IdParam.parse(req.params).id;
    if (result.kind === 'stale') {
      return renderForecast(req, res, { channel: result.forecast.channelId, week, forecast: id }, 409, adjust, 'error.stale');
    }
    const errors = { [result.field]: result.messageKey };
    const f = adjust ? { ...adjust, errors } : undefined;
    return renderForecast(
      req,
      res,
      { week, forecast: id, channel: undefined },
      422,
      f,
      result.field === 'form' ? result.messageKey : 'error.validation',
    );
  }

  router.post('/forecast/:id/accept', requirePermission('forecast:edit'), async (req, res) => {
    const { id } = IdParam.parse(req.params);
    await forecastOfTeam(req, id);
    const form = AcceptForm.safeParse(req.body);
    if (!form.success) throw new HttpError(400, 'error.validation');
    const result = await acceptForecastEdit(db, { id, version: form.data.version, now: now(), user: actor(req) });
    const week =
      typeof req.body.week === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(req.body.week) && isRealDate(req.body.week)
        ? req.body.week
        : undefined;
    if (result.kind === 'invalid' || result.kind === 'stale') {
      const channel = result.kind === 'stale' ? result.forecast.channelId : undefined;
      return renderForecast(
        req,
        res,
        { channel, week, forecast: id },
        result.kind === 'stale' ? 409 : 422,
        undefined,
        result.kind === 'stale' ? 'error.stale' : result.messageKey,
      );
    }
    await afterEdit(req, res, result, week, 'forecast.accepted');
  });

  router.post('/forecast/:id/adjust', requirePermission('forecast:edit'), async (req, res) => {
    const { id } = IdParam.parse(req.params);
    await forecastOfTeam(req, id);
    const raw = {
      unit: String(req.body.unit ?? ''),
      value: String(req.body.value ?? ''),
      platform: String(req.body.platform ?? ''),
      from: String(req.body.from ?? ''),
      to: String(req.body.to ?? ''),
      note: String(req.body.note ?? ''),
    };
    const week =
      typeof req.body.week === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(req.body.week) && isRealDate(req.body.week)
        ? req.body.week
        : undefined;
    const form = AdjustForm.safeParse(req.body);
    if (!form.success) {
      const state = { values: raw, errors: formErrors(form.error, 'forecast.error.', 'forecast.error.value') };
      return renderForecast(req, res, { forecast: id, week, channel: undefined }, 422, state, 'error.validation');
    }
    const f = form.data;
    const result = await adjustForecastEdit(db, {
      id,
      version: f.version,
      unit: f.unit,
      value: f.value,
      platform: f.platform || null,
      fromLocal: f.from,
      toLocal: f.to,
      note: f.note,
      zone: req.zone,
      now: now(),
      user: actor(req),
    });
    await afterEdit(req, res, result, week, 'forecast.adjusted', { values: raw, errors: {} });
  });

  /** Undo (or restore) one adjustment: the forecast's values are replayed without (with) it. */
  for (const action of ['undo', 'restore'] as const) {
    router.post(`/forecast/:id/adjustments/:adjustmentId/${action}`, requirePermission('forecast:edit'), async (req, res) => {
      const params = AdjustmentParams.safeParse(req.params);
      if (!params.success) throw new HttpError(404, 'error.404.body');
      const form = UndoForm.safeParse(req.body);
      if (!form.success) throw new HttpError(400, 'error.validation');
      const { id, adjustmentId } = params.data;
      await forecastOfTeam(req, id);
      const result = await undoAdjustmentEdit(db, {
        id,
        adjustmentId,
        version: form.data.version,
        restore: action === 'restore',
        now: now(),
        user: actor(req),
      });
      await afterEdit(req, res, result, form.data.week, action === 'restore' ? 'forecast.adjustmentRestored' : 'forecast.adjustmentUndone');
    });
  }

  router.get('/forecast/platforms', requirePermission('forecast:view'), async (req, res) => {
    const q = PlatformsQuery.parse(req.query);
    const data = await forecastPlatformsPage(db, {
      channelId: q.channel,
      weekStart: q.week,
      fallbackZone: req.zone,
      now: now(),
      teamId: req.team?.id,
    });
    if (!data) throw new HttpError(404, 'error.404.body');
    res.render('pages/forecast-platforms', { pageTitle: req.t('forecast.platforms.title'), ...platformsViewModel(data, req.t) });
  });

  router.get('/forecast/accuracy', requirePermission('forecast:view'), async (req, res) => {
    const { weeks } = AccuracyQuery.parse(req.query);
    const data = await forecastAccuracy(db, { fallbackZone: req.zone, weeks, teamId: req.team?.id });
    res.render('pages/forecast-accuracy', { pageTitle: req.t('forecast.accuracy.title'), ...accuracyViewModel(data, req.t) });
  });

  async function renderEvents(
    req: Request,
    res: Response,
    opts: {
      editId?: number;
      status?: number;
      form?: { values: Record<string, unknown>; errors: Record<string, string> };
      errorKey?: string;
    } = {},
  ) {
    const data = await calendarPage(db, { fallbackZone: req.zone, now: now(), editId: opts.editId, teamId: req.team?.id });
    if (opts.editId && !data.editing) throw new HttpError(404, 'error.404.body');
    const form = opts.form ?? (data.editing ? { values: eventFormValues(data.editing, data.today), errors: {} } : undefined);
    res.status(opts.status ?? 200).render('pages/calendar-events', {
      pageTitle: req.t('forecast.events.title'),
      errorKey: opts.errorKey,
      isEdit: !!(form?.values.id ?? data.editing),
      ...calendarViewModel(data, req.zone, can(req.user!.role, 'forecast:edit'), form),
    });
  }

  router.get('/forecast/events', requirePermission('forecast:view'), async (req, res) => {
    await renderEvents(req, res);
  });

  router.get('/forecast/events/:id/edit', requirePermission('forecast:edit'), async (req, res) => {
    await renderEvents(req, res, { editId: IdParam.parse(req.params).id });
  });

  router.post(['/forecast/events', '/forecast/events/:id/edit'], requirePermission('forecast:edit'), async (req, res) => {
    const id = req.params.id === undefined ? null : IdParam.parse(req.params).id;
    const form = EventForm.safeParse(req.body);
    if (!form.success) {
      return renderEvents(req, res, {
        status: 422,
        form: { values: { ...req.body, id }, errors: eventFormErrors(form.error) },
        errorKey: 'error.validation',
      });
    }
    const result = await saveCalendarEvent(db, {
      id,
      version: form.data.version,
      input: eventInput(form.data),
      now: now(),
      user: actor(req),
      teamId: req.team?.id,
    });
    if (result.kind === 'notFound') throw new HttpError(404, 'error.404.body');
    if (result.kind === 'unknownChannel' || result.kind === 'unknownPlatform') {
      const errors: Record<string, string> =
        result.kind === 'unknownChannel' ? { channel: 'forecast.events.error.channel' } : { platform: 'forecast.events.error.platform' };
      return renderEvents(req, res, { status: 422, form: { values: { ...req.body, id }, errors }, errorKey: 'error.validation' });
    }
    if (result.kind === 'stale') {
      return renderEvents(req, res, {
        status: 409,
        form: { values: eventFormValues(result.current, result.current.startDate), errors: {} },
        errorKey: 'error.stale',
      });
    }
    req.session.flash = [{ kind: 'info', key: 'forecast.events.saved' }];
    res.redirect(303, '/forecast/events');
  });

  router.post('/forecast/events/:id/delete', requirePermission('forecast:edit'), async (req, res) => {
    const { id } = IdParam.parse(req.params);
    const form = EventDeleteForm.safeParse(req.body);
    if (!form.success) throw new HttpError(400, 'error.validation');
    const result = await removeCalendarEvent(db, { id, version: form.data.version, now: now(), user: actor(req), teamId: req.team?.id });
    if (result.kind === 'notFound') throw new HttpError(404, 'error.404.body');
    if (result.kind === 'stale') {
      return renderEvents(req, res, {
        status: 409,
        form: { values: eventFormValues(result.current, result.current.startDate), errors: {} },
        errorKey: 'error.stale',
      });
    }
    req.session.flash = [{ kind: 'info', key: 'forecast.events.deleted' }];
    res.redirect(303, '/forecast/events');
  });

  return router;
}

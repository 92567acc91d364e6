/**
 * Template data for the intraday actions: each action in words, its service effect per channel
 * (rest of the day, and per remaining interval: people on the queue, service level, ASA, before
 * → after), its rule check, and the hidden fields that send it back to be applied.
 */
import { DateTime } from 'luxon';
import type { Locale, Translator } from '../i18n';
import { violationText } from '../i18n/codes';
import type { ChannelEffect, IntradayAction, IntradayActions } from '../../app/intraday-actions';

export function formatters(locale: Locale) {
  const tag = locale === 'ka' ? 'ka-GE' : 'en-GB';
  return {
    n0: new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }),
    n1: new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    signed: new Intl.NumberFormat(tag, { maximumFractionDigits: 1, signDisplay: 'always' }),
    pct: new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }),
  };
}

type F = ReturnType<typeof formatters>;
const dash = (x: number | null, fmt: (v: number) => string) => (x === null || !Number.isFinite(x) ? '—' : fmt(x));

export interface Ctx {
  t: Translator;
  zone: string;
  f: F;
  channelName: (id: string) => string;
}

export function effectView(e: ChannelEffect, c: Ctx) {
  const time = (iso: string) => DateTime.fromISO(iso, { zone: c.zone }).toFormat('HH:mm');
  const sl = (v: number | null) => dash(v, (x) => c.f.pct.format(x));
  const asa = (v: number | null) => dash(v, (x) => c.f.n0.format(x));
  return {
    channel: e.channel,
    text: c.t('intraday.actions.effect', {
      channel: c.channelName(e.channel),
      slBefore: sl(e.before.serviceLevel),
      slAfter: sl(e.after.serviceLevel),
      asaBefore: asa(e.before.asaSeconds),
      asaAfter: asa(e.after.asaSeconds),
    }),
    better: (e.after.serviceLevel ?? 0) > (e.before.serviceLevel ?? 0) + 1e-9,
    worse: (e.after.serviceLevel ?? 0) < (e.before.serviceLevel ?? 0) - 1e-9,
    slAfter: sl(e.after.serviceLevel),
    rows: e.rows.map((r) => ({
      time: time(r.start),
      onQueue: `${c.f.n1.format(r.onQueueBefore)} → ${c.f.n1.format(r.onQueueAfter)}`,
      serviceLevel: `${sl(r.serviceLevelBefore)} → ${sl(r.serviceLevelAfter)}`,
      asa: `${asa(r.asaBefore)} → ${asa(r.asaAfter)}`,
    })),
  };
}

function actionView(a: IntradayAction, c: Ctx, canApply: boolean) {
  const time = (iso: string) => DateTime.fromISO(iso, { zone: c.zone }).toFormat('HH:mm');
  const s = a.spec;
  return {
    kind: s.kind,
    id: `${s.kind}-${s.uid ?? `staff-${s.staffId}`}`,
    text: c.t(`intraday.action.${s.kind}`, {
      name: a.name,
      from: time(s.from),
      to: time(s.to),
      channel: s.channel ? c.channelName(s.channel) : '',
      activity: a.activity ? c.t(`activities.kind.${a.activity}`) : '',
    }),
    hours: a.paidHours === 0 ? null : c.t('intraday.actions.hours', { hours: c.f.signed.format(a.paidHours) }),
    gain: c.t('intraday.actions.gain', { contacts: c.f.signed.format(a.answeredInTimeGain) }),
    effects: a.effects.map((e) => effectView(e, c)),
    violations: a.violations.map((v) => violationText(v, c.t, c.zone)),
    warnings: a.warnings.map((v) => violationText(v, c.t, c.zone)),
    allowed: a.violations.length === 0,
    canApply: canApply && a.violations.length === 0,
    form: { kind: s.kind, staffId: s.staffId, uid: s.uid ?? '', from: s.from, to: s.to, channel: s.channel ?? '' },
  };
}

export function intradayActionsViewModel(
  list: IntradayActions,
  o: { t: Translator; locale: Locale; zone: string; channels: { id: string; nameKey: string }[]; canApply: boolean },
) {
  const names = new Map(o.channels.map((ch) => [ch.id, o.t(ch.nameKey)]));
  const c: Ctx = { t: o.t, zone: o.zone, f: formatters(o.locale), channelName: (id) => names.get(id) ?? id };
  return {
    from: DateTime.fromISO(list.from, { zone: o.zone }).toFormat('HH:mm'),
    hasRota: list.rota !== null,
    canApply: o.canApply,
    actions: list.actions.map((a) => actionView(a, c, o.canApply)),
  };
}

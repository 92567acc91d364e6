/**
 * Template data for the re-plan of the rest of today: each change in words with the contacts it
 * adds and its paid hours, the whole plan's effect per channel (as the single actions show
 * theirs), and the changes as one hidden field that sends the plan back to be applied.
 */
import { DateTime } from 'luxon';
import type { Locale, Translator } from '../i18n';
import type { IntradayPlan } from '../../app/intraday-plan';
import { effectView, formatters, type Ctx } from './intraday-actions';

export function intradayPlanViewModel(
  plan: IntradayPlan,
  o: { t: Translator; locale: Locale; zone: string; channels: { id: string; nameKey: string }[]; canApply: boolean },
) {
  const names = new Map(o.channels.map((ch) => [ch.id, o.t(ch.nameKey)]));
  const c: Ctx = { t: o.t, zone: o.zone, f: formatters(o.locale), channelName: (id) => names.get(id) ?? id };
  const time = (iso: string) => DateTime.fromISO(iso, { zone: o.zone }).toFormat('HH:mm');
  return {
    from: time(plan.from),
    hasRota: plan.rota !== null,
    canApply: o.canApply && plan.changes.length > 0,
    changes: plan.changes.map((ch) => ({
      kind: ch.spec.kind,
      staffId: ch.spec.staffId,
      text: o.t(`intraday.action.${ch.spec.kind}`, {
        name: ch.name,
        from: time(ch.spec.from),
        to: time(ch.spec.to),
        channel: ch.spec.channel ? c.channelName(ch.spec.channel) : '',
        activity: ch.activity ? o.t(`activities.kind.${ch.activity}`) : '',
      }),
      gain: o.t('intraday.plan.stepGain', { contacts: c.f.signed.format(ch.gain) }),
      hours: ch.paidHours === 0 ? null : o.t('intraday.actions.hours', { hours: c.f.signed.format(ch.paidHours) }),
    })),
    effects: plan.effects.map((e) => effectView(e, c)),
    gain: o.t('intraday.actions.gain', { contacts: c.f.signed.format(plan.answeredInTimeGain) }),
    hours: o.t('intraday.actions.hours', { hours: c.f.signed.format(plan.paidHours) }),
    /** The plan as the apply form sends it back (every change rebuilt from the stored shifts). */
    specs: JSON.stringify(plan.changes.map((ch) => ch.spec)),
  };
}

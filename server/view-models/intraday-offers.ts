/**
 * Template data for intraday offers: the coordinator's form (today's remaining interval
 * boundaries), the preview (who could take it, its effect on the rest of the day, the hidden
 * fields that send it), today's offers; and an agent's offers on the open-shift board.
 * Times in the team's zone.
 */
import { DateTime } from 'luxon';
import type { Locale, Translator } from '../i18n';
import type { MyOffer, OfferListItem, OfferPreview, OfferStretch } from '../../app/intraday-offers';

interface Words {
  t: Translator;
  locale: Locale;
  zone: string;
  /** The team's channels with their names; without them, the rota's channel words. */
  channels: { id: string; nameKey: string }[];
}

const hm = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toFormat('HH:mm');

function offerText(o: Pick<OfferStretch, 'kind' | 'channel' | 'start' | 'end'>, w: Words): string {
  const ch = w.channels.find((c) => c.id === o.channel);
  return w.t(`intradayOffers.offer.${o.kind}`, {
    start: hm(o.start, w.zone),
    end: hm(o.end, w.zone),
    channel: w.t(ch ? ch.nameKey : `rota.channel.${o.channel}`),
  });
}

/** The form: kinds, channels and today's interval boundaries from the next interval on. */
export function offerFormView(q: { now: Date; intervalMinutes: number; chosen: OfferStretch | null }, w: Words) {
  const day = DateTime.fromJSDate(q.now, { zone: w.zone }).startOf('day');
  const step = q.intervalMinutes;
  const minutes = DateTime.fromJSDate(q.now, { zone: w.zone }).diff(day, 'minutes').minutes;
  const times: { iso: string; label: string }[] = [];
  for (let m = (Math.floor(minutes / step) + 1) * step; m <= 24 * 60; m += step) {
    const t = day.plus({ minutes: m });
    times.push({ iso: t.toUTC().toISO()!, label: m === 24 * 60 ? '24:00' : t.toFormat('HH:mm') });
  }
  const pick = (iso: string | undefined, fallback: number) =>
    times.map((t, i) => ({ ...t, selected: iso ? Date.parse(t.iso) === Date.parse(iso) : i === fallback }));
  return {
    kinds: (['overtime', 'vto'] as const).map((k) => ({ id: k, label: w.t(`intradayOffers.kind.${k}`), selected: q.chosen?.kind === k })),
    channels: w.channels.map((c) => ({ id: c.id, label: w.t(c.nameKey), selected: q.chosen?.channel === c.id })),
    from: pick(q.chosen?.start, 0).slice(0, -1),
    to: pick(q.chosen?.end, Math.min(2, times.length - 1)).slice(1),
  };
}

export function offerPreviewView(p: OfferPreview, w: Words) {
  const f = new Intl.NumberFormat(w.locale === 'ka' ? 'ka-GE' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 });
  const n0 = new Intl.NumberFormat(w.locale === 'ka' ? 'ka-GE' : 'en-GB', { maximumFractionDigits: 0 });
  const sl = (v: number | null) => (v === null ? '—' : f.format(v));
  const first = p.eligible[0];
  return {
    title: offerText(p.stretch, w),
    refusalKey: p.refusal,
    eligibleText: p.eligible.length
      ? w.t('intradayOffers.eligible', { count: p.eligible.length, names: p.eligible.map((e) => e.name).join(', ') })
      : null,
    effectIntro: first ? w.t('intradayOffers.effectIntro', { name: first.name, how: w.t(`intradayOffers.how.${first.how}`) }) : null,
    effects: p.effects.map((e) => {
      const ch = w.channels.find((c) => c.id === e.channel);
      return {
        channel: e.channel,
        slBefore: sl(e.before.serviceLevel),
        slAfter: sl(e.after.serviceLevel),
        text: w.t('intraday.actions.effect', {
          channel: ch ? w.t(ch.nameKey) : e.channel,
          slBefore: sl(e.before.serviceLevel),
          slAfter: sl(e.after.serviceLevel),
          asaBefore: e.before.asaSeconds === null ? '—' : n0.format(e.before.asaSeconds),
          asaAfter: e.after.asaSeconds === null ? '—' : n0.format(e.after.asaSeconds),
        }),
      };
    }),
    canSend: p.refusal === null,
    form: p.stretch,
  };
}

export function todaysOffersView(list: OfferListItem[], w: Words) {
  return list.map((o) => ({
    id: o.id,
    version: o.version,
    status: o.status,
    open: o.status === 'open',
    text: offerText(o, w),
    stateText: w.t(`intradayOffers.status.${o.status}`, { count: o.eligible.length, name: o.takenByName }),
  }));
}

export function myOffersView(list: MyOffer[], w: Words) {
  return list.map((o) => ({
    id: o.id,
    version: o.version,
    text: offerText(o, w),
    canAccept: o.status === 'open' && o.canAccept,
    stateText:
      o.status === 'taken'
        ? w.t(o.mine ? 'intradayOffers.board.yours' : 'intradayOffers.board.taken')
        : o.canAccept
          ? null
          : w.t('intradayOffers.board.cannot'),
  }));
}

/**
 * Notifications in words: the same code and parameters become a line in the in-app list (in
 * the reader's language now) and a mail (in the saved language when it goes out). Times in the
 * team's zone.
 */
import { DateTime } from 'luxon';
import { isLocale, translate, type Locale } from '../i18n';
import type { ShiftChange } from '../../app/notification-diff';
import type { NotificationItem } from '../../app/notification-list';
import type { RenderMessage } from '../../app/notification-outbox';
import { MAIL_KIND_PREFIX } from '../../app/notify';

export interface NotificationWords {
  locale: Locale;
  zone: string;
}

type Params = Record<string, unknown>;

/** Changes listed in a notification before "…and N more" (a phone screen, a short mail). */
export const MAX_CHANGE_LINES = 6;

const str = (v: unknown) => (typeof v === 'string' ? v : '');

function local(w: NotificationWords, iso: string) {
  return DateTime.fromISO(iso, { zone: w.zone }).setLocale(w.locale === 'ka' ? 'ka-GE' : 'en-GB');
}

export function dayText(w: NotificationWords, isoDate: string): string {
  return local(w, isoDate).toLocaleString({ day: 'numeric', month: 'short', year: 'numeric' });
}

/** "Tue 1 Dec 09:00–17:00 (Calls)" in the reader's language. */
export function shiftText(w: NotificationWords, s: { start: unknown; end: unknown; channel: unknown }): string {
  const start = local(w, str(s.start));
  const end = local(w, str(s.end));
  if (!start.isValid || !end.isValid) return '';
  const hm = (d: DateTime) => d.toFormat('HH:mm');
  return translate(w.locale, 'notify.shift', {
    day: start.toLocaleString({ weekday: 'short', day: 'numeric', month: 'short' }),
    start: hm(start),
    end: hm(end),
    channel: translate(w.locale, `rota.channel.${str(s.channel)}`),
  });
}

/** "14:00–16:00 (Calls)", today's stretch of an intraday offer. */
function stretchText(w: NotificationWords, p: Params): string {
  const start = local(w, str(p.start));
  const end = local(w, str(p.end));
  if (!start.isValid || !end.isValid) return '';
  return translate(w.locale, 'notify.intradayOffer.stretch', {
    start: start.toFormat('HH:mm'),
    end: end.toFormat('HH:mm'),
    channel: translate(w.locale, `rota.channel.${str(p.channel)}`),
  });
}

/** The short diff: one line per change, at most MAX_CHANGE_LINES, then how many more. */
export function changeLines(w: NotificationWords, changes: ShiftChange[]): string[] {
  const lines = changes.slice(0, MAX_CHANGE_LINES).map((c) =>
    c.change === 'moved'
      ? translate(w.locale, 'notify.change.moved', {
          from: shiftText(w, { start: c.fromStart, end: c.fromEnd, channel: c.channel }),
          shift: shiftText(w, c),
        })
      : translate(w.locale, `notify.change.${c.change}`, { shift: shiftText(w, c) }),
  );
  if (changes.length > MAX_CHANGE_LINES)
    lines.push(translate(w.locale, 'notify.change.more', { count: changes.length - MAX_CHANGE_LINES }));
  return lines;
}

function noteLine(w: NotificationWords, p: Params): string[] {
  return str(p.note).trim() ? [translate(w.locale, 'notify.note', { note: str(p.note).trim() })] : [];
}

/** The title and the lines under it of one notification. */
export function notificationText(kind: string, p: Params, w: NotificationWords): { title: string; lines: string[] } {
  const t = (key: string, params: Params = {}) => translate(w.locale, key, params);
  const shift = shiftText(w, p as { start: unknown; end: unknown; channel: unknown });
  const changes = Array.isArray(p.changes) ? (p.changes as ShiftChange[]) : [];
  switch (kind) {
    case 'rota.published':
      return {
        title: t('notify.rota.published', { week: dayText(w, str(p.weekStart)) }),
        lines: [t('notify.rota.published.summary', { shifts: p.shifts, hours: p.hours }), ...changeLines(w, changes)],
      };
    case 'rota.changed':
      return { title: t('notify.rota.changed', { week: dayText(w, str(p.weekStart)) }), lines: changeLines(w, changes) };
    case 'timeOff.decided':
      return {
        title: t(`notify.timeOff.decided.${p.status === 'approved' ? 'approved' : 'rejected'}`, {
          // Part-day time off: "Tue 1 Dec 14:00 – 18:00".
          from: p.startTime ? `${dayText(w, str(p.startDate))} ${str(p.startTime)}` : dayText(w, str(p.startDate)),
          to: p.endTime ? str(p.endTime) : dayText(w, str(p.endDate)),
        }),
        lines: noteLine(w, p),
      };
    case 'swap.decided':
      return { title: t(`notify.swap.decided.${p.status === 'approved' ? 'approved' : 'rejected'}`, { shift }), lines: noteLine(w, p) };
    case 'swap.asked': {
      const exchange = p.targetStart
        ? [t('notify.swap.asked.exchange', { shift: shiftText(w, { start: p.targetStart, end: p.targetEnd, channel: p.channel }) })]
        : [];
      return { title: t('notify.swap.asked', { from: p.from, shift }), lines: exchange };
    }
    case 'swap.answered':
      return { title: t(`notify.swap.answered.${p.accepted ? 'accepted' : 'declined'}`, { to: p.to, shift }), lines: [] };
    case 'swap.withdrawn':
      return { title: t('notify.swap.withdrawn', { from: p.from, shift }), lines: [] };
    case 'openShift.available':
      return { title: t('notify.openShift.available', { shift }), lines: [t('notify.openShift.hint')] };
    case 'openShift.taken':
      return { title: t('notify.openShift.taken', { to: p.to, shift }), lines: [] };
    case 'intradayOffer.available':
      return {
        title: t(`notify.intradayOffer.available.${p.kind === 'vto' ? 'vto' : 'overtime'}`, { stretch: stretchText(w, p) }),
        lines: [t('notify.intradayOffer.hint')],
      };
    case 'intradayOffer.taken':
      return {
        title: t(`notify.intradayOffer.taken.${p.kind === 'vto' ? 'vto' : 'overtime'}`, { to: p.to, stretch: stretchText(w, p) }),
        lines: [],
      };
    case 'openShift.decided': {
      const status = ['approved', 'rejected', 'withdrawn'].includes(str(p.status)) ? str(p.status) : 'rejected';
      return { title: t(`notify.openShift.decided.${status}`, { shift }), lines: [] };
    }
    default:
      return { title: kind, lines: [] };
  }
}

/** The list on /notifications and Home. */
export function notificationItemsView(items: NotificationItem[], w: NotificationWords) {
  return items.map((n) => ({ id: n.id, createdAt: n.createdAt, unread: n.readAt === null, ...notificationText(n.kind, n.params, w) }));
}

/** The delivery loop's writer of notification mails: title, lines, then where to read and switch. */
export function notificationMailRenderer(publicUrl: string, zone: () => string): RenderMessage {
  return (m) => {
    const w: NotificationWords = { locale: isLocale(m.locale) ? m.locale : 'en', zone: zone() };
    const { title, lines } = notificationText(m.kind.slice(MAIL_KIND_PREFIX.length), m.params ?? {}, w);
    const footer = translate(w.locale, 'notify.mail.footer', { link: `${publicUrl}/notifications`, account: `${publicUrl}/account` });
    return {
      subject: translate(w.locale, 'notify.mail.subject', { title }),
      body: [title, '', ...lines, ...(lines.length ? [''] : []), footer].join('\n'),
    };
  };
}

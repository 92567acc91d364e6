/** Template data for the difference between two revisions and the page before publishing. */
import { DateTime } from 'luxon';
import type { ShiftRecord } from '../../app/rota-week';
import type { RotaDiff, ShiftChange } from '../../app/rota-diff';
import type { PublishReview } from '../../app/rota-publish-review';
import type { CoverPage } from '../../app/rota-cover';
import type { Translator } from '../i18n';
import { violationText } from '../i18n/codes';
import { serviceImpactView } from './service-impact';

interface Options {
  t: Translator;
  zone: string;
  names: Map<number, string>;
}

function shiftView(s: ShiftRecord | null, o: Options) {
  if (!s) return null;
  const start = DateTime.fromISO(s.start, { zone: o.zone }).setZone(o.zone);
  return {
    person: o.names.get(s.staffId) ?? String(s.staffId),
    day: start.toISODate(),
    from: start.toFormat('HH:mm'),
    to: DateTime.fromISO(s.end, { zone: o.zone }).setZone(o.zone).toFormat('HH:mm'),
    channelKey: `rota.channel.${s.channel}`,
    locked: s.locked,
  };
}

const changeView = (c: ShiftChange, o: Options) => ({ before: shiftView(c.before, o), after: shiftView(c.after, o) });

export function rotaDiffViewModel(diff: RotaDiff, o: Options) {
  return {
    weekStart: diff.weekStart,
    fromRevision: diff.from?.revision ?? null,
    toRevision: diff.to.revision,
    added: diff.added.map((c) => changeView(c, o)),
    removed: diff.removed.map((c) => changeView(c, o)),
    moved: diff.moved.map((c) => changeView(c, o)),
    none: !diff.added.length && !diff.removed.length && !diff.moved.length,
    people: diff.people.map((p) => ({ ...p, change: Math.round((p.hoursAfter - p.hoursBefore) * 10) / 10 })),
    // Fairness columns only when some unpopular shift (evening, weekend, holiday) changed hands.
    fairness: diff.people.some((p) => JSON.stringify(p.fairnessBefore) !== JSON.stringify(p.fairnessAfter)),
    service: diff.service.map((d) => ({ ...d, channelKey: `rota.channel.${d.channel}` })),
    impact: serviceImpactView(diff.service),
  };
}

export function publishReviewViewModel(review: PublishReview, diff: RotaDiff, o: Options) {
  return {
    ...rotaDiffViewModel(diff, o),
    rotaId: review.rota.id,
    rotaVersion: review.rota.version,
    // The revision seen published now: a publish someone else's overtakes meanwhile is refused (409).
    publishedId: review.published?.id ?? '',
    revision: review.rota.revision,
    publishedRevision: review.published?.revision ?? null,
    violations: review.violations.map((v) => violationText(v, o.t, o.zone)),
    undone: review.undone.map((u) => {
      const start = DateTime.fromISO(u.start, { zone: o.zone }).setZone(o.zone);
      return {
        key: u.kind === 'swap' ? 'rota.publish.undoSwap' : 'rota.publish.undoTimeOff',
        person: o.names.get(u.staffId) ?? String(u.staffId),
        day: start.toISODate(),
        from: start.toFormat('HH:mm'),
        to: DateTime.fromISO(u.end, { zone: o.zone }).setZone(o.zone).toFormat('HH:mm'),
      };
    }),
  };
}

export function coverViewModel(page: CoverPage, o: { zone: string; personName: string }) {
  const start = DateTime.fromISO(page.open.start, { zone: o.zone }).setZone(o.zone);
  return {
    weekStart: page.weekStart,
    uid: page.open.uid,
    person: o.personName,
    day: start.toISODate(),
    from: start.toFormat('HH:mm'),
    to: DateTime.fromISO(page.open.end, { zone: o.zone }).setZone(o.zone).toFormat('HH:mm'),
    channelKey: `rota.channel.${page.open.channel}`,
    serviceLevelBefore: page.serviceLevelBefore,
    serviceLevelAfter: page.serviceLevelAfter,
    // No requirement for the week: no projection to show, said in words rather than "→".
    hasService: page.serviceLevelBefore !== null || page.serviceLevelAfter !== null,
    asaBefore: page.before.asaSeconds,
    asaAfter: page.after?.asaSeconds ?? null,
    hasMiss: page.before.pMeet !== null,
    missBefore: page.before.pMeet === null ? null : 1 - page.before.pMeet,
    missAfter: page.after?.pMeet == null ? null : 1 - page.after.pMeet,
    candidates: page.candidates,
    impact: page.days.length ? serviceImpactView(page.days) : null,
  };
}

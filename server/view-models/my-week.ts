/** Template data for My week (/my-shifts), its day view and the box on Home. */
import { DateTime } from 'luxon';
import type { MyWeek, MyWeekGlance, MyWeekOf, MyWeekShift, Segment } from '../../app/my-week';

const clock = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).setZone(zone).toFormat('HH:mm');
const span = (a: string, b: string, zone: string) => `${clock(a, zone)}–${clock(b, zone)}`;
const hours = (h: number) => Math.round(h * 10) / 10;

export function shiftView(s: MyWeekShift, zone: string) {
  return {
    start: s.start,
    date: s.date,
    time: span(s.start, s.end, zone),
    kind: s.kind,
    kindKey: `myweek.kind.${s.kind}`,
    channel: s.channel,
    channelKey: `rota.channel.${s.channel}`,
    breaks: s.breaks.map((b) => span(b.start, b.end, zone)),
    offQueue: s.offQueue.map((o) => ({ time: span(o.start, o.end, zone), kindKey: `activities.kind.${o.kind}`, title: o.title })),
    hours: hours(s.workedHours),
    isPast: s.state === 'past',
    isNow: s.state === 'now',
    colleagues: s.colleagues.map((c) => ({ name: c.name, channelKey: `rota.channel.${c.channel}` })),
    dayHref: `/my-shifts/day/${s.date}`,
  };
}

function weekView(w: MyWeekOf, zone: string) {
  return {
    weekStart: w.weekStart,
    workedHours: w.workedHours,
    days: w.days.map((d) => ({
      date: d.date,
      // Noon: a label for the local day that no zone offset can move to the day before.
      iso: DateTime.fromISO(d.date, { zone }).set({ hour: 12 }).toUTC().toISO()!,
      past: d.past,
      today: d.today,
      holiday: d.holiday,
      shifts: d.shifts.map((s) => shiftView(s, zone)),
    })),
  };
}

export function myWeekViewModel(w: MyWeek, zone: string) {
  return {
    ...myGlanceViewModel(w, zone),
    hoursOff: w.contractHours !== null && Math.abs(w.thisWeek.workedHours - w.contractHours) > 1,
    thisWeek: weekView(w.thisWeek, zone),
    published: w.thisWeek.published,
    nextWeek: w.nextWeek ? weekView(w.nextWeek, zone) : null,
    laterWeeks: w.laterWeeks.map((l) => weekView(l, zone)),
  };
}

/** Home's box (views/partials/my-glance.hbs): today, now, next and this week's hours. */
export function myGlanceViewModel(w: MyWeekGlance, zone: string) {
  const todayShifts = w.thisWeek.days.find((d) => d.today)?.shifts ?? [];
  return {
    contractHours: w.contractHours,
    thisWeek: { workedHours: w.thisWeek.workedHours },
    today: todayShifts.map((s) => shiftView(s, zone)),
    current: w.current ? shiftView(w.current, zone) : null,
    next: w.next ? shiftView(w.next, zone) : null,
  };
}

export function myDayViewModel(shifts: { start: string; end: string; channel: string; segments: Segment[] }[], zone: string) {
  return shifts.map((s) => ({
    time: span(s.start, s.end, zone),
    channelKey: `rota.channel.${s.channel}`,
    segments: s.segments.map((g) => ({
      time: span(g.start, g.end, zone),
      kind: g.kind,
      kindKey: g.activity ? `activities.kind.${g.activity.kind}` : `myweek.segment.${g.kind}`,
      title: g.activity?.title ?? null,
      channelKey: g.channel ? `rota.channel.${g.channel}` : null,
      minutes: Math.round((Date.parse(g.end) - Date.parse(g.start)) / 60000),
    })),
  }));
}

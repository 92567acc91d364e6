/** The planning period's page: a grid of people × days over all the period's weeks, and the rules it breaks. */
import { DateTime } from 'luxon';
import type { PeriodView } from '../../app/rota-period';
import type { PeriodJob } from '../../app/rota-period-jobs';
import { shiftKind } from '../../scheduling';
import { violationLine, explanationText } from '../i18n/codes';
import type { Translator } from '../i18n';
import type { PeriodRules, ShiftKind } from '../../scheduling';

const KINDS: ShiftKind[] = ['early', 'day', 'late', 'night'];
const NUMBERS = [
  'maxWeekendsPer4Weeks',
  'minDaysOffRun',
  'minWorkRunDays',
  'maxWorkRunDays',
  'maxLateShiftsPer4Weeks',
  'maxNightShiftsPer4Weeks',
  'periodHoursToleranceHours',
] as const;

/** The period rules' form: each number with its label, and every ordered pair of kinds as a checkbox. */
export function periodRulesForm(rules: PeriodRules, t: Translator) {
  const forbidden = new Set(rules.forbiddenSuccessions.map((f) => `${f.from}>${f.to}`));
  return {
    numbers: NUMBERS.map((name) => ({ name, label: t(`period.rules.${name}`), value: rules[name] })),
    successions: KINDS.flatMap((from) =>
      KINDS.filter((to) => to !== from).map((to) => ({
        value: `${from}>${to}`,
        label: t('period.rules.pair', { from: t(`myweek.kind.${from}`), to: t(`myweek.kind.${to}`) }),
        checked: forbidden.has(`${from}>${to}`),
      })),
    ),
  };
}

export interface PeriodCell {
  text: string;
  kind: string;
  title: string;
}

export function periodPageViewModel(view: PeriodView, o: { zone: string; eveningAfter: string; t: Translator; job: PeriodJob | null }) {
  const cal = { zone: o.zone, eveningAfter: o.eveningAfter, holidays: new Set<string>() };
  const start = DateTime.fromISO(view.start, { zone: o.zone });
  const days = view.weeks.length * 7;
  const dayList = Array.from({ length: days }, (_, d) => {
    const day = start.plus({ days: d });
    return {
      date: day.toISODate()!,
      label: day.toFormat('dd.MM'),
      weekday: day.weekday,
      weekend: day.weekday >= 6,
      weekStart: d % 7 === 0,
    };
  });
  const index = new Map(dayList.map((d, i) => [d.date, i]));
  const names = Object.fromEntries(view.people.map((p) => [String(p.id), p.name]));
  const rows = view.people.map((p) => {
    const cells: Array<PeriodCell | null> = Array.from({ length: days }, () => null);
    let hours = 0;
    for (const w of view.weeks)
      for (const s of w.shifts.filter((x) => x.staffId === p.id)) {
        const from = DateTime.fromISO(s.start).setZone(o.zone);
        const to = DateTime.fromISO(s.end).setZone(o.zone);
        const i = index.get(from.toISODate()!);
        const kind = shiftKind(s, cal);
        hours += to.diff(from, 'hours').hours - s.breaks.reduce((m, b) => m + (Date.parse(b.end) - Date.parse(b.start)) / 3_600_000, 0);
        if (i !== undefined)
          cells[i] = { text: `${from.toFormat('HH:mm')}–${to.toFormat('HH:mm')}`, kind, title: o.t(`myweek.kind.${kind}`) };
      }
    return {
      id: p.id,
      name: p.name,
      cells: cells.map((c, i) => ({ cell: c, weekend: dayList[i].weekend })),
      hours: Math.round(hours * 10) / 10,
    };
  });
  const running = o.job && (o.job.state === 'queued' || o.job.state === 'running');
  return {
    start: view.start,
    weekCount: view.weeks.length,
    days: dayList,
    rows,
    weeks: view.weeks.map((w) => ({
      weekStart: w.weekStart,
      rota: w.rota && { id: w.rota.id, revision: w.rota.revision, statusKey: `rota.status.${w.rota.status}` },
      shiftCount: w.shifts.length,
      weeklyViolations: w.violations.length,
      shortfall: w.rota?.shortfallAgentHours ?? null,
    })),
    violations: view.violations.map((v) => ({ code: v.code, text: violationLine(v, names, o.t, o.zone) })),
    weeklyViolations: view.weeks.reduce((n, w) => n + w.violations.length, 0),
    drafts: view.drafts,
    /** Publishing the drafts asks for a reason (period or weekly rules broken). */
    needsReason: view.violations.length > 0 || view.weeks.some((w) => w.rota?.status === 'draft' && w.violations.length > 0),
    allPublished: view.allPublished,
    hasShifts: view.weeks.some((w) => w.shifts.length > 0),
    job: o.job && {
      running,
      cancelled: o.job.state === 'cancelled',
      stateKey: `period.job.${o.job.state}`,
      week: o.job.progress ? o.job.progress.week + 1 : null,
      infeasible: o.job.infeasibleWeek
        ? { weekStart: o.job.infeasibleWeek, reasons: o.job.explanation.map((e) => explanationText(e, o.t, o.zone)) }
        : null,
      errorKey: o.job.errorCode,
    },
  };
}

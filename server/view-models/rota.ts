/** Template data for the rota page: the people × days grid, the coverage heat map, the job. */
import { DateTime } from 'luxon';
import type { Translator } from '../i18n';
import { explanationText, violationLine, violationText } from '../i18n/codes';
import type { RotaWeekData, ShiftRecord } from '../../app/rota-week';
import type { RotaJob } from '../../app/rota-jobs';
import type { ProjectedInterval } from '../../staffing';
import { localHhmm, localTimeOf } from '../../scheduling';
import { riskBands, weekServiceView } from './week-service';
import { georgianHolidaysBetween } from '../../forecasting/calendar/georgian-holidays';

export interface RotaFilter {
  skill?: string;
  role?: string;
}

const hhmm = localHhmm;

/** early: starts before 10:00; late: ends after 20:00 (or after midnight); else day. */
export function shiftType(s: Pick<ShiftRecord, 'start' | 'end'>, zone: string): 'early' | 'day' | 'late' {
  const start = localTimeOf(s.start, zone);
  const end = localTimeOf(s.end, zone);
  if (start.hour < 10) return 'early';
  if (end.date !== start.date || end.hour * 60 + end.minute > 20 * 60) return 'late';
  return 'day';
}

function workedHours(shifts: ShiftRecord[]): number {
  let minutes = 0;
  for (const s of shifts) {
    const total = (Date.parse(s.end) - Date.parse(s.start)) / 60000;
    const breaks = s.breaks.reduce((m, b) => m + (Date.parse(b.end) - Date.parse(b.start)) / 60000, 0);
    minutes += total - breaks;
  }
  return Math.round((minutes / 60) * 10) / 10;
}

export function weekDays(weekStart: string, zone: string) {
  const monday = DateTime.fromISO(weekStart, { zone });
  const holidays = new Set(georgianHolidaysBetween(weekStart, monday.plus({ days: 6 }).toISODate()!).map((h) => h.date));
  return Array.from({ length: 7 }, (_, i) => {
    const d = monday.plus({ days: i });
    return { date: d.toISODate()!, weekday: d.weekday, dayOfMonth: d.day, iso: d.toUTC().toISO()!, holiday: holidays.has(d.toISODate()!) };
  });
}

export function rotaGrid(data: RotaWeekData, filter: RotaFilter, t: Translator, canEdit: boolean) {
  const zone = data.zone;
  const days = weekDays(data.weekStart, zone);
  const byPerson = new Map<number, ShiftRecord[]>();
  for (const s of data.shifts) byPerson.set(s.staffId, [...(byPerson.get(s.staffId) ?? []), s]);
  const shiftViolations = new Map<number, string[]>();
  const personViolations = new Map<string, string[]>();
  for (const v of data.violations) {
    const shift = v.time
      ? data.shifts.find(
          (s) => String(s.staffId) === v.staffId && Date.parse(v.time!) >= Date.parse(s.start) && Date.parse(v.time!) < Date.parse(s.end),
        )
      : undefined;
    if (shift) shiftViolations.set(shift.id, [...(shiftViolations.get(shift.id) ?? []), violationText(v, t, zone)]);
    else personViolations.set(v.staffId ?? '', [...(personViolations.get(v.staffId ?? '') ?? []), violationText(v, t, zone)]);
  }
  const moved = new Map(data.movedAway.map((m) => [m.staffId, m]));
  // Someone moved away has the new team's skills: their shifts here say which channel they work.
  const works = (id: number, skill: string) => moved.has(id) && (byPerson.get(id) ?? []).some((s) => s.channel === skill);
  const people = data.people.filter(
    (p) => (!filter.skill || p.skills.includes(filter.skill) || works(p.id, filter.skill)) && (!filter.role || p.role === filter.role),
  );
  const rows = people.map((p) => {
    const mine = byPerson.get(p.id) ?? [];
    const cells = days.map((d) => {
      const shifts = mine
        .filter((s) => localTimeOf(s.start, zone).date === d.date)
        .map((s) => ({
          id: s.id,
          time: `${hhmm(s.start, zone)}–${hhmm(s.end, zone)}`,
          breakTime: s.breaks.length ? `${hhmm(s.breaks[0].start, zone)}–${hhmm(s.breaks[0].end, zone)}` : '',
          channel: s.channel,
          // Meetings, training, back office and off-queue share: not counted toward coverage.
          offQueue: (s.offQueue ?? []).map((o) => ({
            kind: o.kind,
            kindKey: `activities.kind.${o.kind}`,
            time: `${hhmm(o.start, zone)}–${hhmm(o.end, zone)}`,
          })),
          type: shiftType(s, zone),
          locked: s.locked,
          violations: shiftViolations.get(s.id) ?? [],
        }));
      // Someone now in another team gets no new shift here; their kept shifts stay editable.
      return { date: d.date, shifts, canAdd: canEdit && shifts.length === 0 && !moved.has(p.id) };
    });
    const worked = cells.filter((c) => c.shifts.length > 0).length;
    const owed = data.contracts.get(p.id) ?? p.contractHoursPerWeek;
    return {
      staffId: p.id,
      name: p.name,
      roleKey: `role.${p.role}`,
      skills: p.skills,
      hours: workedHours(mine),
      contract: owed,
      onLeave: owed < p.contractHoursPerWeek,
      hoursOff: Math.abs(workedHours(mine) - owed) > 1,
      daysOff: 7 - worked,
      cells,
      violations: personViolations.get(String(p.id)) ?? [],
      movedTo: moved.get(p.id)?.teamName ?? null,
    };
  });
  return { days, rows };
}

function heatStyle(required: number, onDuty: number): string {
  if (required <= 0 && onDuty <= 0) return '';
  const gap = required - onDuty;
  if (gap > 0.001) {
    const share = Math.min(1, gap / Math.max(1, required));
    return `background:hsl(0,75%,${Math.round(92 - share * 40)}%)`;
  }
  const spare = Math.min(1, -gap / Math.max(1, required));
  return `background:hsl(140,45%,${Math.round(88 - spare * 20)}%)`;
}

/** Per channel: rows = time of day, columns = days; each cell on duty vs required. */
export type CellMode = 'people' | 'sl' | 'asa';

export function coverageHeatMap(data: RotaWeekData, t: Translator, mode: CellMode = 'people') {
  const zone = data.zone;
  const days = weekDays(data.weekStart, zone);
  return data.channels.map((c) => {
    const rows = data.service.filter((r) => r.channel === c.id);
    const byTime = new Map<string, (ProjectedInterval | null)[]>();
    for (const r of rows) {
      const local = localTimeOf(r.start, zone);
      const dayIndex = days.findIndex((d) => d.date === local.date);
      if (dayIndex < 0) continue;
      const time = localHhmm(r.start, zone);
      const line = byTime.get(time) ?? Array<ProjectedInterval | null>(7).fill(null);
      line[dayIndex] = r;
      byTime.set(time, line);
    }
    const times = [...byTime.keys()].sort().filter((time) => byTime.get(time)!.some((r) => r && (r.neededOnQueue > 0 || r.onQueue > 0)));
    const heat = times.map((time) => ({
      time,
      cells: byTime.get(time)!.map((r) => {
        if (!r) return { label: '', style: '', title: '', gap: false };
        const sl = r.serviceLevel === null ? '' : `${t('rota.sl')} ${Math.round(r.serviceLevel * 100)}%`;
        const asa = r.asaSeconds === null ? '' : `${t('rota.asa')} ${t('rota.seconds', { n: Math.round(r.asaSeconds) })}`;
        const risk = r.pMeet === null ? '' : `${t('service.row.risk')} ${Math.round((1 - r.pMeet) * 100)}%`;
        return {
          label: cellLabel(r, mode),
          style: heatStyle(r.neededOnQueue, r.onQueue),
          title: [t('rota.coverageCell', { onDuty: fmt(r.onQueue), required: fmt(r.neededOnQueue) }), sl, asa, risk]
            .filter(Boolean)
            .join(' · '),
          gap: r.onQueue + 0.001 < r.neededOnQueue,
        };
      }),
    }));
    // Day and week figures: the projection's summary, the same on every page.
    const summary = data.projection?.summary.find((x) => x.channel === c.id);
    const perDay = days.map((d) => {
      const f = summary?.days.find((x) => x.date === d.date);
      return { sl: f?.serviceLevel ?? null, asa: f?.asaSeconds ?? null, shortfall: Math.round((f?.shortHours ?? 0) * 10) / 10 };
    });
    return {
      channel: c.id,
      nameKey: c.nameKey,
      heat,
      perDay,
      serviceLevel: summary?.week.serviceLevel ?? null,
      asa: summary?.week.asaSeconds ?? null,
      hasRows: heat.length > 0,
    };
  });
}

function cellLabel(r: ProjectedInterval, mode: CellMode): string {
  if (mode === 'sl') return r.serviceLevel === null ? '' : `${Math.round(r.serviceLevel * 100)}%`;
  if (mode === 'asa') return r.asaSeconds === null ? (r.serviceLevel === 0 ? '∞' : '') : `${Math.round(r.asaSeconds)}`;
  return `${fmt(r.onQueue)}/${fmt(r.neededOnQueue)}`;
}

const fmt = (v: number) => (Math.abs(v - Math.round(v)) < 0.05 ? String(Math.round(v)) : v.toFixed(1));

export function jobView(job: RotaJob | null, nowMs: number, t: Translator, zone: string) {
  // A finished generation is news for a quarter of an hour; after that the revisions tell it.
  if (!job || (job.finishedAt !== null && nowMs - job.finishedAt > 15 * 60_000)) return null;
  const end = job.finishedAt ?? nowMs;
  const p = job.progress;
  const num = (v: number | undefined | null, d = 2) => (v === undefined || v === null || !Number.isFinite(v) ? '–' : v.toFixed(d));
  const unfinished = job.state === 'running' || job.state === 'queued';
  return {
    running: unfinished,
    queued: job.state === 'queued',
    cancelling: unfinished && job.cancelRequested,
    state: job.state,
    // Refused for want of a forecast: not a week whose rules no rota can keep.
    stateKey:
      job.state === 'infeasible' && job.explanation.length > 0 && job.explanation.every((e) => e.code === 'noHistory')
        ? 'rota.job.noHistory'
        : `rota.job.${job.state}`,
    elapsed: Math.max(0, Math.round((end - job.startedAt) / 1000)),
    limit: job.timeLimitSeconds,
    phaseKey: p ? `rota.phase.${p.phase}` : 'rota.phase.prepare',
    objective: num(p?.objective),
    bound: num(p?.bound),
    gap: p?.gap === undefined || p?.gap === null || !Number.isFinite(p.gap) ? '–' : `${(p.gap * 100).toFixed(1)}%`,
    // Shown when a retry happened (an earlier attempt's worker stopped).
    attempt: job.attempts > 1 ? { n: job.attempts, max: job.maxAttempts } : null,
    rotaId: job.rotaId,
    explanation: job.explanation.map((e) => explanationText(e, t, zone)),
    errorKey: job.errorCode,
  };
}

export function rotaSummary(data: RotaWeekData) {
  const r = data.rota;
  if (!r) return null;
  let log: { status?: string; seed?: number; timeLimitSeconds?: number; copiedFrom?: number };
  try {
    log = r.solverLog ? JSON.parse(r.solverLog) : {};
  } catch {
    log = {};
  }
  return {
    id: r.id,
    revision: r.revision,
    status: r.status,
    statusKey: `rota.status.${r.status}`,
    version: r.version,
    isDraft: r.status === 'draft',
    isPublished: r.status === 'published',
    objective: r.objective,
    bound: r.bound,
    gap: r.gap,
    hasObjective: r.objective !== null,
    hasBound: r.bound !== null,
    hasGap: r.gap !== null,
    storedShortfall: r.shortfallAgentHours,
    shortfall: Math.round(data.shortfallAgentHours * 10) / 10,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    publishedAt: r.publishedAt,
    solverStatus: log.status ?? null,
    shiftCount: data.shifts.length,
    violationCount: data.violations.length,
  };
}

/** Everything the rota page template needs. */
export function rotaPageViewModel(
  data: RotaWeekData,
  o: { filter: RotaFilter; cells?: CellMode; t: Translator; nowMs: number; canEdit: boolean; canPublish: boolean },
) {
  const monday = DateTime.fromISO(data.weekStart, { zone: data.zone });
  const names = Object.fromEntries(data.people.map((p) => [String(p.id), p.name]));
  return {
    weekStart: data.weekStart,
    prevWeek: monday.minus({ days: 7 }).toISODate(),
    nextWeek: monday.plus({ days: 7 }).toISODate(),
    filter: o.filter,
    skills: data.channels.map((c) => ({ id: c.id, selected: c.id === o.filter.skill })),
    roles: ['agent', 'team_lead', 'coordinator', 'head'],
    ...rotaGrid(data, o.filter, o.t, o.canEdit && data.rota !== null),
    coverage: coverageHeatMap(data, o.t, o.cells ?? 'people'),
    service: data.projection ? weekServiceView(data.projection) : null,
    riskBands: data.projection ? riskBands(data.projection, o.t) : [],
    cells: o.cells ?? 'people',
    cellModes: ['people', 'sl', 'asa'],
    rota: rotaSummary(data),
    revisions: data.revisions.map((r) => ({
      id: r.id,
      revision: r.revision,
      statusKey: `rota.status.${r.status}`,
      selected: r.id === data.rota?.id,
    })),
    published: data.published ? { id: data.published.id, revision: data.published.revision } : null,
    job: jobView(data.job, o.nowMs, o.t, data.zone),
    requirementSource: data.requirementSource,
    canEdit: o.canEdit,
    canPublish: o.canPublish,
    timeLimits: [10, 30, 60, 120, 300],
    overrides: data.overrides.map((x) => ({
      at: x.at,
      by: x.by ?? '',
      reason: x.reason,
      violations: x.violations.map((v) => violationLine(v, names, o.t, data.zone)),
    })),
  };
}

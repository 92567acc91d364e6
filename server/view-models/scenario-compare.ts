/**
 * Template data of saved scenarios side by side (views/pages/scenarios-compare.hbs): per
 * channel, one small table per figure (service level, ASA, abandoned, hours short, risk of
 * missing), days and the week down, the baseline and each scenario across: narrow enough for a
 * phone. Each cell carries `data-compare`, `data-col`, `data-channel`, `data-day`, `data-value`
 * (rounded as the week-service table rounds).
 */
import { z } from 'zod';
import { DateTime } from 'luxon';
import { COMPARE_MAX, COMPARE_MIN, type ScenarioComparison } from '../../app/scenario-compare';
import type { PeriodFigures } from '../../staffing';
import { figureValues } from './week-service';
import { takesView } from './scenario-takes';

const ID = z
  .string()
  .trim()
  .regex(/^\d{1,10}$/, 'scenario.compare.pick')
  .transform(Number)
  .pipe(z.number().int().positive().max(2_147_483_647));

/** `?ids=1&ids=2` (or `ids=1,2`): one to four saved scenarios, each once. */
export const CompareQuerySchema = z.object({
  ids: z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      [v]
        .flat()
        .flatMap((x) => x.split(','))
        .filter((x) => x.trim() !== ''),
    )
    .pipe(z.array(ID).min(COMPARE_MIN, 'scenario.compare.pick').max(COMPARE_MAX, 'scenario.compare.pick'))
    .transform((ids) => [...new Set(ids)])
    .refine((ids) => ids.length >= COMPARE_MIN, 'scenario.compare.pick'),
});

const FIGURES = [
  { figure: 'sl', kind: 'percent', labelKey: 'service.row.sl', better: 'higher' },
  { figure: 'asa', kind: 'seconds', labelKey: 'service.row.asa', better: 'lower' },
  { figure: 'abandon', kind: 'percent', labelKey: 'service.row.abandon', better: 'lower' },
  { figure: 'short', kind: 'hours', labelKey: 'service.row.short', better: 'lower' },
  { figure: 'missRisk', kind: 'percent', labelKey: 'service.row.missRisk', better: 'lower' },
] as const;

type Figure = (typeof FIGURES)[number]['figure'];

function value(p: PeriodFigures | undefined, f: Figure): number | null {
  if (!p) return null;
  if (f === 'missRisk') return p.missRisk === null ? null : Number(p.missRisk.toFixed(3));
  return figureValues(p)[f];
}

export function compareViewModel(c: ScenarioComparison, zone: string) {
  const channelKeys = new Map(c.channels.map((ch) => [ch.id, ch.nameKey]));
  const columns = c.columns.map((col) => ({
    key: col.id === null ? 'baseline' : String(col.id),
    id: col.id,
    name: col.name,
    input: col.input,
    absent: col.input?.absences?.length ?? 0,
    takes: col.id === null ? null : takesView(col.whatItTakes, channelKeys, zone),
  }));
  return {
    weekStart: c.weekStart,
    columns,
    channels: c.channels.map((ch) => {
      const of = c.columns.map((col) => col.channels.find((x) => x.channel === ch.id));
      const periods = [
        ...c.dates.map((date) => ({ day: date, weekday: DateTime.fromISO(date).weekday, isWeek: false })),
        { day: 'week', weekday: 0, isWeek: true },
      ];
      return {
        channel: ch.id,
        nameKey: ch.nameKey,
        tables: FIGURES.map((f) => ({
          figure: f.figure,
          labelKey: f.labelKey,
          rows: periods.map((p) => {
            const cells = of.map((s, k) => {
              const period = p.isWeek ? s?.week : s?.days.find((d) => d.date === p.day);
              const v = value(period, f.figure);
              return { col: columns[k]!.key, value: v, missing: v === null, kind: f.kind, cls: '' };
            });
            const base = cells[0]!.value;
            for (const cell of cells.slice(1)) {
              if (base === null || cell.value === null || cell.value === base) continue;
              const worse = f.better === 'higher' ? cell.value < base : cell.value > base;
              cell.cls = worse ? 'bad' : 'ok';
            }
            return { ...p, cells };
          }),
        })),
      };
    }),
  };
}

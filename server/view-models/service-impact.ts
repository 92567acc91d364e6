/**
 * Template data of a before/after comparison of the week's projected service per day and
 * channel (views/partials/service-impact.hbs): the publish diff, find cover and the request
 * inbox's cost of a decision. Figures are rounded as the week-service table rounds them
 * (figureValues), and each cell carries `data-impact`, `data-side`, `data-channel`, `data-day`
 * and `data-value`, so a test compares them with the rota page's cells.
 */
import { DateTime } from 'luxon';
import type { PeriodFigures } from '../../staffing';
import { figureValues } from './week-service';

export interface ImpactRow {
  date: string;
  channel: string;
  before: PeriodFigures | null;
  after: PeriodFigures | null;
}

const FIGURES = [
  { figure: 'sl', kind: 'percent', labelKey: 'service.row.sl', worse: (d: number) => d < -0.0005 },
  { figure: 'asa', kind: 'seconds', labelKey: 'service.row.asa', worse: (d: number) => d > 0.5 },
  { figure: 'abandon', kind: 'percent', labelKey: 'service.row.abandon', worse: (d: number) => d > 0.0005 },
  { figure: 'short', kind: 'hours', labelKey: 'service.row.short', worse: (d: number) => d > 0.05 },
  { figure: 'riskyIntervals', kind: 'count', labelKey: 'service.row.riskyIntervals', worse: (d: number) => d > 0 },
] as const;

function value(p: PeriodFigures | null, figure: (typeof FIGURES)[number]['figure']): number | null {
  if (!p) return null;
  if (figure === 'riskyIntervals') return p.riskyIntervals;
  return figureValues(p)[figure];
}

export function serviceImpactView(rows: ImpactRow[]) {
  return {
    figures: FIGURES.map((f) => ({ figure: f.figure, labelKey: f.labelKey })),
    rows: rows.map((r) => ({
      date: r.date,
      weekday: DateTime.fromISO(r.date).weekday,
      channel: r.channel,
      channelKey: `rota.channel.${r.channel}`,
      cells: FIGURES.map((f) => {
        const before = value(r.before, f.figure);
        const after = value(r.after, f.figure);
        return {
          figure: f.figure,
          kind: f.kind,
          sides: [
            { side: 'before', value: before, missing: before === null },
            { side: 'after', value: after, missing: after === null },
          ],
          worse: before !== null && after !== null && f.worse(after - before),
        };
      }),
    })),
  };
}

export type ServiceImpactView = ReturnType<typeof serviceImpactView>;

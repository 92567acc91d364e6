/**
 * Words for the domain's codes. The domain reports a rule break, a reason or a warning as
 * `{ code, params }`; these functions put the parameters into the reader's terms (hours
 * rounded, instants in the team's zone, dates as weekdays, channels by name) and fill the
 * catalogue's message. The web pages and the `wfm` CLI (in English) both render through here.
 */
import { DateTime } from 'luxon';
import { hasMessage, type Translator } from './index';
import type { CodeParam, CodeParams, Explanation, Violation } from '../../scheduling';
import type { ForecastWarning } from '../../forecasting/warnings';
import type { ForecastNote } from '../../forecasting/notes';

const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;
const DATE = /^\d{4}-\d\d-\d\d$/;

/** Up to two decimals, without trailing zeros: 8, 8.5, 8.75. */
export function formatNumber(x: number): string {
  return Number.isFinite(x) ? String(Math.round(x * 100) / 100) : '–';
}

function formatOne(value: string | number, t: Translator, zone: string): string {
  if (typeof value === 'number') return formatNumber(value);
  if (INSTANT.test(value)) {
    const at = DateTime.fromISO(value, { setZone: true }).setZone(zone);
    return at.isValid ? `${t(`weekday.short.${at.weekday}`)} ${at.toFormat('dd.MM HH:mm')}` : value;
  }
  if (DATE.test(value)) {
    const day = DateTime.fromISO(value, { zone });
    return day.isValid ? `${t(`weekday.${day.weekday}`)} ${day.toFormat('dd.MM')}` : value;
  }
  return value;
}

/** Parameters that name a forecasting method (forecasting/notes.ts, warnings.ts). */
const METHOD_PARAMS = new Set(['method', 'best']);
const SHIFT_KIND_PARAMS = new Set(['kind', 'from', 'to']);
const methodName = (m: string, t: Translator) => (hasMessage(`forecast.method.${m}`) ? t(`forecast.method.${m}`) : m);

/** One parameter in words: lists of numbers as 8/9, other lists comma-separated. */
export function formatParam(name: string, value: CodeParam, t: Translator, zone: string): string {
  if (name === 'channel' && typeof value === 'string') return hasMessage(`rota.channel.${value}`) ? t(`rota.channel.${value}`) : value;
  if (METHOD_PARAMS.has(name) && typeof value === 'string') return methodName(value, t);
  if (name === 'methods' && Array.isArray(value)) return value.map((m) => methodName(String(m), t)).join(', ');
  // A shift's kind (early, day, late, night) in the period rules' codes.
  if (SHIFT_KIND_PARAMS.has(name) && typeof value === 'string' && hasMessage(`myweek.kind.${value}`)) return t(`myweek.kind.${value}`);
  if (name === 'holiday' && typeof value === 'string') return hasMessage(`holiday.${value}`) ? t(`holiday.${value}`) : value;
  if (Array.isArray(value)) {
    const list = value as readonly (string | number)[];
    return list.map((v) => formatOne(v, t, zone)).join(list.every((v) => typeof v === 'number') ? '/' : ', ');
  }
  return formatOne(value as string | number, t, zone);
}

/** The catalogue's message `key` with `params` formatted for the reader. */
export function renderCode(t: Translator, key: string, params: CodeParams, zone: string): string {
  return t(key, Object.fromEntries(Object.entries(params).map(([name, v]) => [name, formatParam(name, v, t, zone)])));
}

/** How the rule is broken, e.g. "only 9 h rest, need 12 h". */
export function violationDetail(v: Pick<Violation, 'code' | 'params'>, t: Translator, zone: string): string {
  return renderCode(t, `rota.ruleDetail.${v.code}`, v.params, zone);
}

/** The rule and how it is broken, e.g. "Less than the minimum rest between shifts (only 9 h rest, need 12 h)". */
export function violationText(v: Pick<Violation, 'rule' | 'code' | 'params'>, t: Translator, zone: string): string {
  return `${t(`rota.rule.${v.rule}`)} (${violationDetail(v, t, zone)})`;
}

/**
 * A rule break with the person and time, e.g. "Nino Beridze, Fri 04.12 09:00: Less than the
 * minimum rest between shifts (only 10 h rest, need 12 h)"; `names` by staff id.
 */
export function violationLine(v: Violation, names: Record<string, string>, t: Translator, zone: string): string {
  const rule = violationText(v, t, zone);
  if (v.staffId === null) return rule;
  const name = names[v.staffId] ?? v.staffId;
  return v.time
    ? t('audit.ruleBreak', { name, time: formatParam('time', v.time, t, zone), rule })
    : t('audit.ruleBreakWeek', { name, rule });
}

/** Why no rota exists, e.g. "Nino has 45 contracted hours, more than the 40-hour weekly maximum". */
export function explanationText(e: Explanation, t: Translator, zone: string): string {
  return renderCode(t, `rota.infeasible.${e.code}`, e.params, zone);
}

/** A forecast or backtest warning; a plain string (stored before warnings were codes) is shown as it is. */
export function warningText(w: ForecastWarning | string, t: Translator, zone: string): string {
  return typeof w === 'string' ? w : renderCode(t, `forecast.warning.${w.code}`, w.params, zone);
}

/**
 * Why a forecast is as it is (forecasting/notes.ts): one note, or the reasons for the method as
 * clauses joined with "; ". A plain string (stored before the reasons were codes) is shown as it is.
 */
export function notesText(notes: ForecastNote | readonly ForecastNote[] | string | null | undefined, t: Translator, zone: string): string {
  if (notes === null || notes === undefined) return '';
  if (typeof notes === 'string') return notes;
  const list = Array.isArray(notes) ? (notes as readonly ForecastNote[]) : [notes as ForecastNote];
  return list.map((n) => renderCode(t, `forecast.note.${n.code}`, n.params, zone)).join('; ');
}

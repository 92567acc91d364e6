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

/** One parameter in words: lists of numbers as 8/9, other lists comma-separated. */
export function formatParam(name: string, value: CodeParam, t: Translator, zone: string): string {
  if (name === 'channel' && typeof value === 'string') return hasMessage(`rota.channel.${value}`) ? t(`rota.channel.${value}`) : value;
  if (name === 'method' && typeof value === 'string') return hasMessage(`forecast.method.${value}`) ? t(`forecast.method.${value}`) : value;
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

/** Why no rota exists, e.g. "Nino has 45 contracted hours, more than the 40-hour weekly maximum". */
export function explanationText(e: Explanation, t: Translator, zone: string): string {
  return renderCode(t, `rota.infeasible.${e.code}`, e.params, zone);
}

/** A forecast or backtest warning; a plain string (stored before warnings were codes) is shown as it is. */
export function warningText(w: ForecastWarning | string, t: Translator, zone: string): string {
  return typeof w === 'string' ? w : renderCode(t, `forecast.warning.${w.code}`, w.params, zone);
}

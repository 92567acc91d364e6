/**
 * The message catalogue: every string a user sees goes through `translate`.
 * Messages live in `messages/<area>.ts`, each exporting `{ en, ka }` with the same keys;
 * English is the reference, and a unit test checks every area for missing keys and
 * mismatched `{placeholders}` in Georgian.
 */
import { channelNameOf } from '../../models/channel-names';
import { common } from './messages/common';
import { auth } from './messages/auth';
import { staff } from './messages/staff';
import { history } from './messages/history';
import { holidays } from './messages/holidays';
import { rota } from './messages/rota';
import { change } from './messages/change';
import { forecast } from './messages/forecast';
import { forecastEdits } from './messages/forecast-edits';
import { requests } from './messages/requests';
import { accounts } from './messages/accounts';
import { staffing } from './messages/staffing';
import { teams } from './messages/teams';
import { codes } from './messages/codes';
import { forecastNotes } from './messages/forecast-notes';
import { auditChanges } from './messages/audit-changes';
import { limits } from './messages/limits';
import { account } from './messages/account';
import { tokens } from './messages/tokens';
import { safeguards } from './messages/safeguards';
import { intraday } from './messages/intraday';
import { myWeek } from './messages/my-week';
import { notifications } from './messages/notifications';
import { projection } from './messages/projection';
import { activities } from './messages/activities';
import { fairness } from './messages/fairness';
import { weekTodo } from './messages/week-todo';
import { openShifts } from './messages/open-shifts';
import { period } from './messages/period';
import { intradayOffers } from './messages/intraday-offers';

export const LOCALES = ['en', 'ka'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export interface CatalogueArea {
  en: Record<string, string>;
  ka: Record<string, string>;
}

/** Register every area here; keys are globally unique (areas prefix their keys). */
export const AREAS: Record<string, CatalogueArea> = {
  common,
  auth,
  staff,
  history,
  holidays,
  requests,
  accounts,
  forecast,
  forecastEdits,
  staffing,
  teams,
  rota,
  codes,
  forecastNotes,
  auditChanges,
  limits,
  account,
  tokens,
  safeguards,
  change,
  intraday,
  myWeek,
  notifications,
  projection,
  activities,
  fairness,
  weekTodo,
  openShifts,
  period,
  intradayOffers,
};

const CATALOGUE: Record<Locale, Map<string, string>> = { en: new Map(), ka: new Map() };
for (const area of Object.values(AREAS)) {
  for (const locale of LOCALES) {
    for (const [key, text] of Object.entries(area[locale])) CATALOGUE[locale].set(key, text);
  }
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function hasMessage(key: string): boolean {
  return CATALOGUE.en.has(key) || channelFallback('en', key) !== undefined;
}

/**
 * The message `key` in `locale`, with `{name}` placeholders filled from `params`.
 * A key missing in Georgian falls back to English; a key missing everywhere is a bug,
 * shown as the key itself so that it is visible on the page and caught by tests.
 */
export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const text = CATALOGUE[locale].get(key) ?? CATALOGUE.en.get(key) ?? channelFallback(locale, key);
  if (text === undefined) return key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * A team's own channel ('voice-2') has no catalogue entry of its own: 'rota.channel.voice-2' and
 * 'skill.voice-2' are said as its kind's ('rota.channel.voice', 'skill.voice'), 'channel.voice-2'
 * as its name key's.
 */
function channelFallback(locale: Locale, key: string): string | undefined {
  const m = /^(rota\.channel|channel|skill)\.(.+)$/.exec(key);
  const name = m ? channelNameOf(m[2]) : undefined;
  if (!m || !name) return undefined;
  const alias = m[1] === 'channel' ? name.nameKey : `${m[1]}.${name.kind}`;
  return alias === key ? undefined : (CATALOGUE[locale].get(alias) ?? CATALOGUE.en.get(alias));
}

export type Translator = (key: string, params?: Record<string, unknown>) => string;

export function translator(locale: Locale): Translator {
  return (key, params) => translate(locale, key, params);
}

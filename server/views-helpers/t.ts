import type { HelperOptions } from 'handlebars';
import { isLocale, translate, DEFAULT_LOCALE } from '../i18n';

/**
 * `{{t "key" name=value}}`: the message in the request's locale (from @root.locale).
 * `{{t key params}}` takes the parameters as an object too (a flash message's own).
 */
export function t(key: string, ...args: unknown[]): string {
  const options = args[args.length - 1] as HelperOptions;
  const given = args.length > 1 && args[0] && typeof args[0] === 'object' ? (args[0] as Record<string, unknown>) : {};
  const locale = options.data?.root?.locale;
  return translate(isLocale(locale) ? locale : DEFAULT_LOCALE, key, { ...given, ...(options.hash ?? {}) });
}

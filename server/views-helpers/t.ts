import type { HelperOptions } from 'handlebars';
import { isLocale, translate, DEFAULT_LOCALE } from '../i18n';

/** `{{t "key" name=value}}`: the message in the request's locale (from @root.locale). */
export function t(key: string, options: HelperOptions): string {
  const locale = options.data?.root?.locale;
  return translate(isLocale(locale) ? locale : DEFAULT_LOCALE, key, options.hash ?? {});
}

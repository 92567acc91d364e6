import type { HelperOptions } from 'handlebars';

/** `{{formatNumber value digits}}`: a number in the request's locale; blank for null. */
export function formatNumber(value: unknown, ...rest: unknown[]): string {
  const options = rest[rest.length - 1] as HelperOptions;
  const digits = rest.length > 1 ? rest[0] : undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  const locale = options?.data?.root?.locale === 'ka' ? 'ka-GE' : 'en-GB';
  const d = typeof digits === 'number' ? digits : 0;
  return value.toLocaleString(locale, { minimumFractionDigits: d, maximumFractionDigits: d });
}

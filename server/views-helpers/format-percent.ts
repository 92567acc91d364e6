import type { HelperOptions } from 'handlebars';

/** `{{formatPercent share digits}}`: a share (0..1) as a percentage; blank for null. */
export function formatPercent(value: unknown, ...rest: unknown[]): string {
  const options = rest[rest.length - 1] as HelperOptions;
  const digits = rest.length > 1 ? rest[0] : undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  const locale = options?.data?.root?.locale === 'ka' ? 'ka-GE' : 'en-GB';
  const d = typeof digits === 'number' ? digits : 1;
  return value.toLocaleString(locale, { style: 'percent', minimumFractionDigits: d, maximumFractionDigits: d });
}

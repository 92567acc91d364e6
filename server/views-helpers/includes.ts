/** `{{#if (includes list value)}}`: whether an array contains a value (checked skills). */
export function includes(list: unknown, value: unknown): boolean {
  return Array.isArray(list) && list.includes(value);
}

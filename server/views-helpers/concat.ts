/** `{{t (concat "role." role)}}`: joins strings, for message keys built from a value. */
export function concat(...args: unknown[]): string {
  return args.slice(0, -1).map(String).join('');
}

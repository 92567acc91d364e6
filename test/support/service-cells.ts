/** The week-service figures a page shows, read from its `data-figure` cells (tests of one projection). */

/** `figure|channel|day` → data-value of every week-service cell on the page. */
export function serviceCells(html: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /data-figure="(\w+)" data-channel="([\w-]+)" data-day="([\w-]+)" data-value="([^"]*)"/g;
  for (const m of html.matchAll(re)) out.set(`${m[1]}|${m[2]}|${m[3]}`, m[4]!);
  return out;
}

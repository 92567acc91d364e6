/**
 * Closed intervals that the file left out.
 *
 * Many exports have no row for the hours a centre is closed, although the import format asks
 * for a 0 there. Left missing, every day would lack a total and the daily-profile methods would
 * have nothing to learn from. So, in the training data only: on a day that has data, an
 * interval is taken as closed (0) when the same interval is also missing on at least 75% of
 * the same weekdays with data in the four weeks either side. An interval missing once in an
 * open hour (a logging gap) stays missing, as the format says.
 */

const SHARE_MISSING = 0.75;
const WEEKS_AROUND = 4;

function reportedDays(y: Float64Array, spd: number): boolean[] {
  const nd = Math.ceil(y.length / spd);
  const reported = new Array<boolean>(nd).fill(false);
  for (let i = 0; i < y.length; i++) if (!Number.isNaN(y[i])) reported[Math.floor(i / spd)] = true;
  return reported;
}

/** Whether day `d` has no row at all, or only zeros. */
function closedLike(y: Float64Array, spd: number, d: number, reported: boolean[]): boolean {
  if (!reported[d]) return true;
  for (let j = d * spd; j < Math.min(y.length, (d + 1) * spd); j++) if (y[j] > 0) return false;
  return true;
}

/**
 * A copy of `y` with the usually-missing intervals of reported days set to 0, and the whole
 * days a centre never opens (a weekday absent or all-zero on at least 75% of the same weekdays
 * in the four weeks either side, in a week with other days reported) set to 0: a centre closed
 * at weekends that writes no weekend rows would otherwise be forecast open on Saturday.
 */
export function fillClosedSlots(y: Float64Array, spd: number): Float64Array {
  const reported = reportedDays(y, spd);
  const nd = reported.length;
  const out = y.slice();
  for (let d = 0; d < nd; d++) {
    if (reported[d]) continue;
    let weekOpen = false;
    for (let k = -3; k <= 3; k++) if (d + k >= 0 && d + k < nd && reported[d + k]) weekOpen = true;
    if (!weekOpen) continue;
    let seen = 0;
    let closed = 0;
    for (let k = -WEEKS_AROUND; k <= WEEKS_AROUND; k++) {
      const dd = d + 7 * k;
      if (k === 0 || dd < 0 || dd >= nd) continue;
      seen++;
      if (closedLike(y, spd, dd, reported)) closed++;
    }
    if (seen >= 2 && closed >= SHARE_MISSING * seen) out.fill(0, d * spd, Math.min(y.length, (d + 1) * spd));
  }
  for (let i = 0; i < y.length; i++) {
    if (!Number.isNaN(y[i])) continue;
    const d = Math.floor(i / spd);
    if (!reported[d]) continue;
    let seen = 0;
    let missing = 0;
    for (let k = -WEEKS_AROUND; k <= WEEKS_AROUND; k++) {
      const dd = d + 7 * k;
      const j = i + 7 * k * spd;
      if (k === 0 || dd < 0 || j >= y.length || !reported[dd]) continue;
      seen++;
      if (Number.isNaN(y[j])) missing++;
    }
    if (seen >= 2 && missing >= SHARE_MISSING * seen) out[i] = 0;
  }
  return out;
}

/**
 * The split of blended people between channels: ONE policy, used by the projection
 * (staffing/projection.ts), the rota optimiser's coverage (scheduling/coverage.ts) and the
 * queue simulator's routing (staffing/sim-routing.ts, app/rota-simulate.ts), so that every page counts the same people
 * on the same queue.
 *
 * Policy, applied minute by minute:
 * 1. People with one usable channel (a 'voice' or 'chat' shift, or a 'both' shift of someone
 *    with only one of the two skills) count on that channel.
 * 2. Deficit first: each blended person on duty (a 'both' shift, both skills) goes where a
 *    channel is still below what is needed on the queue, channels in the team's order. This is
 *    what the optimiser assumes: with B blended people the shortfall is
 *    max(0, dv + dc − B), and filling deficits greedily reaches it (each person removes at
 *    most one unit of deficit wherever it is put).
 * 3. Surplus shared: blended people left once no channel is short are shared between the
 *    blended channels in proportion to what each needs on the queue (evenly when neither needs
 *    anyone), as fractions. Nobody on duty is dropped from the count, and a channel already at
 *    its requirement gets the same share of the spare people as its size.
 */

/**
 * Blended people of one moment split over channels.
 * `fixed[c]`: people counted on channel c alone; `needed[c]`: needed on the queue (before
 * shrinkage); `blendedChannel[c]`: whether blended people may serve c. Returns people on the
 * queue per channel (fixed plus the blended share), written into `out` (returned).
 */
export function splitBlended(
  fixed: ArrayLike<number>,
  blended: number,
  needed: ArrayLike<number>,
  blendedChannel: ArrayLike<boolean>,
  out: number[] = new Array<number>(fixed.length).fill(0),
): number[] {
  let pool = blended;
  let neededSum = 0;
  let flexCount = 0;
  for (let c = 0; c < fixed.length; c++) {
    out[c] = fixed[c]!;
    if (!blendedChannel[c]) continue;
    flexCount++;
    neededSum += Math.max(0, needed[c]!);
    const take = Math.min(pool, Math.max(0, needed[c]! - fixed[c]!));
    out[c] += take;
    pool -= take;
  }
  if (pool <= 0 || flexCount === 0) return out;
  for (let c = 0; c < fixed.length; c++) {
    if (!blendedChannel[c]) continue;
    const share = neededSum > 0 ? Math.max(0, needed[c]!) / neededSum : 1 / flexCount;
    out[c] += pool * share;
  }
  return out;
}

/** The channels blended people serve ('both' shifts): voice and chat. */
export const BLENDED_CHANNELS: readonly string[] = ['voice', 'chat'];

/** The policy in words and as data, for pages that explain their figures. */
export function describeQueueSplit(): { code: string; blendedChannels: readonly string[] } {
  return { code: 'staffing.queueSplit.deficitThenShare', blendedChannels: BLENDED_CHANNELS };
}

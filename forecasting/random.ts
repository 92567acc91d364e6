/**
 * The one seeded pseudo-random generator of the project: mulberry32 (Tommy Ettinger, public
 * domain), 32 bits of state, period 2^32, well mixed and tiny. Domain code never calls
 * Math.random(): it takes a seed, so every forecast backtest, simulation, rota search and
 * demo data set is reproducible. It lives in forecasting/ because forecasting is the first
 * domain folder: staffing/, scheduling/ and seeds/ may all import it (nothing here imports
 * anything).
 */

/** The raw stream: unsigned 32-bit integers. */
export function mulberry32Uint(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  const next = mulberry32Uint(seed);
  return () => next() / 4294967296;
}

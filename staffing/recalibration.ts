/**
 * Recalibrating stated probabilities against what happened before, out of sample.
 *
 * The risk model (projection-risk.ts) states a chance of meeting the target from the volume
 * band, absence and an allowance for the interval's own randomness that was measured on voice
 * queues. A channel whose queue behaves differently (chat: conversations of ten minutes, two
 * at once, a three-minute threshold) can be stated consistently too low or too high. Rather
 * than retune that allowance per series, the map from stated to met is learned from the
 * channel's own earlier backtest weeks and applied to the next week only:
 *
 *   q = σ(a · logit(p) + b)      (logistic recalibration, "Platt scaling" on the logit; Platt
 *                                  1999; Kull et al. 2017 call it beta calibration with a = b')
 *
 * fitted by maximum likelihood on (stated p, share met) pairs with a ridge pulling (a, b)
 * towards (1, 0), the identity, so that few weeks change little. a is kept ≥ A_MIN > 0: the
 * map is strictly increasing, so it never reorders intervals (a higher stated chance stays
 * higher). With fewer than MIN_TRAINING pairs it is the identity.
 *
 * Out of sample (`recalibrateFolds`): fold k (a backtest week, in time order) is recalibrated
 * with the map fitted on folds 0..k−1 only, and only when such maps have lowered the Brier
 * score on the folds before it; its own and later outcomes are never seen.
 */
import type { Forecasted } from './reliability';

export interface Recalibration {
  /** Slope on logit(p) (> 0) and offset. Identity: a = 1, b = 0. */
  a: number;
  b: number;
  /** Pairs it was fitted on (0: identity, too few). */
  trainedOn: number;
}

export const IDENTITY: Recalibration = { a: 1, b: 0, trainedOn: 0 };
/** Fewer pairs than this: the identity (about two days of hourly intervals). */
export const MIN_TRAINING = 48;
/** Ridge weight towards the identity, in pairs' worth of evidence. */
export const PRIOR_WEIGHT = 10;
const A_MIN = 0.05;
const EPS = 1e-4;

const clampP = (p: number) => Math.min(1 - EPS, Math.max(EPS, p));
const logit = (p: number) => Math.log(clampP(p) / (1 - clampP(p)));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export function applyRecalibration(r: Recalibration, p: number): number {
  if (r.trainedOn === 0) return p;
  return sigmoid(r.a * logit(p) + r.b);
}

/**
 * Maximum likelihood of σ(a·x + b) against outcomes in [0, 1] (x = logit p), penalised by
 * PRIOR_WEIGHT/2 · ((a − 1)² + b²); Newton's method on the concave objective.
 */
export function fitRecalibration(items: Forecasted[]): Recalibration {
  const pairs = items.filter((i) => Number.isFinite(i.p) && Number.isFinite(i.outcome));
  if (pairs.length < MIN_TRAINING) return IDENTITY;
  const xs = pairs.map((i) => logit(i.p));
  let a = 1;
  let b = 0;
  for (let iter = 0; iter < 50; iter++) {
    // Gradient and Hessian of the penalised log-likelihood.
    let ga = -PRIOR_WEIGHT * (a - 1);
    let gb = -PRIOR_WEIGHT * b;
    let haa = PRIOR_WEIGHT;
    let hab = 0;
    let hbb = PRIOR_WEIGHT;
    pairs.forEach((it, i) => {
      const x = xs[i]!;
      const q = sigmoid(a * x + b);
      const r = it.outcome - q;
      const w = q * (1 - q);
      ga += r * x;
      gb += r;
      haa += w * x * x;
      hab += w * x;
      hbb += w;
    });
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a = Math.max(A_MIN, a + da);
    b += db;
    if (Math.abs(da) < 1e-9 && Math.abs(db) < 1e-9) break;
  }
  return { a, b, trainedOn: pairs.length };
}

/** Mean Brier score of chances against outcomes (shares met). */
const brier = (items: Forecasted[]) => items.reduce((s, { p, outcome: f }) => s + f * (1 - p) ** 2 + (1 - f) * p * p, 0);

/**
 * Each fold's stated probabilities recalibrated with the map fitted on the folds before it,
 * but only once recalibrating has earned it: the map is applied to fold k when, over folds
 * 1..k−1, each recalibrated with the map of the folds before it, the Brier score was lower
 * than as stated. Otherwise (and for fold 0) the fold keeps its stated chances and its map is
 * the identity. A channel whose stated chances are already reliable, or whose distortion
 * changes from week to week, is left alone; nothing of fold k or later is used for fold k.
 */
export function recalibrateFolds(folds: Forecasted[][]): { maps: Recalibration[]; folds: Forecasted[][] } {
  const maps: Recalibration[] = [];
  const out: Forecasted[][] = [];
  const past: Forecasted[] = [];
  let statedScore = 0;
  let recalibratedScore = 0;
  for (const fold of folds) {
    const fitted = fitRecalibration(past);
    const map = fitted.trainedOn > 0 && recalibratedScore < statedScore ? fitted : IDENTITY;
    maps.push(map);
    out.push(fold.map((x) => ({ p: applyRecalibration(map, x.p), outcome: x.outcome })));
    // How the fitted map (applied or not) does on this fold, for the next folds' decision.
    if (fitted.trainedOn > 0) {
      statedScore += brier(fold);
      recalibratedScore += brier(fold.map((x) => ({ p: applyRecalibration(fitted, x.p), outcome: x.outcome })));
    }
    past.push(...fold);
  }
  return { maps, folds: out };
}

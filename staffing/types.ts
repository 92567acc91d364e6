/** Shapes shared by the Erlang models, the requirement search and the week requirement. */

export type QueueModel = 'erlang-c' | 'erlang-a';

/** One interval's work and the people (or chat slots) serving it. */
export interface QueueInput {
  /** Contacts offered in the interval (≥ 0; fractional forecasts allowed). */
  volume: number;
  /** Interval length in seconds (e.g. 1800 for 30 minutes). */
  intervalSeconds: number;
  /** Average handle time in seconds (talk + hold + after-contact work). */
  ahtSeconds: number;
  /** Servers: agents for voice, conversation slots for chat. */
  agents: number;
  /** Service-level threshold T in seconds ("answered within T"); no SL without it. */
  thresholdSeconds?: number;
}

/** Erlang-A adds the callers' mean patience (exponentially distributed). */
export interface ErlangAInput extends QueueInput {
  patienceSeconds: number;
}

/**
 * What a number of servers achieves in one interval.
 * Conventions (both models): serviceLevel = contacts answered within thresholdSeconds ÷ all
 * offered contacts (abandoned ones count as missed); asaSeconds = mean wait of answered
 * contacts; averageWaitSeconds = mean wait over all offered contacts (for abandoned ones,
 * the time until they hung up). In Erlang-C nobody abandons, so both waits are equal.
 */
export interface QueueMetrics {
  model: QueueModel;
  /** Servers the metrics are for (agents, or chat slots). */
  servers: number;
  /** Offered load A = volume × ahtSeconds ÷ intervalSeconds, in Erlangs. */
  loadErlangs: number;
  /** Share of contacts that wait at all (arrive to find every server busy). */
  probabilityOfWait: number;
  /** Share of offered contacts answered within thresholdSeconds; null without threshold. */
  serviceLevel: number | null;
  /** Average speed of answer: mean wait of answered contacts, seconds. */
  asaSeconds: number;
  /** Mean wait over all offered contacts (answered and abandoned), seconds. */
  averageWaitSeconds: number;
  /** Carried load ÷ servers: the share of server time spent handling contacts. */
  occupancy: number;
  /** Share of offered contacts that hang up before an answer (0 in Erlang-C). */
  abandonRate: number;
}

/** The offered load in Erlangs. */
export function loadErlangs(input: { volume: number; intervalSeconds: number; ahtSeconds: number }): number {
  return (input.volume * input.ahtSeconds) / input.intervalSeconds;
}

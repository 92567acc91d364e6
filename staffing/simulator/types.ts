/** Input and output of the queue simulator (see simulate.ts). */
import type { Estimate } from './stats';

export type Channel = 'voice' | 'chat';
export const CHANNELS: readonly Channel[] = ['voice', 'chat'];

export type HandleTimeDistribution = { distribution: 'exponential' } | { distribution: 'lognormal'; cv: number };

export interface SimChannelConfig {
  ahtSeconds: number;
  /** Default exponential (the Erlang assumption). */
  handleTime?: HandleTimeDistribution;
  /** Mean of an exponential patience; omitted: nobody abandons. */
  patienceSeconds?: number;
  thresholdSeconds: number;
}

/** One person's continuous time on duty; a break is the gap between two segments. */
export interface AgentSegment {
  startMs: number;
  endMs: number;
  channels: Channel[];
  /** For a blended agent: the channel served first and counted in (default chat when listed). */
  home?: Channel;
  /** Chats at once (default 1). */
  concurrency?: number;
}

/** Dedicated agents per interval and channel (a staffing plan), with chat concurrency. */
export interface StaffingPlan {
  agents: Partial<Record<Channel, number>>[];
  chatConcurrency?: number;
}

export interface SimulationInput {
  /** Start of the first interval, epoch milliseconds. */
  startMs: number;
  intervalSeconds: number;
  /** Contacts per interval and channel: Poisson means, or with `arrivals: 'counts'` the contacts that came. */
  volumes: Partial<Record<Channel, number>>[];
  /**
   * 'poisson' (default): a Poisson process at rate volume ÷ intervalSeconds. 'counts': exactly
   * the volume's contacts (a fraction rounded up with that chance), at uniformly random times
   * within the interval: a Poisson process given its count, to replay what came (backtests).
   */
  arrivals?: 'poisson' | 'counts';
  channels: Partial<Record<Channel, SimChannelConfig>>;
  /** Either a plan (agents per interval) or a rota (on-duty segments). */
  staffing: { plan: StaffingPlan } | { segments: AgentSegment[] };
  /** Independent replications for the confidence intervals; default 20. */
  replications?: number;
  seed: number;
  /** Intervals [from, to) pooled into `pooled`; default all (skip a warm-up here). */
  pooledIntervals?: [number, number];
}

/** Counts of one replication, channel and interval. */
export interface IntervalCounts {
  offered: number;
  answered: number;
  answeredWithinThreshold: number;
  abandoned: number;
  /** Still waiting when the simulation ran out of agents. */
  unanswered: number;
  waitAnsweredSeconds: number;
  /** Waits of answered contacts plus time to hang up of abandoned ones. */
  waitAllSeconds: number;
  /** Busy capacity-seconds (a chat counts 1/concurrency), clipped to duty time. */
  busySeconds: number;
  /** On-duty seconds of agents who take this channel (a blended agent counts in both). */
  dutySeconds: number;
}

export interface IntervalEstimates {
  offered: Estimate;
  /** Answered within threshold ÷ offered. */
  serviceLevel: Estimate;
  /** Mean wait of answered contacts. */
  asaSeconds: Estimate;
  abandonRate: Estimate;
  occupancy: Estimate;
}

export interface SimulationResult {
  replications: number;
  /** Per channel, one entry per interval. */
  intervals: Partial<Record<Channel, (IntervalEstimates & { startMs: number })[]>>;
  /** Per channel, ratios of sums over pooledIntervals in each replication. */
  pooled: Partial<Record<Channel, IntervalEstimates>>;
}

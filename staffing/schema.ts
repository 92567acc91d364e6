/**
 * The zod schema of one staffing request (the `wfm erlang` input and the pages' form), with
 * the same rules as checkRequest: unknown fields are rejected so that a typo ("aht") is not
 * silently ignored.
 */
import { z } from 'zod';
import { StaffingError } from './errors';
import type { StaffingRequest } from './request';

const typeError = (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : 'must be a number');
const finite = () => z.number({ error: typeError }).refine(Number.isFinite, 'must be finite');
const whole = () => z.number({ error: typeError }).int('must be a whole number');
const share = (open: boolean) =>
  finite().refine(
    (v) => v > 0 && (open ? v < 1 : v <= 1),
    open ? 'must be a fraction in (0, 1), e.g. 0.8 not 80' : 'must be a fraction in (0, 1]',
  );

export const staffingRequestSchema = z
  .strictObject({
    volume: finite().min(0, 'must be ≥ 0 (contacts in the interval)'),
    intervalSeconds: finite().positive('must be > 0 seconds'),
    ahtSeconds: finite().positive('must be > 0 seconds'),
    agents: whole().min(0, 'must be ≥ 0').optional(),
    thresholdSeconds: finite().min(0, 'must be ≥ 0 seconds').optional(),
    targetServiceLevel: share(true).optional(),
    targetAsaSeconds: finite().positive('must be > 0 seconds').optional(),
    maxOccupancy: share(false).optional(),
    shrinkage: finite()
      .min(0, 'must be in [0, 1), e.g. 0.3 not 30')
      .max(1 - Number.EPSILON, 'must be in [0, 1), e.g. 0.3 not 30')
      .optional(),
    patienceSeconds: finite().positive('must be > 0 seconds').optional(),
    maxAbandonRate: share(true).optional(),
    concurrency: whole().min(1, 'must be ≥ 1').optional(),
  })
  .superRefine((r, ctx) => {
    if (r.targetServiceLevel !== undefined && r.thresholdSeconds === undefined) {
      ctx.addIssue({ code: 'custom', path: ['thresholdSeconds'], message: 'is required with targetServiceLevel' });
    }
    if (r.maxAbandonRate !== undefined && r.patienceSeconds === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxAbandonRate'],
        message: 'needs patienceSeconds (Erlang-A): Erlang-C assumes nobody abandons',
      });
    }
    const targets = [r.targetServiceLevel, r.targetAsaSeconds, r.maxOccupancy, r.maxAbandonRate];
    if (r.agents === undefined && targets.every((t) => t === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['targetServiceLevel'],
        message:
          'no target given: give targetServiceLevel (with thresholdSeconds), targetAsaSeconds, maxOccupancy or maxAbandonRate, or agents to evaluate',
      });
    }
  });

/** The schema's output, the same shape as StaffingRequest. */
export type StaffingRequestInput = z.infer<typeof staffingRequestSchema>;

/** "field: reason" for each problem of a failed parse, joined with "; ". */
export function describeZodError(error: z.ZodError): { field: string; reason: string } {
  const parts = error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') return { field: issue.keys.join(', '), reason: 'is not a known field' };
    if (issue.path.length === 0 && issue.code === 'invalid_type') return { field: 'request', reason: 'must be a JSON object' };
    return { field: issue.path.length ? issue.path.join('.') : 'request', reason: issue.message };
  });
  const [first, ...rest] = parts;
  if (!first) return { field: 'request', reason: 'invalid' };
  const more = rest.map((p) => `; ${p.field}: ${p.reason}`).join('');
  return { field: first.field, reason: first.reason + more };
}

/** Parses unknown input (e.g. JSON) into a StaffingRequest, or throws StaffingError. */
export function parseStaffingRequest(input: unknown): StaffingRequest {
  const parsed = staffingRequestSchema.safeParse(input);
  if (!parsed.success) {
    const { field, reason } = describeZodError(parsed.error);
    throw new StaffingError(field, reason);
  }
  return parsed.data;
}

const channel = z.enum(['voice', 'chat']);

/** One person's time on duty, as the simulator takes it (times in epoch ms). */
export const agentSegmentSchema = z
  .strictObject({
    startMs: finite(),
    endMs: finite(),
    channels: z.array(channel).min(1, "must list 'voice' and/or 'chat'"),
    home: channel.optional(),
    concurrency: whole().min(1, 'must be ≥ 1').optional(),
  })
  .refine((s) => s.endMs >= s.startMs, { path: ['endMs'], message: 'must not be before startMs' });

/** One channel's forecast and targets, as weekRequirement takes it. */
export const channelForecastSchema = z.strictObject({
  channel: z.string().min(1, 'is required'),
  intervalSeconds: finite().positive('must be > 0 seconds'),
  ahtSeconds: finite().positive('must be > 0 seconds'),
  thresholdSeconds: finite().min(0, 'must be ≥ 0 seconds').optional(),
  targetServiceLevel: share(true).optional(),
  targetAsaSeconds: finite().positive('must be > 0 seconds').optional(),
  maxOccupancy: share(false).optional(),
  maxAbandonRate: share(true).optional(),
  shrinkage: finite()
    .min(0, 'must be in [0, 1)')
    .max(1 - Number.EPSILON, 'must be in [0, 1)')
    .optional(),
  patienceSeconds: finite().positive('must be > 0 seconds').optional(),
  concurrency: whole().min(1, 'must be ≥ 1').optional(),
  points: z.array(
    z.strictObject({
      start: z.string().min(1, 'is required'),
      volume: finite().min(0, 'must be ≥ 0'),
      ahtSeconds: finite().positive('must be > 0 seconds').optional(),
      open: z.boolean().optional(),
    }),
  ),
});

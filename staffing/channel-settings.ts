/**
 * A channel's queue settings as the staffing maths needs them: its kind, targets, shrinkage and
 * chat concurrency. The stored channel (models/) has these fields and more, so it can be passed
 * as it is. A null target is "not set".
 */
export interface ChannelSettings {
  id: string;
  kind: 'voice' | 'chat';
  targetServiceLevel: number | null;
  thresholdSeconds: number | null;
  targetAsaSeconds: number | null;
  maxOccupancy: number | null;
  /** Share of paid time not available for contacts, in [0, 1). */
  shrinkage: number;
  patienceSeconds: number | null;
  maxAbandonRate: number | null;
  /** Chats an agent holds at once (1 for voice). */
  concurrency: number;
}

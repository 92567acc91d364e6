/** Template data for the shift edit form. */
import { DateTime } from 'luxon';
import type { RotaRecord, ShiftRecord } from '../../app/rota-week';
import { shiftType } from './rota';

export function shiftFormValues(o: {
  rota: RotaRecord;
  shift: ShiftRecord | null;
  staffId: number;
  personName: string;
  date: string | null;
  zone: string;
  personShifts?: ShiftRecord[];
  /** The team's channel ids (default voice and chat); 'both' is offered where the team has both. */
  teamChannels?: string[];
}) {
  const local = (iso: string) => DateTime.fromISO(iso, { zone: o.zone }).setZone(o.zone);
  const s = o.shift;
  return {
    isNew: !s,
    rotaId: o.rota.id,
    rotaVersion: o.rota.version,
    rotaRevision: o.rota.revision,
    rotaStatusKey: `rota.status.${o.rota.status}`,
    rotaIsDraft: o.rota.status === 'draft',
    weekStart: o.rota.weekStart,
    shiftId: s?.id ?? null,
    staffId: o.staffId,
    personName: o.personName,
    channels: shiftChannels(o.teamChannels ?? ['voice', 'chat']),
    values: s
      ? {
          date: local(s.start).toISODate(),
          startTime: local(s.start).toFormat('HH:mm'),
          endTime: local(s.end).toFormat('HH:mm'),
          channel: s.channel,
          locked: s.locked,
        }
      : {
          date: o.date ?? o.rota.weekStart,
          startTime: '09:00',
          endTime: '18:00',
          channel: (o.teamChannels ?? ['voice'])[0] ?? 'voice',
          locked: false,
        },
    violations: [] as string[],
    /** The person's whole week in this revision, for context (rest, days off). */
    weekShifts: (o.personShifts ?? []).map((p) => ({
      start: p.start,
      time: `${local(p.start).toFormat('HH:mm')}–${local(p.end).toFormat('HH:mm')}`,
      channel: p.channel,
      type: shiftType(p, o.zone),
      current: p.id === s?.id,
    })),
  };
}

/** A shift's channel choices: the team's channels, and 'both' (calls + chat) when it has voice and chat. */
function shiftChannels(ids: string[]): string[] {
  return ids.includes('voice') && ids.includes('chat') ? [...ids, 'both'] : ids;
}

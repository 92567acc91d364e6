/**
 * What the shift form shows: the rota, the shift being edited (none when adding), the person
 * and their other shifts in that rota. A shift's own rota and person win over the ones asked
 * for; without a person (neither a shift nor a staff id) there is nothing to show.
 */
import type { DataSource } from '../models';
import { getRota, getShift, listShifts, type RotaRecord, type ShiftRecord } from '../models/repositories/rotas';
import { getStaff } from '../models/repositories/staff';

export type ShiftFormContext =
  | { kind: 'ok'; rota: RotaRecord; shift: ShiftRecord | null; staffId: number; personName: string; personShifts: ShiftRecord[] }
  /** The shift or the rota does not exist. */
  | { kind: 'notFound' }
  /** Adding a shift without saying for whom. */
  | { kind: 'noPerson' };

export async function shiftFormContext(
  ds: DataSource,
  q: { shiftId: number | null; rotaId: number | null; staffId: number | null },
): Promise<ShiftFormContext> {
  const shift = q.shiftId === null ? null : await getShift(ds, q.shiftId);
  if (q.shiftId !== null && !shift) return { kind: 'notFound' };
  const rota = await getRota(ds, shift?.rotaId ?? q.rotaId ?? 0);
  if (!rota) return { kind: 'notFound' };
  const staffId = shift?.staffId ?? q.staffId;
  if (!staffId) return { kind: 'noPerson' };
  const person = await getStaff(ds, staffId);
  const personShifts = (await listShifts(ds, rota.id)).filter((s) => s.staffId === staffId);
  return { kind: 'ok', rota, shift, staffId, personName: person?.name ?? String(staffId), personShifts };
}

import { expect } from 'chai';
import {
  PreferenceFormSchema,
  SwapFormSchema,
  TimeOffFormSchema,
  UnavailabilityFormSchema,
  requestFormErrors,
} from '../../../server/view-models/requests';
import { NewAccountSchema, PasswordFormSchema } from '../../../server/view-models/accounts';

const errorsOf = (result: { success: boolean; error?: unknown }) => (result.success ? {} : requestFormErrors(result.error as never));

describe('request forms: what the zod schemas accept and which message each refusal shows', () => {
  it('TimeOffFormSchema: one-day request is fine; last day before first → requests.error.endDate on endDate', () => {
    expect(TimeOffFormSchema.safeParse({ startDate: '2026-12-01', endDate: '2026-12-01', kind: 'sick' }).success).to.equal(true);
    expect(errorsOf(TimeOffFormSchema.safeParse({ startDate: '2026-12-02', endDate: '2026-12-01', kind: 'vacation' }))).to.deep.equal({
      endDate: 'requests.error.endDate',
    });
  });

  it('TimeOffFormSchema: 92 days is the limit (1 Jan – 2 Apr 2027 is 92 days) → 93 days refused as tooLong', () => {
    expect(TimeOffFormSchema.safeParse({ startDate: '2027-01-01', endDate: '2027-04-02', kind: 'vacation' }).success).to.equal(true);
    expect(errorsOf(TimeOffFormSchema.safeParse({ startDate: '2027-01-01', endDate: '2027-04-03', kind: 'vacation' }))).to.deep.equal({
      endDate: 'requests.error.tooLong',
    });
  });

  it('SwapFormSchema: a swap needs the colleague’s shift, a give-away the colleague; the unused field is dropped', () => {
    expect(errorsOf(SwapFormSchema.safeParse({ shiftId: '4', mode: 'swap', targetShiftId: '', targetStaffId: '7' }))).to.deep.equal({
      targetShiftId: 'requests.error.targetShift',
    });
    expect(errorsOf(SwapFormSchema.safeParse({ shiftId: '4', mode: 'give', targetShiftId: '9', targetStaffId: '' }))).to.deep.equal({
      targetStaffId: 'requests.error.colleague',
    });
    const give = SwapFormSchema.parse({ shiftId: '4', mode: 'give', targetShiftId: '9', targetStaffId: '7', note: ' thanks ' });
    expect(give).to.deep.equal({ shiftId: 4, targetShiftId: null, targetStaffId: 7, note: 'thanks' });
  });

  it('UnavailabilityFormSchema: an end of 00:00 means midnight (24:00); an end before the start is refused', () => {
    expect(UnavailabilityFormSchema.parse({ weekday: '3', fromTime: '18:00', toTime: '00:00' }).toTime).to.equal('24:00');
    expect(errorsOf(UnavailabilityFormSchema.safeParse({ weekday: '3', fromTime: '18:00', toTime: '09:00' }))).to.deep.equal({
      toTime: 'requests.error.timeOrder',
    });
    expect(errorsOf(UnavailabilityFormSchema.safeParse({ weekday: '8', fromTime: '25:00', toTime: '09:00' }))).to.include.keys(
      'weekday',
      'fromTime',
    );
  });

  it('PreferenceFormSchema: a preferred day off needs its weekday; other kinds drop it; weight 1..10', () => {
    expect(errorsOf(PreferenceFormSchema.safeParse({ kind: 'day_off', weekday: '', weight: '3' }))).to.deep.equal({
      weekday: 'requests.error.weekday',
    });
    expect(PreferenceFormSchema.parse({ kind: 'late', weekday: '5', weight: '10' })).to.deep.equal({
      kind: 'late',
      weekday: null,
      weight: 10,
    });
    expect(PreferenceFormSchema.safeParse({ kind: 'late', weekday: '', weight: '11' }).success).to.equal(false);
  });

  it('account forms: username lower-cased, password of 11 characters refused, repeated password must match', () => {
    expect(NewAccountSchema.parse({ username: ' Nino.B ', role: 'agent', staffId: '', password: '012345678901' })).to.deep.include({
      username: 'nino.b',
      staffId: null,
    });
    expect(NewAccountSchema.safeParse({ username: 'nino', role: 'agent', password: '01234567890' }).success).to.equal(false);
    expect(PasswordFormSchema.safeParse({ stamp: 'a'.repeat(20), password: '012345678901', confirm: '012345678900' }).success).to.equal(
      false,
    );
  });
});

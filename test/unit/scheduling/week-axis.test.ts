/**
 * The week's minute axis: the fast reading of an instant with its offset gives luxon's answer
 * (the independent reference) for every form the app stores, and the rule check's context,
 * built once per problem, follows a problem whose inputs change.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { minutesFrom } from '../../../scheduling/week';
import { checkRota } from '../../../scheduling/rules/check-rota';
import { makeProblem, makeShift } from './builders';

describe('scheduling week axis', () => {
  it('minutesFrom, instants with Z or ±HH:MM offsets, with or without seconds and milliseconds, equals luxon', () => {
    const weekStartMs = DateTime.fromISO('2026-12-07', { zone: 'Asia/Tbilisi' }).toMillis();
    fc.assert(
      fc.property(
        fc.integer({ min: -20 * 86_400_000, max: 20 * 86_400_000 }),
        fc.constantFrom('UTC', 'Asia/Tbilisi', 'Europe/London', 'America/St_Johns', 'Asia/Kolkata'),
        fc.constantFrom('full', 'noMillis', 'noSeconds'),
        (offsetMs, zone, form) => {
          const dt = DateTime.fromMillis(weekStartMs + offsetMs, { zone });
          const iso =
            form === 'full'
              ? dt.toISO()!
              : form === 'noMillis'
                ? dt.toISO({ suppressMilliseconds: true })!
                : dt.startOf('minute').toISO({ suppressSeconds: true, suppressMilliseconds: true })!;
          const reference = (DateTime.fromISO(iso).toMillis() - weekStartMs) / 60000;
          expect(minutesFrom(weekStartMs, iso), iso).to.equal(reference);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('minutesFrom, a local time without an offset, reads it as luxon does (the system zone)', () => {
    const iso = '2026-12-08T09:30:00';
    expect(minutesFrom(0, iso)).to.equal(DateTime.fromISO(iso).toMillis() / 60000);
  });

  it('checkRota, the same problem object checked again after its staff changed, sees the new staff', () => {
    const problem = makeProblem();
    const shift = makeShift(0, '09:00', '18:00', '13:00', { staffId: 'a2' });
    expect(checkRota(problem, [shift]).map((v) => v.rule)).to.include('unknownStaff');
    problem.staff = [...problem.staff, { ...problem.staff[0], id: 'a2' }];
    expect(checkRota(problem, [shift]).map((v) => v.rule)).to.not.include('unknownStaff');
  });
});

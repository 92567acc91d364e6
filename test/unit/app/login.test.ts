import { expect } from 'chai';
import { accountKey, accountLockedUntil, addressLockedUntil, type LoginLimitPolicy } from '../../../app/login';

const POLICY: LoginLimitPolicy = { failuresBeforeLock: 5, firstLockMinutes: 1, maxLockMinutes: 60, addressFailuresPer15Min: 3 };
const T0 = Date.parse('2026-12-01T10:00:00.000Z');
const MIN = 60_000;
/** `n` failures one minute apart, the last at T0. */
const failures = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1, at: new Date(T0 - (n - 1 - i) * MIN).toISOString() }));

describe('login limiter policy (app/login.ts)', () => {
  it('account key: trimmed and lower case, so " Salome.Abashidze" and "salome.abashidze" are one account', () => {
    expect(accountKey(' SALOME.ABASHIDZE ')).to.equal(accountKey('salome.abashidze')).and.to.equal('account:salome.abashidze');
  });

  it('account: free below 5 failures; then 1, 2, 4, … minutes after the last, capped at 60', () => {
    expect(accountLockedUntil(failures(4), POLICY)).to.equal(null);
    const waits = [5, 6, 7, 8, 11, 12, 40].map((n) => (accountLockedUntil(failures(n), POLICY)! - T0) / MIN);
    expect(waits).to.deep.equal([1, 2, 4, 8, 60, 60, 60]);
  });

  it('address: limited once the limit is reached, until the oldest counted failure is 15 minutes old', () => {
    expect(addressLockedUntil(failures(2), POLICY)).to.equal(null);
    expect((addressLockedUntil(failures(3), POLICY)! - T0) / MIN).to.equal(15 - 2);
    expect((addressLockedUntil(failures(5), POLICY)! - T0) / MIN).to.equal(15 - 2);
  });
});

import { expect } from 'chai';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../../app/password-policy';
import { retryDelayMs } from '../../../app/notification-outbox';

describe('password policy: length and an offline guessability check', () => {
  it('passwordProblem, fewer than 12 characters (counted as characters, not bytes) → short', () => {
    expect(MIN_PASSWORD_LENGTH).to.equal(12);
    expect(passwordProblem('Tk9#vq2!Lm4')).to.equal('password.error.short');
    expect(passwordProblem('ბ'.repeat(11))).to.equal('password.error.short');
    expect(passwordProblem('x'.repeat(201))).to.equal('password.error.long');
  });

  it('passwordProblem, common passwords and near variants → common', () => {
    for (const p of ['password1234', 'Password123!', 'qwertyuiop123', 'iloveyou1234'])
      expect(passwordProblem(p), p).to.equal('password.error.common');
  });

  it('passwordProblem, repeats and sequences of 12+ characters → weak or common, never accepted', () => {
    for (const p of ['aaaaaaaaaaaa', '123456789012', 'abcdefghijkl'])
      expect(passwordProblem(p), p).to.be.oneOf(['password.error.weak', 'password.error.common']);
  });

  it('passwordProblem, a password built on the username is refused for that user only', () => {
    expect(passwordProblem('nino.beridze2026', ['nino.beridze'])).to.not.equal(null);
    expect(passwordProblem('lantern orbit quietly 47', ['nino.beridze'])).to.equal(null);
  });

  it('passwordProblem, a few unrelated words (Latin or Georgian) → accepted', () => {
    for (const p of ['correct horse battery staple', 'copper meadow sailing 93', 'შვიდი ხიდი თბილისში'])
      expect(passwordProblem(p), p).to.equal(null);
  });
});

describe('notification outbox: the pause before a retry', () => {
  it('retryDelayMs, doubles from 30 s and stops growing at one hour', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).to.deep.equal([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20)).to.equal(3_600_000);
  });
});

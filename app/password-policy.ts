/**
 * The one password policy for every path that sets a password a person chose (the `wfm user`
 * commands, the administrator's accounts page, the account page, the forgotten-password link):
 * at least 12 characters, and not guessable by zxcvbn's offline estimate (score 3 of 4 or more,
 * its dictionaries of common passwords, names and keyboard patterns included).
 * NIST SP 800-63B: length and a check against known-bad passwords, no composition rules.
 * The demo accounts' fixed password is seeded directly and never passes through here.
 * Answers a catalogue key, never a sentence.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
/** zxcvbn's 0–4 scale: 3 is "safely unguessable: moderate protection from offline attacks". */
export const MIN_PASSWORD_SCORE = 3;

export type PasswordProblem = 'password.error.short' | 'password.error.long' | 'password.error.common' | 'password.error.weak';

let estimator: ZxcvbnFactory | null = null;
const strength = () =>
  (estimator ??= new ZxcvbnFactory({ dictionary: { ...zxcvbnCommon.dictionary }, graphs: zxcvbnCommon.adjacencyGraphs }));

/**
 * Null when `password` is acceptable; else why not. `personal` (username, e-mail, name) counts
 * as guessable: a password built on the username is refused.
 */
export function passwordProblem(password: string, personal: (string | null | undefined)[] = []): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'password.error.short';
  if (password.length > MAX_PASSWORD_LENGTH) return 'password.error.long';
  const inputs = personal.filter((s): s is string => !!s && s.length >= 3);
  const result = strength().check(password, inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const warning = result.feedback.warning ?? '';
  return /common|similarToCommon|topTen|topHundred|userInputs/.test(warning) ? 'password.error.common' : 'password.error.weak';
}

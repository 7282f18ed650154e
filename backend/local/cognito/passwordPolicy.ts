/**
 * The production pool's password policy (min 8, upper, lower, digit; no symbol rule), enforced
 * because cognito-local enforces none and a weak password accepted locally would be refused live.
 * Messages are Cognito's own, which Amplify UI shows verbatim.
 */
import { cognitoError } from './errors.js';

export const PASSWORD_POLICY = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: false,
  TemporaryPasswordValidityDays: 7,
};

/** Cognito's first failing rule, in the order the service checks them; null when the password conforms. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_POLICY.MinimumLength) return 'Password not long enough';
  if (!/[a-z]/.test(password)) return 'Password must have lowercase characters';
  if (!/[A-Z]/.test(password)) return 'Password must have uppercase characters';
  if (!/[0-9]/.test(password)) return 'Password must have numeric characters';
  return null;
}

export function assertPasswordPolicy(password: unknown): void {
  if (typeof password !== 'string') return; // a missing parameter is reported by the operation itself
  const problem = passwordProblem(password);
  if (problem) throw cognitoError('InvalidPasswordException', `Password did not conform with policy: ${problem}`);
}

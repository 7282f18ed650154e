/**
 * What Cognito answers, with PreventUserExistenceErrors, where the truth would tell whether an
 * account exists: a code "sent" to a simulated destination. The address is the one the caller
 * typed, masked like a real delivery (dispatch.ts masks every Destination), so a known and an
 * unknown address get the same answer.
 */
import { cognitoError } from '../errors.js';
export function simulatedDelivery(username: unknown) {
  const typed = typeof username === 'string' ? username.trim().toLowerCase() : '';
  return { CodeDeliveryDetails: { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: typed } };
}

/** A missing code is the caller's mistake whoever the user is, so it may be said plainly. */
export function requireCode(code: unknown): asserts code is string {
  if (typeof code !== 'string' || !code)
    throw cognitoError('InvalidParameterException', 'Missing required parameter ConfirmationCode');
}

/** The one refusal for a wrong code, an unknown account and an account with nothing to confirm. */
export const CODE_MISMATCH = () =>
  cognitoError('CodeMismatchException', 'Invalid verification code provided, please try again.');

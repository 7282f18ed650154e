/**
 * RespondToAuthChallenge: adds PASSWORD_VERIFIER, the second half of USER_SRP_AUTH — checks the
 * client's PASSWORD_CLAIM_SIGNATURE against the stored password and issues tokens like
 * cognito-local does for USER_PASSWORD_AUTH. Other challenges stay with cognito-local, except
 * that NEW_PASSWORD_REQUIRED is refused for users who were not asked for one (cognito-local
 * would let anyone set any user's password that way).
 */
import { timingSafeEqual } from 'node:crypto';
import { WRONG_PASSWORD, cognitoError } from '../errors.js';
import { unseal } from '../seal.js';
import { CTX } from '../services.js';
import { expectedSignature } from '../srp.js';
import { ACCESS_TOKEN_SECONDS } from '../tokens.js';
import type { SrpState } from './initiateAuth.js';
import type { Operation } from './types.js';

/** Cognito gives a password-verifier challenge a few minutes. */
const CHALLENGE_TTL_MS = 5 * 60_000;

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export const RespondToAuthChallenge: Operation = async (env, req) => {
  const responses = req.ChallengeResponses ?? {};
  if (req.ChallengeName === 'NEW_PASSWORD_REQUIRED') {
    const { pool } = await env.client(req.ClientId);
    const user = responses.USERNAME ? await pool.getUserByUsername(CTX, String(responses.USERNAME)) : null;
    if (user?.UserStatus !== 'FORCE_CHANGE_PASSWORD')
      throw cognitoError('NotAuthorizedException', 'Invalid session for the user.');
  }
  if (req.ChallengeName !== 'PASSWORD_VERIFIER') return env.delegate('RespondToAuthChallenge', req);

  const { pool, client } = await env.client(req.ClientId);
  const block = responses.PASSWORD_CLAIM_SECRET_BLOCK;
  const state = unseal<SrpState>(env.keys.blockKey, block);
  if (!state || state.client !== client.ClientId || state.user !== responses.USERNAME) {
    throw cognitoError('NotAuthorizedException', 'Invalid session for the user.');
  }
  if (Date.now() - state.at > CHALLENGE_TTL_MS)
    throw cognitoError('NotAuthorizedException', 'Invalid session for the user, session is expired.');
  const user = await pool.getUserByUsername(CTX, state.user);
  if (!user) throw WRONG_PASSWORD();

  const expected = expectedSignature({
    poolName: env.poolName,
    userId: user.Username,
    password: user.Password,
    saltHex: state.salt,
    AHex: state.A,
    bHex: state.b,
    BHex: state.B,
    secretBlock: Buffer.from(String(block), 'base64'),
    timestamp: String(responses.TIMESTAMP ?? ''),
  });
  if (!sameText(expected, String(responses.PASSWORD_CLAIM_SIGNATURE ?? ''))) throw WRONG_PASSWORD();

  // Cognito reveals these only to someone who knows the password.
  if (!user.Enabled) throw cognitoError('NotAuthorizedException', 'User is disabled.');
  if (user.UserStatus === 'UNCONFIRMED') throw cognitoError('UserNotConfirmedException', 'User is not confirmed.');
  if (user.UserStatus === 'RESET_REQUIRED')
    throw cognitoError('PasswordResetRequiredException', 'Password reset required for the user');
  if (user.UserStatus === 'FORCE_CHANGE_PASSWORD') {
    return {
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      ChallengeParameters: { USER_ID_FOR_SRP: user.Username, requiredAttributes: '[]', userAttributes: '{}' },
      Session: block,
    };
  }

  const groups = await pool.listUserGroupMembership(CTX, user);
  const tokens = await env.tokens.generate(CTX, user, groups, client);
  await pool.storeRefreshToken(CTX, tokens.RefreshToken, user);
  return {
    ChallengeParameters: {},
    AuthenticationResult: { ...tokens, ExpiresIn: ACCESS_TOKEN_SECONDS, TokenType: 'Bearer' },
  };
};

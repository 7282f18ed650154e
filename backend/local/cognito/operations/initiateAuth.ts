/**
 * InitiateAuth: adds USER_SRP_AUTH (Amplify's default sign-in; cognito-local has none) and routes
 * REFRESH_TOKEN_AUTH through the session-aware refresh. Other flows (USER_PASSWORD_AUTH) stay
 * with cognito-local.
 */
import { WRONG_PASSWORD, cognitoError } from '../errors.js';
import { seal } from '../seal.js';
import { CTX } from '../services.js';
import { isValidA, startChallenge } from '../srp.js';
import { refreshSession } from './getTokensFromRefreshToken.js';
import type { Operation } from './types.js';

/** What RespondToAuthChallenge needs back, sealed into SECRET_BLOCK. */
export interface SrpState {
  user: string;
  client: string;
  A: string;
  b: string;
  B: string;
  salt: string;
  at: number;
}

export const InitiateAuth: Operation = async (env, req) => {
  const flow = req.AuthFlow;
  if (flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN') {
    const answer = await refreshSession(env, req.ClientId, req.AuthParameters?.REFRESH_TOKEN);
    return answer;
  }
  if (flow !== 'USER_SRP_AUTH') return env.delegate('InitiateAuth', req);

  const { pool, client } = await env.client(req.ClientId);
  const username = req.AuthParameters?.USERNAME;
  const A = req.AuthParameters?.SRP_A;
  if (typeof username !== 'string' || !username)
    throw cognitoError('InvalidParameterException', 'Missing required parameter USERNAME');
  if (typeof A !== 'string' || !isValidA(A)) throw cognitoError('InvalidParameterException', 'Invalid SRP_A');
  const user = await pool.getUserByUsername(CTX, username);
  // App clients hide whether an account exists (PreventUserExistenceErrors, on by default).
  if (!user) throw WRONG_PASSWORD();

  const { saltHex, bHex, BHex } = startChallenge(env.poolName, user.Username, user.Password);
  const state: SrpState = {
    user: user.Username,
    client: client.ClientId,
    A,
    b: bHex,
    B: BHex,
    salt: saltHex,
    at: Date.now(),
  };
  return {
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeParameters: {
      SALT: saltHex,
      SECRET_BLOCK: seal(env.keys.blockKey, state),
      SRP_B: BHex,
      USERNAME: user.Username,
      USER_ID_FOR_SRP: user.Username,
    },
  };
};

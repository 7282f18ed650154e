/**
 * One Cognito operation call: the operations added here first (one file each in operations/),
 * then cognito-local's own targets. Around both: the local key for admin and list operations
 * (IAM-only in AWS), lower-cased emails, the password policy, access-token checks for
 * cognito-local's token-taking targets, masked delivery addresses, and a named refusal for
 * anything neither implements.
 */
import type { Router } from 'cognito-local/lib/server/Router.js';
import { isSupportedTarget } from 'cognito-local/lib/targets/Target.js';
import { cognitoError } from './errors.js';
import { LOCAL_KEY_HEADER, PUBLIC_OPERATIONS } from './localKey.js';
import { checkPasswordPolicy, maskResponse, normalizeRequest } from './normalize.js';
import { AdminUserGlobalSignOut } from './operations/adminUserGlobalSignOut.js';
import { ConfirmForgotPassword } from './operations/confirmForgotPassword.js';
import { ConfirmSignUp } from './operations/confirmSignUp.js';
import { ForgotPassword } from './operations/forgotPassword.js';
import { GetTokensFromRefreshToken } from './operations/getTokensFromRefreshToken.js';
import { GlobalSignOut } from './operations/globalSignOut.js';
import { InitiateAuth } from './operations/initiateAuth.js';
import { ResendConfirmationCode } from './operations/resendConfirmationCode.js';
import { RespondToAuthChallenge } from './operations/respondToAuthChallenge.js';
import type { OpEnv, Operation } from './operations/types.js';
import { CTX } from './services.js';

const ADDED: Record<string, Operation> = {
  AdminUserGlobalSignOut,
  ConfirmForgotPassword,
  ConfirmSignUp,
  ForgotPassword,
  GetTokensFromRefreshToken,
  GlobalSignOut,
  InitiateAuth,
  ResendConfirmationCode,
  RespondToAuthChallenge,
};

/** `admin`: the caller presented the local key (or is the cloud's own code). */
export type Dispatch = (op: string, body: unknown, caller: { admin: boolean }) => Promise<unknown>;

export function createDispatch(env: OpEnv, router: Router): Dispatch {
  return async (op, body, caller) => {
    if (!caller.admin && !PUBLIC_OPERATIONS.has(op)) {
      throw cognitoError(
        'AccessDeniedException',
        `${op} is an admin operation: Huddle's local Cognito answers it only with the local key (${LOCAL_KEY_HEADER}) the cloud's own code holds.`,
      );
    }
    const added = Object.hasOwn(ADDED, op) ? ADDED[op] : undefined;
    if (!added && !isSupportedTarget(op)) {
      throw cognitoError('UnsupportedOperationException', `Huddle's local Cognito does not support ${op}`);
    }
    const req = normalizeRequest(body);
    checkPasswordPolicy(op, req);
    // cognito-local's targets only decode access tokens; check them as Cognito would first.
    if (!added && req.AccessToken !== undefined) await env.authenticate(req.AccessToken);
    const res = added ? await added(env, req) : await router(op)(CTX, req);
    return maskResponse(res);
  };
}

import { fetchAuthSession } from 'aws-amplify/auth';
import type { SessionUser } from './types';

/** Reads 'cognito:groups' from an access token payload; anything malformed counts as no groups. */
export function groupsFromTokenPayload(payload: Record<string, unknown>): string[] {
  const groups = payload['cognito:groups'];
  return Array.isArray(groups) ? groups.filter((group): group is string => typeof group === 'string') : [];
}

/**
 * The signed-in user, or null. fetchAuthSession answers from Amplify's token cache and only
 * goes to Cognito when the access token has expired, so this is cheap to call.
 */
export async function readSignedInUser(): Promise<SessionUser | null> {
  try {
    const { tokens } = await fetchAuthSession();
    const payload = tokens?.accessToken.payload;
    if (!payload || typeof payload.sub !== 'string') return null;
    const username = typeof payload.username === 'string' ? payload.username : payload.sub;
    return { sub: payload.sub, username, groups: groupsFromTokenPayload(payload) };
  } catch {
    // A refresh that fails (revoked or expired refresh token) means: not signed in.
    return null;
  }
}

/**
 * New tokens now, whatever their expiry: an administrator changed the user's groups, and the
 * access token carries the groups it was issued with.
 */
export async function refreshTokens(): Promise<void> {
  await fetchAuthSession({ forceRefresh: true });
}

/** `global: true` also revokes the refresh tokens on every other device (Cognito GlobalSignOut). */
export async function signOut(options: { global?: boolean } = {}): Promise<void> {
  const { amplifySignOut } = await import('./amplifySignOut');
  await amplifySignOut({ global: options.global ?? false });
}

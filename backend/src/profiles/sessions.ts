import type { Kysely } from 'kysely';
import type { UserDirectory } from '../context.js';
import type { Database, ProfileRow } from '../db/types.js';

/**
 * Ending sessions. Cognito access tokens stay valid until they expire, so the API keeps a cut-off
 * per user and refuses every session that signed in at or before it. A session is known by two
 * claims Cognito puts in every token of one sign-in and keeps across refreshes: `auth_time` (when
 * the user signed in) and `origin_jti` (the sign-in's id). `iat` would not do: a token refreshed
 * after the cut-off carries a new one, so a stolen refresh token would outlive the cut-off.
 */
export type CutOff = Pick<ProfileRow, 'tokens_valid_after' | 'tokens_kept_session'>;

/** The sign-in a token belongs to (Cognito's `origin_jti`), or null when it carries none. */
export function sessionIdOf(claims: Record<string, unknown>): string | null {
  return typeof claims.origin_jti === 'string' && claims.origin_jti ? claims.origin_jti : null;
}

/**
 * Whether the cut-off ended the session these claims belong to. A sign-in in the same second as
 * the cut-off is refused too (auth_time has whole seconds); a token without auth_time is refused
 * whenever there is a cut-off at all.
 */
export function sessionEnded(cutOff: CutOff, claims: Record<string, unknown>): boolean {
  if (!cutOff.tokens_valid_after) return false;
  const session = sessionIdOf(claims);
  if (session !== null && session === cutOff.tokens_kept_session) return false;
  const authTime = Number(claims.auth_time);
  if (!Number.isFinite(authTime)) return true;
  return authTime <= Math.floor(cutOff.tokens_valid_after.getTime() / 1000);
}

/** Ends every session of `userId` that signed in until `at`, except `keep` (a session id) when given. */
export async function endSessions(
  db: Kysely<Database>,
  userId: string,
  at: Date,
  keep: string | null = null,
): Promise<void> {
  await db
    .updateTable('profiles')
    .set({ tokens_valid_after: at, tokens_kept_session: keep })
    .where('id', '=', userId)
    .execute();
}

/**
 * Ends every session of the user, everywhere: the user pool revokes the refresh tokens first
 * (should that fail, nothing changed and it can be tried again), then the API refuses every session
 * that signed in until now. "Sign out of all devices" and a password reset both come here.
 */
export async function signOutEverywhere(
  directory: Pick<UserDirectory, 'signOutEverywhere'>,
  db: Kysely<Database>,
  userId: string,
  at: Date,
): Promise<void> {
  await directory.signOutEverywhere(userId);
  await endSessions(db, userId, at);
}

/** The cut-off of one user, for checks made outside a resolver (the local gateway, on delivery). */
export async function readCutOff(db: Kysely<Database>, userId: string): Promise<CutOff | null> {
  const row = await db
    .selectFrom('profiles')
    .select(['tokens_valid_after', 'tokens_kept_session'])
    .where('id', '=', userId)
    .executeTakeFirst();
  return row ?? null;
}

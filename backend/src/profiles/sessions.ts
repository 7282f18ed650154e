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

/** Allowance for Cognito's clock and this server's disagreeing, on top of the second to let pass. */
const CLOCK_MARGIN_MS = 50;

/**
 * Ends every session of `userId` that signed in until `at`, except `keep` (a session id) when given.
 *
 * auth_time has whole seconds, so a sign-in later in the cut-off's own second could not be told
 * from one just before it, and would be refused too. So this returns only once that second is
 * over: every sign-in after the call (the user signing in again on another device right after a
 * password change or reset) is accepted, and nothing signed in before it is. The cost is up to a
 * second on these rare calls.
 */
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
  const secondOver = (Math.floor(at.getTime() / 1000) + 1) * 1000 + CLOCK_MARGIN_MS;
  const wait = secondOver - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
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

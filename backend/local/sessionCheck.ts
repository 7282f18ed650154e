/**
 * The local gateway's check before each subscription delivery: has this subscriber's session been
 * ended since the subscription started (sign out of all devices, a password change or reset)?
 * AppSync has no such check (in AWS short access tokens bound it; see backend/src/tokenLifetime.ts).
 *
 * Cut-offs are remembered per user, so a delivery does not wait behind the embedded database's
 * queue; whoever ends sessions calls `forget`, and a read that raced with it is not kept.
 */
import type { Kysely } from 'kysely';
import { refuseEndedSession } from '../src/caller.js';
import type { Database } from '../src/db/types.js';
import type { CognitoIdentity } from '../src/event.js';
import { readCutOff, type CutOff } from '../src/profiles/sessions.js';
import { Lru } from './appsync/lru.js';

export function sessionCheck(db: Kysely<Database>, size = 1000) {
  const known = new Lru<string, { cutOff: CutOff | null }>(size);
  /** bumped by every `forget`, so a read that started before it is not remembered */
  const generations = new Map<string, number>();

  return {
    /** Throws the API's own Unauthorized error when the subscriber's session has ended. */
    async check(identity: CognitoIdentity): Promise<void> {
      let entry = known.get(identity.sub);
      if (!entry) {
        const generation = generations.get(identity.sub) ?? 0;
        entry = { cutOff: await readCutOff(db, identity.sub) };
        if ((generations.get(identity.sub) ?? 0) === generation) known.set(identity.sub, entry);
      }
      if (entry.cutOff) refuseEndedSession(entry.cutOff, identity.claims);
    },
    /** The user's sessions were just ended: read the cut-off again at the next delivery. */
    forget(userId: string): void {
      known.delete(userId);
      generations.set(userId, (generations.get(userId) ?? 0) + 1);
    },
  };
}

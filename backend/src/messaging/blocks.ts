import type { Caller, Services } from '../context.js';
import { validation } from '../errors.js';
import { requireSameUniversityUser } from '../profiles/publicProfile.js';

/**
 * Blocking someone stops them messaging me (sendMessage checks `blocks` both ways) and joining my
 * activities (the activities domain checks it). Both mutations are idempotent.
 */
async function requireOtherUser(caller: Caller, userId: unknown, services: Services) {
  if (userId === caller.sub)
    throw validation('block.self', 'You cannot block or unblock yourself.', { field: 'userId' });
  return requireSameUniversityUser(services.db, caller, userId);
}

export async function blockUser(caller: Caller, args: Record<string, unknown>, services: Services) {
  const other = await requireOtherUser(caller, args.userId, services);
  await services.db
    .insertInto('blocks')
    .values({ blocker_id: caller.sub, blocked_id: other.id })
    .onConflict((oc) => oc.columns(['blocker_id', 'blocked_id']).doNothing())
    .execute();
  return true;
}

export async function unblockUser(caller: Caller, args: Record<string, unknown>, services: Services) {
  const other = await requireOtherUser(caller, args.userId, services);
  await services.db
    .deleteFrom('blocks')
    .where('blocker_id', '=', caller.sub)
    .where('blocked_id', '=', other.id)
    .execute();
  return true;
}

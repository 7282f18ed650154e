import { sql } from 'kysely';
import type { Caller, Services } from '../context.js';
import { countUnreadNotifications } from '../notifications/queries.js';

/**
 * Query.unreadCounts, the nav badges. Messages are counted from the messages themselves (sent to
 * me after my read marker in their conversation): no notification row is stored per message.
 */
export async function unreadCounts(caller: Caller, _args: unknown, services: Services) {
  const [messages, notifications] = await Promise.all([
    services.db
      .selectFrom('messages as m')
      .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('m.recipient_id', '=', caller.sub)
      .where(
        sql<boolean>`m.created_at > coalesce(case when c.user_a = ${caller.sub} then c.a_read_at else c.b_read_at end, '-infinity')`,
      )
      .executeTakeFirstOrThrow(),
    countUnreadNotifications(services.db, caller.sub),
  ]);
  return { messages: Number(messages.count), notifications };
}

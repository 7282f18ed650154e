import type { Transaction } from 'kysely';
import type { Caller, Services } from '../context.js';
import type { Database, MessageRow } from '../db/types.js';
import { conflict, forbidden, validation } from '../errors.js';
import { requireSameUniversityUser } from '../profiles/publicProfile.js';
import { withTransaction } from './transaction.js';
import { conversationIdFor, requireClientId, requireMessageText } from './validate.js';
import { toMessageView } from './views.js';

/**
 * Mutation.sendMessage. Idempotent on (sender, clientId): a retry — even 20 at once — returns the
 * message the first attempt stored. The returned Message is what AppSync pushes to the recipient's
 * onMessage subscription, so nothing else is published.
 *
 * No NEW_MESSAGE notification row is stored per message: one per message would flood the
 * notification centre. Unread messages are counted from the messages themselves (unreadCounts and
 * each conversation's unreadCount) and arrive live through onMessage.
 */
export async function sendMessage(caller: Caller, args: Record<string, unknown>, services: Services) {
  const clientId = requireClientId(args.clientId);
  const text = requireMessageText(args.text);
  if (args.recipientId === caller.sub) throw validation('You cannot send a message to yourself.', 'recipientId');
  const recipient = await requireSameUniversityUser(services.db, caller, args.recipientId);
  const pair = conversationIdFor(caller.sub, recipient.id);

  const message = await withTransaction(services, async (trx) => {
    // A retry of a message that was stored answers with it, even if a block came in between.
    const earlier = await findByClientId(trx, caller.sub, clientId);
    if (earlier) return sameMessageOrConflict(earlier, recipient.id, text);
    await refuseIfBlocked(trx, caller.sub, recipient.id);

    // Two people writing to each other for the first time at the same moment: the primary key lets
    // one insert win, and the row lock then orders every send of the pair.
    await trx
      .insertInto('conversations')
      .values({
        id: pair.id,
        university_id: caller.profile.university_id,
        user_a: pair.userA,
        user_b: pair.userB,
        last_message_at: services.now(),
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const conversation = await trx
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', pair.id)
      .forUpdate()
      .executeTakeFirstOrThrow();

    // Strictly after the previous message, so history order and read markers never tie.
    const previous = conversation.last_message_id ? conversation.last_message_at.getTime() + 1 : 0;
    const createdAt = new Date(Math.max(services.now().getTime(), previous));
    const inserted = await trx
      .insertInto('messages')
      .values({
        conversation_id: pair.id,
        sender_id: caller.sub,
        recipient_id: recipient.id,
        client_id: clientId,
        text,
        created_at: createdAt,
      })
      .onConflict((oc) => oc.columns(['sender_id', 'client_id']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!inserted) {
      // A concurrent attempt with this clientId stored it first (it committed while we waited).
      const winner = await findByClientId(trx, caller.sub, clientId);
      if (!winner) throw conflict('This message is being sent already: try again in a moment.');
      return sameMessageOrConflict(winner, recipient.id, text);
    }

    // The sender has obviously seen the conversation up to their own message.
    await trx
      .updateTable('conversations')
      .set({
        last_message_id: inserted.id,
        last_message_at: createdAt,
        ...(pair.userA === caller.sub ? { a_read_at: createdAt } : { b_read_at: createdAt }),
      })
      .where('id', '=', pair.id)
      .execute();
    return inserted;
  });
  return toMessageView(message);
}

const findByClientId = (trx: Transaction<Database>, senderId: string, clientId: string) =>
  trx
    .selectFrom('messages')
    .selectAll()
    .where('sender_id', '=', senderId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();

function sameMessageOrConflict(existing: MessageRow, recipientId: string, text: string): MessageRow {
  if (existing.recipient_id !== recipientId || existing.text !== text) {
    throw conflict('This clientId was already used for a different message: send it with a new clientId.');
  }
  return existing;
}

async function refuseIfBlocked(trx: Transaction<Database>, me: string, them: string) {
  const blocks = await trx
    .selectFrom('blocks')
    .select(['blocker_id'])
    .where((eb) =>
      eb.or([
        eb.and([eb('blocker_id', '=', me), eb('blocked_id', '=', them)]),
        eb.and([eb('blocker_id', '=', them), eb('blocked_id', '=', me)]),
      ]),
    )
    .execute();
  if (blocks.some((b) => b.blocker_id === them)) throw forbidden('This person is not accepting messages from you.');
  if (blocks.length) throw conflict('You blocked this person: unblock them to send a message.');
}

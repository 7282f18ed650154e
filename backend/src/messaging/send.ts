import type { Transaction } from 'kysely';
import type { Caller, Services } from '../context.js';
import type { Database, MessageRow } from '../db/types.js';
import { conflict, forbidden, notFound, validation } from '../errors.js';
import { rateLimitsOf, takeFromLimits } from '../shared/rateLimit.js';
import { runWrite } from '../shared/transaction.js';
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
  if (args.recipientId === caller.sub)
    throw validation('message.toSelf', 'You cannot send a message to yourself.', { field: 'recipientId' });
  const recipientId = args.recipientId;
  if (typeof recipientId !== 'string' || recipientId.length === 0 || recipientId.length > 128) {
    throw notFound('person.notFound', 'That person');
  }

  // One read before any write: the recipient (of my university, else "not found"), a message this
  // clientId already stored, and blocks either way.
  const found = await services.db
    .selectFrom('profiles as r')
    .leftJoin('messages as earlier', (join) =>
      join.on('earlier.sender_id', '=', caller.sub).on('earlier.client_id', '=', clientId),
    )
    .select((eb) => [
      'r.id as found_recipient_id',
      'earlier.id',
      'earlier.conversation_id',
      'earlier.sender_id',
      'earlier.recipient_id',
      'earlier.client_id',
      'earlier.text',
      'earlier.created_at',
      eb
        .exists(
          eb
            .selectFrom('blocks')
            .select('blocker_id')
            .where('blocker_id', '=', caller.sub)
            .whereRef('blocked_id', '=', 'r.id'),
        )
        .as('i_blocked'),
      eb
        .exists(
          eb
            .selectFrom('blocks')
            .select('blocker_id')
            .whereRef('blocker_id', '=', 'r.id')
            .where('blocked_id', '=', caller.sub),
        )
        .as('blocked_me'),
    ])
    .where('r.id', '=', recipientId)
    .where('r.university_id', '=', caller.profile.university_id)
    .executeTakeFirst();
  if (!found) throw notFound('person.notFound', 'That person');
  const recipient = { id: found.found_recipient_id };
  // The answer to sendMessage is what AppSync pushes to the recipient's onMessage: someone who has
  // blocked the sender since must not get even an old message again, so a retry is refused then
  // (the message itself stays where it was, in both histories).
  if (found.id && found.blocked_me) {
    throw forbidden('message.blockedByRecipient', 'This person is not accepting messages from you.');
  }
  // A retry of a message that was stored answers with it, even if the sender blocked the recipient since.
  if (
    found.id &&
    found.conversation_id &&
    found.sender_id &&
    found.recipient_id &&
    found.client_id &&
    found.text !== null &&
    found.created_at
  ) {
    const earlier: MessageRow = {
      id: found.id,
      conversation_id: found.conversation_id,
      sender_id: found.sender_id,
      recipient_id: found.recipient_id,
      client_id: found.client_id,
      text: found.text,
      created_at: found.created_at,
    };
    return toMessageView(sameMessageOrConflict(earlier, recipient.id, text));
  }
  if (found.blocked_me)
    throw forbidden('message.blockedByRecipient', 'This person is not accepting messages from you.');
  if (found.i_blocked) throw conflict('message.youBlocked', 'You blocked this person: unblock them to send a message.');
  const pair = conversationIdFor(caller.sub, recipient.id);

  const message = await runWrite(services, async (trx) => {
    // Two people writing to each other for the first time at the same moment: the primary key lets
    // one insert win, and the row lock then orders every send of the pair. A conflicting insert
    // that updates the row (to the values it has) takes that row lock and returns the row as
    // committed, in the same round trip.
    const conversation = await trx
      .insertInto('conversations')
      .values({
        id: pair.id,
        university_id: caller.profile.university_id,
        user_a: pair.userA,
        user_b: pair.userB,
        last_message_at: services.now(),
      })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({ last_message_at: eb.ref('conversations.last_message_at') })),
      )
      .returningAll()
      .executeTakeFirstOrThrow();

    // Strictly after the previous message, so history order and read markers never tie.
    const previous = conversation.last_message_id ? conversation.last_message_at.getTime() + 1 : 0;
    const createdAt = new Date(Math.max(services.now().getTime(), previous));
    // The message and the conversation's new last message, in one statement: the update only
    // happens if the insert did (a data-modifying WITH).
    const inserted = await trx
      .with('inserted', (db) =>
        db
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
          .returningAll(),
      )
      .with('latest', (db) =>
        db
          .updateTable('conversations')
          // The sender has obviously seen the conversation up to their own message.
          .set((eb) => ({
            last_message_id: eb.selectFrom('inserted').select('inserted.id'),
            last_message_at: createdAt,
            ...(pair.userA === caller.sub ? { a_read_at: createdAt } : { b_read_at: createdAt }),
          }))
          .where('id', '=', pair.id)
          .where((eb) => eb.exists(eb.selectFrom('inserted').select('inserted.id'))),
      )
      .selectFrom('inserted')
      .selectAll()
      .executeTakeFirst();
    if (!inserted) {
      // A concurrent attempt with this clientId stored it first (it committed while we waited).
      const winner = await findByClientId(trx, caller.sub, clientId);
      if (!winner) throw conflict('message.inFlight', 'This message is being sent already: try again in a moment.');
      return sameMessageOrConflict(winner, recipient.id, text);
    }
    // Counted once stored (a retry or a lost race is not a new message); over a limit, the whole
    // write rolls back and the message is not stored.
    const { messagesPerMinute, messagesPerDay } = rateLimitsOf(services);
    await takeFromLimits(
      trx,
      caller.sub,
      [
        {
          action: 'message.send',
          max: messagesPerMinute,
          windowMs: 60_000,
          code: 'rateLimit.messagesPerMinute',
          message: (retryAt) =>
            `You have sent ${messagesPerMinute} messages in the last minute. You can send the next one from ${retryAt.toISOString()}.`,
        },
        {
          action: 'message.send',
          max: messagesPerDay,
          windowMs: 24 * 60 * 60_000,
          code: 'rateLimit.messagesPerDay',
          message: (retryAt) =>
            `You have sent ${messagesPerDay} messages in the last 24 hours. You can send the next one from ${retryAt.toISOString()}.`,
        },
      ],
      services.now(),
    );
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
    throw conflict(
      'clientId.reused',
      'This clientId was already used for a different message: send it with a new clientId.',
      { field: 'clientId' },
    );
  }
  return existing;
}

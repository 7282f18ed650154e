import { sql, type Kysely } from 'kysely';
import type { Database, ConversationRow, MessageRow } from '../db/types.js';
import { toPublicProfile, type PublicProfileView } from '../profiles/publicProfile.js';

export interface MessageView {
  id: string;
  conversationId: string;
  senderId: string;
  recipientId: string;
  text: string;
  clientId: string;
  createdAt: string;
}

export interface ConversationView {
  id: string;
  otherUser: PublicProfileView;
  lastMessage: MessageView | null;
  unreadCount: number;
  blocked: boolean;
  updatedAt: string;
  otherReadAt: string | null;
}

export const toMessageView = (row: MessageRow): MessageView => ({
  id: row.id,
  conversationId: row.conversation_id,
  senderId: row.sender_id,
  recipientId: row.recipient_id,
  text: row.text,
  clientId: row.client_id,
  createdAt: row.created_at.toISOString(),
});

export const otherUserOf = (row: ConversationRow, me: string) => (row.user_a === me ? row.user_b : row.user_a);

/** The other person's read marker: my messages sent up to it are seen. */
const otherReadAt = (row: ConversationRow, me: string) => (row.user_a === me ? row.b_read_at : row.a_read_at);

/**
 * Conversations as `me` sees them, in one query however long the page: each row comes with the
 * other person, the last message, my unread count and whether I blocked them. Filter and order
 * it (the conversation is `c`), then turn the rows into views with toConversationView.
 */
export function conversationViewQuery(db: Kysely<Database>, me: string) {
  return db
    .selectFrom('conversations as c')
    .innerJoin('profiles as o', (join) =>
      join.on(sql<boolean>`o.id = (case when c.user_a = ${me} then c.user_b else c.user_a end)`),
    )
    .leftJoin('messages as lm', 'lm.id', 'c.last_message_id')
    .selectAll('c')
    .select((eb) => [
      'o.display_name as other_display_name',
      'o.university_id as other_university_id',
      'o.sports as other_sports',
      'o.bio as other_bio',
      'lm.id as lm_id',
      'lm.conversation_id as lm_conversation_id',
      'lm.sender_id as lm_sender_id',
      'lm.recipient_id as lm_recipient_id',
      'lm.client_id as lm_client_id',
      'lm.text as lm_text',
      'lm.created_at as lm_created_at',
      eb
        .selectFrom('messages as m')
        .select((inner) => inner.fn.countAll<string>().as('count'))
        .whereRef('m.conversation_id', '=', 'c.id')
        .where('m.recipient_id', '=', me)
        .where(
          sql<boolean>`m.created_at > coalesce(case when c.user_a = ${me} then c.a_read_at else c.b_read_at end, '-infinity')`,
        )
        .as('unread_count'),
      eb
        .exists(
          eb.selectFrom('blocks').select('blocked_id').where('blocker_id', '=', me).whereRef('blocked_id', '=', 'o.id'),
        )
        .as('blocked'),
    ]);
}

export type ConversationViewRow = Awaited<ReturnType<ReturnType<typeof conversationViewQuery>['execute']>>[number];

export function toConversationView(row: ConversationViewRow, me: string): ConversationView {
  const lastMessage =
    row.last_message_id &&
    row.lm_id &&
    row.lm_conversation_id &&
    row.lm_sender_id &&
    row.lm_recipient_id &&
    row.lm_client_id &&
    row.lm_text !== null &&
    row.lm_created_at
      ? toMessageView({
          id: row.lm_id,
          conversation_id: row.lm_conversation_id,
          sender_id: row.lm_sender_id,
          recipient_id: row.lm_recipient_id,
          client_id: row.lm_client_id,
          text: row.lm_text,
          created_at: row.lm_created_at,
        })
      : null;
  return {
    id: row.id,
    otherUser: toPublicProfile({
      id: otherUserOf(row, me),
      display_name: row.other_display_name,
      university_id: row.other_university_id,
      sports: row.other_sports,
      bio: row.other_bio,
    }),
    lastMessage,
    unreadCount: Number(row.unread_count ?? 0),
    blocked: Boolean(row.blocked),
    updatedAt: row.last_message_at.toISOString(),
    otherReadAt: otherReadAt(row, me)?.toISOString() ?? null,
  };
}

import { sql, type Kysely } from 'kysely';
import type { Database, ConversationRow, MessageRow } from '../db/types.js';
import { loadPublicProfiles, type PublicProfileView } from '../profiles/publicProfile.js';

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

/** My read marker in a conversation: everything sent to me after it is unread. */
export const myReadColumn = (row: ConversationRow, me: string) => (row.user_a === me ? 'a_read_at' : 'b_read_at');

/**
 * Conversations as `me` sees them, with a fixed number of queries whatever the page size:
 * the other people, the last messages, my unread counts and my blocks, each fetched in one go.
 */
export async function toConversationViews(
  db: Kysely<Database>,
  me: string,
  rows: ConversationRow[],
): Promise<ConversationView[]> {
  if (!rows.length) return [];
  const ids = rows.map((row) => row.id);
  const others = rows.map((row) => otherUserOf(row, me));
  const lastIds = rows.flatMap((row) => (row.last_message_id ? [row.last_message_id] : []));
  const [profiles, lastMessages, unread, blocks] = await Promise.all([
    loadPublicProfiles(db, others),
    lastIds.length ? db.selectFrom('messages').selectAll().where('id', 'in', lastIds).execute() : [],
    db
      .selectFrom('messages as m')
      .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
      .select(['m.conversation_id', (eb) => eb.fn.countAll<string>().as('count')])
      .where('m.conversation_id', 'in', ids)
      .where('m.recipient_id', '=', me)
      .where(
        sql<boolean>`m.created_at > coalesce(case when c.user_a = ${me} then c.a_read_at else c.b_read_at end, '-infinity')`,
      )
      .groupBy('m.conversation_id')
      .execute(),
    db
      .selectFrom('blocks')
      .select('blocked_id')
      .where('blocker_id', '=', me)
      .where('blocked_id', 'in', others)
      .execute(),
  ]);
  const messageById = new Map(lastMessages.map((m) => [m.id, toMessageView(m)]));
  const unreadById = new Map(unread.map((u) => [u.conversation_id, Number(u.count)]));
  const blocked = new Set(blocks.map((b) => b.blocked_id));
  return rows.map((row) => {
    const other = otherUserOf(row, me);
    return {
      id: row.id,
      // A profile is never deleted while a conversation refers to it (foreign key), so this is set.
      otherUser: profiles.get(other)!,
      lastMessage: (row.last_message_id && messageById.get(row.last_message_id)) || null,
      unreadCount: unreadById.get(row.id) ?? 0,
      blocked: blocked.has(other),
      updatedAt: row.last_message_at.toISOString(),
    };
  });
}

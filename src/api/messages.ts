import {
  BlockUserDocument,
  ChatDocument,
  ConversationsDocument,
  MarkConversationReadDocument,
  MessagesDocument,
  OnConversationReadDocument,
  OnMessageDocument,
  SendMessageDocument,
  UnblockUserDocument,
  UnreadMessagesDocument,
} from './generated/documents/messages';
import type {
  ChatQuery,
  ConversationFieldsFragment,
  MessageFieldsFragment,
  OnConversationReadSubscription,
} from './generated/graphql';
import type { Page, PageRequest } from './page';
import { listen, run } from './run';

export type Message = MessageFieldsFragment;
export type Conversation = ConversationFieldsFragment;
/** Who a chat is with, whether I blocked them, and our conversation (null until one of us writes). */
export type ChatContact = ChatQuery['contact'];
/** The other person read our conversation up to readAt: my messages until then are seen. */
export type ReadReceipt = NonNullable<OnConversationReadSubscription['onConversationRead']>;

/** My conversations, the one with the newest message first. */
export async function listConversations(page: PageRequest = {}): Promise<Page<Conversation>> {
  return (await run(ConversationsDocument, page)).conversations;
}

/** A conversation's history, newest first. */
export async function listMessages(conversationId: string, page: PageRequest = {}): Promise<Page<Message>> {
  return (await run(MessagesDocument, { conversationId, ...page })).messages;
}

export async function getChatContact(userId: string): Promise<ChatContact> {
  return (await run(ChatDocument, { userId })).contact;
}

/**
 * Sends one message. The clientId is the message's own id from the app: a retry with the same one
 * (after a lost answer, a reload, a second tab) returns the message already stored, never a second.
 */
export async function sendMessage(recipientId: string, text: string, clientId: string): Promise<Message> {
  return (await run(SendMessageDocument, { recipientId, text, clientId })).sendMessage;
}

export async function markConversationRead(conversationId: string): Promise<Conversation> {
  return (await run(MarkConversationReadDocument, { conversationId })).markConversationRead;
}

export async function getUnreadMessageCount(): Promise<number> {
  return (await run(UnreadMessagesDocument, {})).unreadCounts.messages;
}

/** Messages sent to me as they are sent; returns the function that stops listening. */
export function subscribeToMessages(
  userId: string,
  onMessage: (message: Message) => void,
  onError?: (error: Error) => void,
): () => void {
  return listen(OnMessageDocument, { recipientId: userId }, (data) => data.onMessage, onMessage, onError);
}

/** Read receipts for my messages as the other person reads; returns the function that stops listening. */
export function subscribeToReadReceipts(
  userId: string,
  onReceipt: (receipt: ReadReceipt) => void,
  onError?: (error: Error) => void,
): () => void {
  return listen(OnConversationReadDocument, { userId }, (data) => data.onConversationRead, onReceipt, onError);
}

/** Stops their messages to me and their joining my activities; harmless if already done. */
export async function blockUser(userId: string): Promise<void> {
  await run(BlockUserDocument, { userId });
}

export async function unblockUser(userId: string): Promise<void> {
  await run(UnblockUserDocument, { userId });
}

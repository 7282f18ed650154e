import { forbidden } from '../errors.js';
import type { DomainResolvers, SubscriptionAuthorizers } from '../fieldResolvers.js';
import type { Resolver } from '../resolver.js';
import { blockUser, unblockUser } from './blocks.js';
import { contact } from './contact.js';
import { conversations, markConversationRead, messages } from './conversations.js';
import { sendMessage } from './send.js';
import { unreadCounts } from './unread.js';

/** Subscription authorizer: messages are only ever delivered to their recipient. */
const onMessage: Resolver = (caller, args) => {
  if (args.recipientId !== caller.sub)
    throw forbidden('subscription.notYours', 'You can only receive your own messages.');
  return null;
};

/** Subscription authorizer: read receipts only ever reach the person whose messages were read. */
const onConversationRead: Resolver = (caller, args) => {
  if (args.userId !== caller.sub)
    throw forbidden('subscription.notYours', 'You can only receive read receipts for your own messages.');
  return null;
};

/** The messaging fields of the API, keyed `Type.field` as AppSync names them. */
export const messagingResolvers = {
  'Query.conversations': conversations,
  'Query.messages': messages,
  'Query.unreadCounts': unreadCounts,
  'Query.contact': contact,
  'Mutation.sendMessage': sendMessage,
  'Mutation.markConversationRead': markConversationRead,
  'Mutation.blockUser': blockUser,
  'Mutation.unblockUser': unblockUser,
  'Subscription.onMessage': onMessage,
  'Subscription.onConversationRead': onConversationRead,
} satisfies DomainResolvers & SubscriptionAuthorizers;

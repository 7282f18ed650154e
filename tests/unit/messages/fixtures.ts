import type { ChatContact, Conversation, Message } from '@/api/messages';
import type { PersonProfile } from '@/api/people';
import type { OutboxEntry } from '@/messages/outbox';

/** Typed messaging data for component tests: Ann (me) and Ben, both at KU Leuven. */
export const ME = 'sub-ann';
export const BEN = { id: 'sub-ben', displayName: 'Ben Claes', universityId: 'uni-kuleuven' };

let counter = 0;

export function makeMessage(overrides: Partial<Message> = {}): Message {
  counter += 1;
  return {
    id: `msg-${counter}`,
    conversationId: `${ME}:${BEN.id}`,
    senderId: BEN.id,
    recipientId: ME,
    text: `Message ${counter}`,
    clientId: `client-${counter}`,
    createdAt: '2026-11-26T10:00:00.000Z',
    ...overrides,
  };
}

/** A message from me to Ben. */
export const mine = (overrides: Partial<Message> = {}) =>
  makeMessage({ senderId: ME, recipientId: BEN.id, ...overrides });

export function makeConversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: `${ME}:${BEN.id}`,
    unreadCount: 0,
    blocked: false,
    updatedAt: '2026-11-26T10:00:00.000Z',
    otherReadAt: null,
    otherUser: BEN,
    lastMessage: null,
    ...overrides,
  };
}

export function makeChatContact(overrides: Partial<ChatContact> = {}): ChatContact {
  return { blocked: false, person: BEN, conversation: makeConversation(), ...overrides };
}

export function makeOutboxEntry(overrides: Partial<OutboxEntry> = {}): OutboxEntry {
  counter += 1;
  return {
    clientId: `client-${counter}`,
    recipientId: BEN.id,
    recipientName: BEN.displayName,
    text: `Waiting ${counter}`,
    createdAt: '2026-11-26T10:05:00.000Z',
    state: 'pending',
    failure: null,
    ...overrides,
  };
}

export function makePersonProfile(overrides: Partial<PersonProfile> = {}): PersonProfile {
  return { ...BEN, bio: 'Football on Tuesdays.', sports: [{ sport: 'FOOTBALL', level: 'INTERMEDIATE' }], ...overrides };
}

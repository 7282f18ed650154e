/**
 * Every refused call: the right errorType, a message that says what to do, and nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../backend/src/db/connect.js';
import { openTestDatabase } from '../api/harness.js';
import { messagingApi, pairId, people, type Person } from './helpers.js';

let database: DatabaseHandle;
let api: Awaited<ReturnType<typeof messagingApi>>;

beforeAll(async () => {
  database = await openTestDatabase();
  api = await messagingApi(database.db);
  await api.send('emma', 'lucas', 'an existing conversation', 'taken-id');
  await api.call('noor', 'Mutation', 'blockUser', { userId: people.emma.sub });
});
afterAll(() => database.close());

const send = (recipientId: unknown, text: unknown, clientId: unknown = 'fresh-id') => ({
  field: 'sendMessage',
  type: 'Mutation' as const,
  args: { recipientId, text, clientId },
});
const forged = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
const lucas = people.lucas.sub;

const cases: [
  string,
  Person,
  { field: string; type: 'Query' | 'Mutation'; args: Record<string, unknown> },
  string,
  string,
][] = [
  ['empty text', 'emma', send(lucas, ''), 'ValidationError', 'Message cannot be empty.'],
  ['only whitespace', 'emma', send(lucas, ' \n\t '), 'ValidationError', 'Message cannot be empty.'],
  [
    '2,001 characters',
    'emma',
    send(lucas, 'x'.repeat(2001)),
    'ValidationError',
    'Message can be at most 2000 characters (this one has 2001).',
  ],
  [
    'a NUL character',
    'emma',
    send(lucas, 'a\u0000b'),
    'ValidationError',
    'Message contains characters that are not allowed.',
  ],
  [
    'an escape character',
    'emma',
    send(lucas, 'red \u001b[31m'),
    'ValidationError',
    'Message contains characters that are not allowed.',
  ],
  ['text that is not a string', 'emma', send(lucas, 42), 'ValidationError', 'Message is required.'],
  [
    'an empty clientId',
    'emma',
    send(lucas, 'hi', ''),
    'ValidationError',
    'clientId must be 1 to 64 letters, digits, "-" or "_" (a UUID is typical).',
  ],
  [
    'a 65-character clientId',
    'emma',
    send(lucas, 'hi', 'a'.repeat(65)),
    'ValidationError',
    'clientId must be 1 to 64 letters, digits, "-" or "_" (a UUID is typical).',
  ],
  [
    'a clientId with spaces',
    'emma',
    send(lucas, 'hi', 'my id'),
    'ValidationError',
    'clientId must be 1 to 64 letters, digits, "-" or "_" (a UUID is typical).',
  ],
  [
    'a reused clientId with another text',
    'emma',
    send(lucas, 'other', 'taken-id'),
    'Conflict',
    'This clientId was already used for a different message: send it with a new clientId.',
  ],
  ['an unknown recipient', 'emma', send('sub-nobody', 'hi'), 'NotFound', 'That person was not found.'],
  ['a recipient of another university', 'emma', send(people.sarah.sub, 'hi'), 'NotFound', 'That person was not found.'],
  ['an empty recipient id', 'emma', send('', 'hi'), 'NotFound', 'That person was not found.'],
  ['oneself', 'emma', send(people.emma.sub, 'hi'), 'ValidationError', 'You cannot send a message to yourself.'],
  [
    'someone who blocked me',
    'emma',
    send(people.noor.sub, 'hi'),
    'Forbidden',
    'This person is not accepting messages from you.',
  ],
  [
    'someone I blocked',
    'noor',
    send(people.emma.sub, 'hi'),
    'Conflict',
    'You blocked this person: unblock them to send a message.',
  ],
  [
    'a malformed conversation id',
    'emma',
    { field: 'messages', type: 'Query', args: { conversationId: 'garbage' } },
    'NotFound',
    'The conversation was not found.',
  ],
  [
    'a conversation I am not in',
    'noor',
    { field: 'messages', type: 'Query', args: { conversationId: pairId('emma', 'lucas') } },
    'NotFound',
    'The conversation was not found.',
  ],
  [
    'another university reading a conversation',
    'sarah',
    { field: 'messages', type: 'Query', args: { conversationId: pairId('emma', 'lucas') } },
    'NotFound',
    'The conversation was not found.',
  ],
  [
    'marking read a conversation I am not in',
    'noor',
    { field: 'markConversationRead', type: 'Mutation', args: { conversationId: pairId('emma', 'lucas') } },
    'NotFound',
    'The conversation was not found.',
  ],
  [
    'limit 0',
    'emma',
    { field: 'conversations', type: 'Query', args: { limit: 0 } },
    'ValidationError',
    'limit must be a whole number from 1 to 100.',
  ],
  [
    'limit 1000',
    'emma',
    { field: 'messages', type: 'Query', args: { conversationId: pairId('emma', 'lucas'), limit: 1000 } },
    'ValidationError',
    'limit must be a whole number from 1 to 100.',
  ],
  [
    'a nextToken that is not base64 JSON',
    'emma',
    { field: 'conversations', type: 'Query', args: { nextToken: '%%%' } },
    'ValidationError',
    'nextToken is not valid: start again from the first page.',
  ],
  [
    'a forged nextToken with a bad date',
    'emma',
    { field: 'conversations', type: 'Query', args: { nextToken: forged(['yesterday', 'x']) } },
    'ValidationError',
    'nextToken is not valid: start again from the first page.',
  ],
  [
    'a forged nextToken with a bad message id',
    'emma',
    {
      field: 'messages',
      type: 'Query',
      args: { conversationId: pairId('emma', 'lucas'), nextToken: forged([new Date().toISOString(), 'not-a-uuid']) },
    },
    'ValidationError',
    'nextToken is not valid: start again from the first page.',
  ],
  [
    'blocking oneself',
    'emma',
    { field: 'blockUser', type: 'Mutation', args: { userId: people.emma.sub } },
    'ValidationError',
    'You cannot block or unblock yourself.',
  ],
  [
    'blocking someone of another university',
    'emma',
    { field: 'blockUser', type: 'Mutation', args: { userId: people.sarah.sub } },
    'NotFound',
    'That person was not found.',
  ],
  [
    'unblocking an unknown person',
    'emma',
    { field: 'unblockUser', type: 'Mutation', args: { userId: 'sub-nobody' } },
    'NotFound',
    'That person was not found.',
  ],
];

describe('invalid calls', () => {
  it.each(cases)('refuses %s', async (_name, who, request, errorType, message) => {
    const before = await api.counts();
    const conversation = await database.db.selectFrom('conversations').selectAll().orderBy('id').execute();
    await expect(api.call(who, request.type, request.field, request.args)).rejects.toMatchObject({
      name: errorType,
      message,
    });
    expect(await api.counts()).toEqual(before);
    expect(await database.db.selectFrom('conversations').selectAll().orderBy('id').execute()).toEqual(conversation);
  });
});

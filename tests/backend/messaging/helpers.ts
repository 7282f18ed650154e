import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../backend/src/db/types.js';
import { ensureProfile } from '../../../backend/src/profiles/ensureProfile.js';
import { handlerFor, makeEvent, makeIdentity, makeServices } from '../api/harness.js';

/** People of the messaging suites: three at KU Leuven, one at Ghent (another tenant). */
export const people = {
  emma: { sub: 'sub-emma', email: 'emma.peeters@student.kuleuven.be', name: 'Emma Peeters', groups: [] },
  lucas: { sub: 'sub-lucas', email: 'lucas.janssens@student.kuleuven.be', name: 'Lucas Janssens', groups: [] },
  noor: { sub: 'sub-noor', email: 'noor.claes@student.kuleuven.be', name: 'Noor Claes', groups: [] },
  sarah: { sub: 'sub-sarah', email: 'sarah.desmet@ugent.be', name: 'Sarah De Smet', groups: [] },
};
export type Person = keyof typeof people;

export interface MessageResult {
  id: string;
  conversationId: string;
  senderId: string;
  recipientId: string;
  text: string;
  clientId: string;
  createdAt: string;
}

export interface ConversationResult {
  id: string;
  otherUser: { id: string; displayName: string; universityId: string };
  lastMessage: MessageResult | null;
  unreadCount: number;
  blocked: boolean;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  nextToken: string | null;
}

/** A resolver caller bound to one database, as the gateway calls the Lambda. */
export async function messagingApi(db: Kysely<Database>) {
  for (const person of Object.values(people)) await ensureProfile(db, person);
  const services = makeServices(db);
  const handler = handlerFor(services);
  const call = <T = unknown>(
    who: Person,
    type: 'Query' | 'Mutation' | 'Subscription',
    field: string,
    args: Record<string, unknown> = {},
  ) => handler(makeEvent(type, field, args, makeIdentity(people[who].sub))) as Promise<T>;

  const send = (from: Person, to: Person, text: string, clientId: string = randomUUID()) =>
    call<MessageResult>(from, 'Mutation', 'sendMessage', { recipientId: people[to].sub, text, clientId });

  /** Rows in every table these domains write: an invalid call must leave them all unchanged. */
  const counts = async () => {
    const count = async (table: 'messages' | 'conversations' | 'blocks' | 'notifications') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      messages: await count('messages'),
      conversations: await count('conversations'),
      blocks: await count('blocks'),
      notifications: await count('notifications'),
    };
  };
  return { services, call, send, counts };
}

export const pairId = (a: Person, b: Person) => {
  const [x, y] = [people[a].sub, people[b].sub].sort();
  return `${x}:${y}`;
};

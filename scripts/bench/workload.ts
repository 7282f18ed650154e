import { randomUUID } from 'node:crypto';
import type { BenchUser, GraphQLAnswer } from './clients.js';
import { graphql } from './clients.js';
import type { CloudInfo } from './cloudProcess.js';
import type { Samples } from './stats.js';

/** What the set-up made for the workload to use. */
export interface World {
  info: CloudInfo;
  users: BenchUser[];
  activityIds: string[];
  sessionIds: string[];
}

const SEARCH_WORDS = ['run', 'basketball', 'park', 'evening', 'match', 'court', 'yoga', 'training'];

const ACTIVITIES = `query ($text: String) { activities(filter: { text: $text }, limit: 20) {
  items { id title sport startsAt place freePlaces capacity host { id displayName } } nextToken } }`;
const ACTIVITY = `query ($id: ID!) { activity(id: $id) {
  id title description place startsAt capacity freePlaces participantCount
  host { id displayName } participants { status user { id displayName } } waitlist { position user { id } }
  myParticipation { status position } } }`;
export const SEND_MESSAGE = `mutation ($to: ID!, $text: String!, $clientId: ID!) {
  sendMessage(recipientId: $to, text: $text, clientId: $clientId) { id conversationId senderId recipientId text clientId createdAt } }`;
const CONVERSATIONS = `query { conversations(limit: 20) {
  items { id unreadCount updatedAt otherUser { id displayName } lastMessage { id text createdAt } } nextToken } }`;
const BOOK = `mutation ($id: ID!) { bookSession(sessionId: $id) { sessionId status position } }`;
const CANCEL = `mutation ($id: ID!) { cancelBooking(sessionId: $id) { sessionId status } }`;

type Operation = (world: World, vu: number, step: number) => Promise<{ name: string; answer: GraphQLAnswer }>;

// A virtual user's confirmed bookings: it books, then cancels what it holds, then books again.
const held = new Map<number, string[]>();

const operations: { weight: number; run: Operation }[] = [
  {
    weight: 30,
    run: async (w, vu, step) => ({
      name: 'activities',
      answer: await graphql(w.info, w.users[vu]!.token, ACTIVITIES, { text: SEARCH_WORDS[step % SEARCH_WORDS.length] }),
    }),
  },
  {
    weight: 25,
    run: async (w, vu, step) => ({
      name: 'activity',
      answer: await graphql(w.info, w.users[vu]!.token, ACTIVITY, { id: w.activityIds[step % w.activityIds.length] }),
    }),
  },
  {
    weight: 20,
    run: async (w, vu, step) => ({
      name: 'sendMessage',
      answer: await graphql(w.info, w.users[vu]!.token, SEND_MESSAGE, {
        to: w.users[(vu + 1 + (step % 5)) % w.users.length]!.sub,
        text: `See you at the game? (${step})`,
        clientId: randomUUID(),
      }),
    }),
  },
  {
    weight: 15,
    run: async (w, vu) => ({ name: 'conversations', answer: await graphql(w.info, w.users[vu]!.token, CONVERSATIONS) }),
  },
  {
    weight: 10,
    run: async (w, vu, step) => {
      const mine = held.get(vu) ?? [];
      held.set(vu, mine);
      const booked = mine.shift();
      if (booked) {
        return { name: 'cancelBooking', answer: await graphql(w.info, w.users[vu]!.token, CANCEL, { id: booked }) };
      }
      const sessionId = w.sessionIds[(vu + step) % w.sessionIds.length]!;
      const answer = await graphql(w.info, w.users[vu]!.token, BOOK, { id: sessionId });
      if (!answer.errors?.length) mine.push(sessionId);
      return { name: 'bookSession', answer };
    },
  },
];

const totalWeight = operations.reduce((sum, o) => sum + o.weight, 0);

function pick(step: number): Operation {
  // A fixed, well-spread sequence rather than randomness: two runs do the same work.
  let slot = (step * 37) % totalWeight;
  for (const o of operations) {
    if (slot < o.weight) return o.run;
    slot -= o.weight;
  }
  return operations[0]!.run;
}

/** One request of the mix; says whether the gateway refused it with 429 (too busy). */
export async function runOne(world: World, samples: Samples, vu: number, step: number): Promise<'refused' | 'done'> {
  const started = performance.now();
  try {
    const { name, answer } = await pick(step)(world, vu, step);
    const ms = performance.now() - started;
    if (answer.status === 429) {
      samples.refuse(ms);
      return 'refused';
    }
    if (answer.errors?.length) samples.fail(name, `${answer.errors[0]!.errorType}: ${answer.errors[0]!.message}`);
    else samples.add(name, ms);
  } catch (error) {
    samples.fail('network', error instanceof Error ? error.message : String(error));
  }
  return 'done';
}

/** Open loop: requests start on schedule whether or not earlier ones finished (no coordinated omission). */
export async function openLoop(
  world: World,
  samples: Samples,
  ratePerSecond: number,
  seconds: number,
): Promise<number> {
  const interval = 1000 / ratePerSecond;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let step = 0; step < ratePerSecond * seconds; step++) {
    const due = started + step * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(runOne(world, samples, step % world.users.length, step).then(() => undefined));
  }
  await Promise.all(inFlight);
  return (performance.now() - started) / 1000;
}

/**
 * Closed loop: every virtual user sends its next request as soon as the last one answered — or,
 * refused with 429, after a short pause, as a client backing off would (not in a tight loop).
 */
export async function closedLoop(world: World, samples: Samples, seconds: number): Promise<number> {
  const started = performance.now();
  const end = started + seconds * 1000;
  let step = 0;
  await Promise.all(
    world.users.map(async (_user, vu) => {
      while (performance.now() < end) {
        if ((await runOne(world, samples, vu, step++)) === 'refused')
          await new Promise((resolve) => setTimeout(resolve, 50 + 100 * Math.random()));
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

import type { Services } from '../src/context.js';
import { recordingPublisher } from '../src/events.js';
import { createHandler } from '../src/handler.js';
import { caller, type Call } from './demoCall.js';
import type { Campus } from './demoContent.js';

/**
 * The people side of the demo: a bio and a few sports for every student, and (at the first
 * university) one long conversation of the README's first student — LONG_CHAT_LENGTH messages over
 * the past week, in bursts — so scrolling back through history, day separators and grouping can be
 * seen, and are walked by the browser journeys.
 */

const SPORT_SETS = [
  [
    ['FOOTBALL', 'INTERMEDIATE'],
    ['RUNNING', 'BEGINNER'],
  ],
  [['BASKETBALL', 'ADVANCED']],
  [
    ['TENNIS', 'INTERMEDIATE'],
    ['PADEL', 'BEGINNER'],
    ['SQUASH', 'BEGINNER'],
  ],
  [
    ['CLIMBING', 'ADVANCED'],
    ['HIKING', 'INTERMEDIATE'],
  ],
  [
    ['VOLLEYBALL', 'BEGINNER'],
    ['YOGA', 'INTERMEDIATE'],
  ],
  [
    ['SWIMMING', 'ADVANCED'],
    ['CYCLING', 'INTERMEDIATE'],
    ['RUNNING', 'INTERMEDIATE'],
  ],
  [
    ['BADMINTON', 'INTERMEDIATE'],
    ['TABLE_TENNIS', 'ADVANCED'],
  ],
  [
    ['ROWING', 'BEGINNER'],
    ['FITNESS', 'INTERMEDIATE'],
  ],
] as const;

const BIOS = [
  'Engineering student. Always up for a game after class, any level.',
  'Second-year medicine. I run most mornings and would love company for longer runs at the weekend.',
  'Erasmus student from Porto. Looking for people to play with, and to practise my Dutch!',
  'History master student. Not very good, very enthusiastic.',
  'I organise games every week: message me if you want to be on the list.',
  '',
] as const;

export const LONG_CHAT_LENGTH = 150;

const LONG_CHAT_LINES = [
  'Did you see the new climbing wall at the sports centre?',
  'Yes! Went on Tuesday, the overhang is brutal.',
  'Want to go together this week?',
  'Thursday after six works for me.',
  'Perfect, I will book two places.',
  'How was your run this morning?',
  'Slow but happy. 8 km along the canal.',
  'Nice. I need to start training for the city run.',
  'Join us on Saturday, we go at an easy pace.',
  'Deal. Bring coffee afterwards?',
] as const;

export async function seedDemoSocial(
  services: Services,
  call: Call,
  { students }: Campus,
  withLongChat: boolean,
): Promise<void> {
  for (const [i, sub] of students.entries()) {
    const sports = SPORT_SETS[i % SPORT_SETS.length]!.map(([sport, level]) => ({ sport, level }));
    const me = (await call(sub, 'Query', 'me', {})) as { displayName: string };
    await call(sub, 'Mutation', 'updateProfile', {
      input: { displayName: me.displayName, bio: BIOS[i % BIOS.length], sports },
    });
  }
  const [first] = students;
  const partner = students[6];
  if (withLongChat && first && partner) await seedLongChat(services, first, partner);
}

/**
 * The first student and a classmate, LONG_CHAT_LENGTH numbered messages ("37. …"), written over the
 * past seven days in bursts of a few minutes: the real resolver, on a clock that moves with the chat.
 */
async function seedLongChat(services: Services, a: string, b: string): Promise<void> {
  let clock = Date.now() - 7 * 24 * 3_600_000;
  const backdated = createHandler({ ...services, events: recordingPublisher(), now: () => new Date(clock) });
  const call = caller(backdated);
  for (let n = 1; n <= LONG_CHAT_LENGTH; n += 1) {
    // A new burst every eight messages, hours later; within one, a minute or two apart.
    clock += n % 8 === 1 ? 7 * 3_600_000 : 60_000 + (n % 3) * 30_000;
    const [from, to] = Math.floor((n - 1) / 3) % 2 === 0 ? [a, b] : [b, a];
    const text = `${n}. ${LONG_CHAT_LINES[n % LONG_CHAT_LINES.length]}`;
    await call(from, 'Mutation', 'sendMessage', { recipientId: to, text, clientId: `seed-long-${n}` });
  }
  const conversationId = [a, b].sort().join(':');
  for (const reader of [a, b]) await call(reader, 'Mutation', 'markConversationRead', { conversationId });
}

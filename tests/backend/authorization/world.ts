/**
 * One local cloud for the authorization suite, its six callers, and builders that make fresh
 * fixtures through the API as their owner (emma, a KU Leuven student) or KU Leuven staff (pieter).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalCloud, type LocalCloud } from '../../../backend/local/cloud.js';
import { DEMO_PASSWORD } from '../../../backend/local/seed.js';
import { graphql, signIn, type Answer, type Json } from './http.js';

/** The callers of every cell, in the order each row runs them: refusals first, the owner last. */
export const CALLERS = [
  'noToken',
  'otherUniStaff',
  'otherUniStudent',
  'sameUniStudent',
  'sameUniStaff',
  'owner',
] as const;
export type Caller = (typeof CALLERS)[number];

/** What a cell answers: data, or the errorType of its first error. */
export type Outcome =
  'ok' | 'NotFound' | 'Forbidden' | 'Conflict' | 'Unauthorized' | 'UnauthorizedException' | 'ValidationError';

/** Everyone who signs in: the five user-pool callers plus `peer`, a third KU Leuven student fixtures need. */
export type Person = 'emma' | 'lucas' | 'sarah' | 'pieter' | 'ugentStaff' | 'peer';

export const PERSON_OF: Record<Exclude<Caller, 'noToken'>, Person> = {
  owner: 'emma',
  sameUniStudent: 'lucas',
  otherUniStudent: 'sarah',
  sameUniStaff: 'pieter',
  otherUniStaff: 'ugentStaff',
};

const EMAILS: Record<Person, string> = {
  emma: 'emma.peeters@student.kuleuven.be',
  lucas: 'lucas.janssens@student.kuleuven.be',
  sarah: 'sarah.desmet@ugent.be',
  pieter: 'pieter.maes@kuleuven.be',
  ugentStaff: 'staff.matrix@ugent.be',
  peer: 'matrix.peer@student.kuleuven.be',
};

const HOUR = 3_600_000;
export const fromNow = (ms: number) => new Date(Date.now() + ms).toISOString();

export interface World {
  cloud: LocalCloud;
  ids: Record<Person, string>;
  tokens: Record<Person, string>;
  /** Runs one operation as a caller (noToken sends no authorization header). */
  call(caller: Caller, query: string, variables?: Json): Promise<Answer>;
  /** Runs a set-up step as a person; it must succeed. */
  must(person: Person, query: string, variables?: Json): Promise<Json>;
  /** A fresh activity hosted by emma (open, six places, tomorrow unless overridden); its id. */
  activity(overrides?: Json): Promise<string>;
  /** `person` joins (or asks to join, with an optional note) an activity. */
  join(person: Person, activityId: string, note?: string): Promise<void>;
  /** A fresh sports class of KU Leuven, made by pieter; its id. */
  sportsClass(): Promise<string>;
  /** A fresh session of a fresh class, `startsInMs` from now; both ids. */
  session(startsInMs: number): Promise<{ classId: string; sessionId: string }>;
  book(person: Person, sessionId: string): Promise<void>;
  /** `from` writes to `to`; the conversation id. */
  message(from: Person, to: Person): Promise<string>;
  /** A JOIN_REQUEST_RECEIVED notification for emma (peer asks to join her approval activity); its id. */
  notificationForEmma(): Promise<string>;
  /** Moves a session's start into the past, as time passing would (no API can do that). */
  startSessionEarlier(sessionId: string, minutesAgo: number): Promise<void>;
  close(): Promise<void>;
}

let unique = 0;
/** A short name no earlier fixture used, so a search or list can tell this row's fixture apart. */
export const uniqueName = (prefix: string) => `${prefix} ${process.pid}-${++unique}`;

// Sessions that students book go on distinct days (booking opens 7 days ahead; at most 2 per day).
let bookingDay = 0;
export const nextBookableStart = () => fromNow((1 + (bookingDay++ % 6)) * 24 * HOUR + 2 * HOUR);

export async function startWorld(): Promise<World> {
  const dataDir = mkdtempSync(join(tmpdir(), 'huddle-authz-'));
  // emma hosts a fresh activity for most rows: more than a day's limit, which rateLimits.test.ts checks.
  const cloud = await startLocalCloud({
    dataDir,
    apiPort: 0,
    cognitoPort: 0,
    log: () => {},
    rateLimits: { activitiesPerDay: 1_000 },
  });
  await cloud.cognito.ensureUser({
    email: EMAILS.ugentStaff,
    name: 'Matrix Staff',
    password: DEMO_PASSWORD,
    groups: ['staff'],
  });
  await cloud.cognito.ensureUser({ email: EMAILS.peer, name: 'Matrix Peer', password: DEMO_PASSWORD });

  const people = Object.keys(EMAILS) as Person[];
  const tokens = Object.fromEntries(
    await Promise.all(people.map(async (p) => [p, await signIn(cloud.info, EMAILS[p], DEMO_PASSWORD)])),
  ) as Record<Person, string>;

  const must = async (person: Person, query: string, variables: Json = {}) => {
    const answer = await graphql(cloud.info, tokens[person], query, variables);
    if (answer.errors?.length || !answer.data) {
      throw new Error(`set-up as ${person} failed: ${JSON.stringify(answer.errors)}\n${query}`);
    }
    return answer.data;
  };
  const ids = Object.fromEntries(
    await Promise.all(people.map(async (p) => [p, ((await must(p, '{ me { id } }')).me as Json).id])),
  ) as Record<Person, string>;

  const activity = async (overrides: Json = {}) => {
    const input = {
      sport: 'BASKETBALL',
      title: uniqueName('Matrix game'),
      place: 'Sportoase court 2',
      startsAt: fromNow(24 * HOUR),
      durationMinutes: 90,
      capacity: 6,
      skillLevel: 'ANY',
      joinPolicy: 'OPEN',
      ...overrides,
    };
    const data = await must(
      'emma',
      'mutation ($input: CreateActivityInput!) { createActivity(input: $input) { id } }',
      {
        input,
      },
    );
    return String((data.createActivity as Json).id);
  };

  const joinActivity = async (person: Person, activityId: string, note?: string) => {
    await must(person, 'mutation ($a: ID!, $n: String) { joinActivity(activityId: $a, note: $n) { status } }', {
      a: activityId,
      n: note ?? null,
    });
  };

  const sportsClass = async () => {
    const input = {
      name: uniqueName('Matrix yoga'),
      sport: 'YOGA',
      instructor: 'Ines',
      place: 'Sportkot hall 1',
      capacity: 10,
    };
    const data = await must('pieter', 'mutation ($input: CreateClassInput!) { createClass(input: $input) { id } }', {
      input,
    });
    return String((data.createClass as Json).id);
  };

  const session = async (startsInMs: number) => {
    const classId = await sportsClass();
    const data = await must(
      'pieter',
      'mutation ($c: ID!, $s: AWSDateTime!) { scheduleSessions(classId: $c, startsAt: $s, durationMinutes: 60) { id } }',
      { c: classId, s: fromNow(startsInMs) },
    );
    return { classId, sessionId: String((data.scheduleSessions as Json[])[0]!.id) };
  };

  const book = async (person: Person, sessionId: string) => {
    await must(person, 'mutation ($s: ID!) { bookSession(sessionId: $s) { status } }', { s: sessionId });
  };

  const message = async (from: Person, to: Person) => {
    const data = await must(
      from,
      'mutation ($r: ID!, $t: String!, $c: ID!) { sendMessage(recipientId: $r, text: $t, clientId: $c) { conversationId } }',
      { r: ids[to], t: 'See you on the court?', c: `matrix-${++unique}` },
    );
    return String((data.sendMessage as Json).conversationId);
  };

  const notificationForEmma = async () => {
    const activityId = await activity({ joinPolicy: 'APPROVAL' });
    await joinActivity('peer', activityId);
    const data = await must('emma', '{ notifications(limit: 100) { items { id type activityId } } }');
    const items = (data.notifications as { items: Json[] }).items;
    const found = items.find((n) => n.activityId === activityId && n.type === 'JOIN_REQUEST_RECEIVED');
    if (!found) throw new Error('the join request left emma no notification');
    return String(found.id);
  };

  const startSessionEarlier = async (sessionId: string, minutesAgo: number) => {
    await cloud.database.db
      .updateTable('class_sessions')
      .set({ starts_at: new Date(Date.now() - minutesAgo * 60_000) })
      .where('id', '=', sessionId)
      .execute();
  };

  const call = (caller: Caller, query: string, variables: Json = {}) =>
    graphql(cloud.info, caller === 'noToken' ? null : tokens[PERSON_OF[caller]], query, variables);

  return {
    cloud,
    ids,
    tokens,
    call,
    must,
    activity,
    join: joinActivity,
    sportsClass,
    session,
    book,
    message,
    notificationForEmma,
    startSessionEarlier,
    close: async () => {
      await cloud.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

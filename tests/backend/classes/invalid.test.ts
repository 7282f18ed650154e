import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DAY,
  MINUTE,
  emma,
  expectError,
  lucas,
  pieter,
  sarah,
  setupClasses,
  type ClassesTest,
  type User,
} from './helpers.js';

/** Every refused call answers with the right errorType and a message that says what to do, and writes nothing. */

let t: ClassesTest;
const ids = { yoga: '', open: '', notOpen: '', closed: '', started: '', ugentClass: '', ugentSession: '' };
const unknownId = '00000000-0000-4000-8000-000000000000';
const future = (ms: number) => new Date(Date.now() + ms).toISOString();

beforeAll(async () => {
  t = await setupClasses();
  ids.yoga = (await t.createClass()).id;
  ids.open = await t.insertSession(ids.yoga, new Date(Date.now() + 2 * DAY));
  ids.notOpen = await t.insertSession(ids.yoga, new Date(Date.now() + 8 * DAY));
  ids.started = await t.insertSession(ids.yoga, new Date(Date.now() - 5 * MINUTE));
  // Full (one place, taken) and 30 minutes from the start: the waitlist has closed.
  ids.closed = await t.insertSession(ids.yoga, new Date(Date.now() + 30 * MINUTE), 1);
  await t.db
    .insertInto('bookings')
    .values({ session_id: ids.closed, user_id: lucas.sub, status: 'CONFIRMED' })
    .execute();
  await t.db.updateTable('class_sessions').set({ confirmed_count: 1 }).where('id', '=', ids.closed).execute();
  const ugent = await t.db
    .insertInto('classes')
    .values({
      university_id: 'ugent',
      name: 'Gent yoga',
      sport: 'YOGA',
      instructor: 'Lies',
      place: 'GUSB',
      capacity: 5,
      created_by: sarah.sub,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ids.ugentClass = ugent.id;
  ids.ugentSession = await t.insertSession(ugent.id, new Date(Date.now() + 2 * DAY), 5, 'ugent');
});
afterAll(() => t.database.close());

const classInput = (overrides: Record<string, unknown>) => ({
  input: { name: 'Yoga', sport: 'YOGA', instructor: 'An', place: 'Hall 2', capacity: 10, ...overrides },
});
const schedule = (overrides: Record<string, unknown>) => () => ({
  classId: ids.yoga,
  startsAt: future(DAY),
  durationMinutes: 60,
  ...overrides,
});
const range =
  (fromDays: number, toDays: number, extra: Record<string, unknown> = {}) =>
  () => ({
    from: future(fromDays * DAY),
    to: future(toDays * DAY),
    ...extra,
  });

type Case = [string, User, 'Query' | 'Mutation', string, () => Record<string, unknown>, string, string | RegExp];
const VE = 'ValidationError';
const cases: Case[] = [
  [
    'capacity 0',
    pieter,
    'Mutation',
    'createClass',
    () => classInput({ capacity: 0 }),
    VE,
    'Capacity must be a whole number from 1 to 500.',
  ],
  [
    'capacity 10000',
    pieter,
    'Mutation',
    'createClass',
    () => classInput({ capacity: 10000 }),
    VE,
    'Capacity must be a whole number from 1 to 500.',
  ],
  [
    'capacity 2.5',
    pieter,
    'Mutation',
    'createClass',
    () => classInput({ capacity: 2.5 }),
    VE,
    'Capacity must be a whole number from 1 to 500.',
  ],
  [
    'empty name',
    pieter,
    'Mutation',
    'createClass',
    () => classInput({ name: '   ' }),
    VE,
    'Name needs at least 3 characters.',
  ],
  [
    'overlong name',
    pieter,
    'Mutation',
    'createClass',
    () => classInput({ name: 'x'.repeat(81) }),
    VE,
    'Name can be at most 80 characters.',
  ],
  [
    'two-line name',
    pieter,
    'Mutation',
    'createClass',
    () => classInput({ name: 'Yoga\nfor all' }),
    VE,
    'Name contains characters that are not allowed.',
  ],
  [
    'overlong description',
    pieter,
    'Mutation',
    'createClass',
    () => classInput({ description: 'x'.repeat(2001) }),
    VE,
    'Description can be at most 2000 characters.',
  ],
  [
    'unknown sport',
    pieter,
    'Mutation',
    'createClass',
    () => classInput({ sport: 'CURLING' }),
    VE,
    'Choose a valid sport.',
  ],
  [
    'one-letter instructor',
    pieter,
    'Mutation',
    'createClass',
    () => classInput({ instructor: 'A' }),
    VE,
    'Instructor needs at least 2 characters.',
  ],
  [
    'overlong place',
    pieter,
    'Mutation',
    'createClass',
    () => classInput({ place: 'x'.repeat(121) }),
    VE,
    'Place can be at most 120 characters.',
  ],
  ['no input', pieter, 'Mutation', 'createClass', () => ({ input: null }), VE, 'input is required.'],
  [
    'updateClass with nothing',
    pieter,
    'Mutation',
    'updateClass',
    () => ({ id: ids.yoga, input: {} }),
    VE,
    'Change at least one field.',
  ],
  [
    'updateClass malformed id',
    pieter,
    'Mutation',
    'updateClass',
    () => ({ id: 'yoga', input: { name: 'Yoga 2' } }),
    'NotFound',
    'The class was not found.',
  ],
  [
    'past startsAt',
    pieter,
    'Mutation',
    'scheduleSessions',
    schedule({ startsAt: future(-MINUTE) }),
    VE,
    'Start time must be in the future.',
  ],
  [
    'startsAt not a date',
    pieter,
    'Mutation',
    'scheduleSessions',
    schedule({ startsAt: 'next Tuesday' }),
    VE,
    /^Start time must be a date and time/,
  ],
  [
    'repeatWeeks 0',
    pieter,
    'Mutation',
    'scheduleSessions',
    schedule({ repeatWeeks: 0 }),
    VE,
    'Repeat weeks must be a whole number from 1 to 26.',
  ],
  [
    'repeatWeeks 27',
    pieter,
    'Mutation',
    'scheduleSessions',
    schedule({ repeatWeeks: 27 }),
    VE,
    'Repeat weeks must be a whole number from 1 to 26.',
  ],
  [
    'duration 0',
    pieter,
    'Mutation',
    'scheduleSessions',
    schedule({ durationMinutes: 0 }),
    VE,
    'Duration must be a whole number from 15 to 600.',
  ],
  [
    'duration 601',
    pieter,
    'Mutation',
    'scheduleSessions',
    schedule({ durationMinutes: 601 }),
    VE,
    'Duration must be a whole number from 15 to 600.',
  ],
  [
    'unknown class',
    pieter,
    'Mutation',
    'scheduleSessions',
    schedule({ classId: unknownId }),
    'NotFound',
    'The class was not found.',
  ],
  [
    'other-tenant class',
    pieter,
    'Mutation',
    'scheduleSessions',
    () => ({ ...schedule({})(), classId: ids.ugentClass }),
    'NotFound',
    'The class was not found.',
  ],
  ['range reversed', emma, 'Query', 'classSessions', range(5, 1), VE, '"From" must be before "to".'],
  [
    'range of 63 days',
    emma,
    'Query',
    'classSessions',
    range(0, 63),
    VE,
    'Ask for at most 62 days of sessions at a time.',
  ],
  [
    'forged nextToken',
    emma,
    'Query',
    'classSessions',
    range(0, 7, { nextToken: 'bm9wZQ' }),
    VE,
    'nextToken is not valid: start again from the first page.',
  ],
  [
    'limit 0',
    emma,
    'Query',
    'classSessions',
    range(0, 7, { limit: 0 }),
    VE,
    'limit must be a whole number from 1 to 100.',
  ],
  [
    'timetable of another class',
    emma,
    'Query',
    'classSessions',
    range(0, 7, { classId: ids.ugentClass }),
    'NotFound',
    'The class was not found.',
  ],
  [
    'malformed session id',
    emma,
    'Mutation',
    'bookSession',
    () => ({ sessionId: "1' or '1'='1" }),
    'NotFound',
    'The session was not found.',
  ],
  [
    'unknown session',
    emma,
    'Mutation',
    'bookSession',
    () => ({ sessionId: unknownId }),
    'NotFound',
    'The session was not found.',
  ],
  [
    'other-tenant session',
    emma,
    'Mutation',
    'bookSession',
    () => ({ sessionId: ids.ugentSession }),
    'NotFound',
    'The session was not found.',
  ],
  [
    'before the window opens',
    emma,
    'Mutation',
    'bookSession',
    () => ({ sessionId: ids.notOpen }),
    'Conflict',
    /^Booking opens on .+\. Come back then\.$/,
  ],
  [
    'after the waitlist cut-off',
    emma,
    'Mutation',
    'bookSession',
    () => ({ sessionId: ids.closed }),
    'Conflict',
    'The session is full and its waitlist has closed. Choose another session.',
  ],
  [
    'a started session',
    emma,
    'Mutation',
    'bookSession',
    () => ({ sessionId: ids.started }),
    'Conflict',
    'This session has already started. Choose another session.',
  ],
  [
    'cancel without a booking',
    emma,
    'Mutation',
    'cancelBooking',
    () => ({ sessionId: ids.open }),
    'NotFound',
    'Your booking for this session was not found.',
  ],
  [
    'session capacity 0',
    pieter,
    'Mutation',
    'updateSession',
    () => ({ sessionId: ids.open, input: { capacity: 0 } }),
    VE,
    'Capacity must be a whole number from 1 to 500.',
  ],
  [
    'session moved to the past',
    pieter,
    'Mutation',
    'updateSession',
    () => ({ sessionId: ids.open, input: { startsAt: future(-DAY) } }),
    VE,
    'Start time must be in the future.',
  ],
  [
    'session update with nothing',
    pieter,
    'Mutation',
    'updateSession',
    () => ({ sessionId: ids.open, input: {} }),
    VE,
    'Change at least one field.',
  ],
  [
    'check in an unknown person',
    pieter,
    'Mutation',
    'checkIn',
    () => ({ sessionId: ids.open, userId: 'sub-nobody' }),
    'NotFound',
    'That person was not found.',
  ],
  [
    "check in another university's student",
    pieter,
    'Mutation',
    'checkIn',
    () => ({ sessionId: ids.open, userId: sarah.sub }),
    'NotFound',
    'That person was not found.',
  ],
  [
    'myBookings of an unknown scope',
    emma,
    'Query',
    'myBookings',
    () => ({ when: 'SOON' }),
    VE,
    'Choose UPCOMING or PAST.',
  ],
];

describe('invalid calls', () => {
  it('has at least 20 cases', () => expect(cases.length).toBeGreaterThanOrEqual(20));

  it.each(cases)('%s → refused, nothing written', async (_label, user, type, field, args, errorType, message) => {
    const before = await t.snapshot();
    await expectError(
      type === 'Query' ? t.query(field, args(), user) : t.mutate(field, args(), user),
      errorType,
      message,
    );
    expect(await t.snapshot()).toBe(before);
  });
});

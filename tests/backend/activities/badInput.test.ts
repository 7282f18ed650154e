/**
 * Every refused call names what is wrong (errorType + a message a person can act on) and writes
 * nothing: the activities, participations and notifications tables are compared before and after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isErrorCode } from '../../../backend/src/rules/errorCodes.js';
import { activityInput, hoursFromNow, openActivitiesWorld, type Json, type Kind } from './helpers.js';

let world: Awaited<ReturnType<typeof openActivitiesWorld>>;
const ids = { open: '', approval: '', cancelled: '', past: '', ugent: '' };
const EMMA = 'sub-emma';
const LUCAS = 'sub-lucas';
const SARAH = 'sub-sarah';

beforeAll(async () => {
  world = await openActivitiesWorld();
  await world.user(EMMA, 'emma.peeters@student.kuleuven.be');
  await world.user(LUCAS, 'lucas.janssens@student.kuleuven.be');
  await world.user(SARAH, 'sarah.desmet@ugent.be');
  ids.open = (await world.create(EMMA)).id;
  ids.approval = (await world.create(EMMA, { joinPolicy: 'APPROVAL' })).id;
  ids.cancelled = (await world.create(EMMA)).id;
  await world.call('Mutation', 'cancelActivity', { id: ids.cancelled }, EMMA);
  ids.past = (await world.create(EMMA)).id;
  await world.age(ids.past);
  ids.ugent = (await world.create(SARAH)).id;
});
afterAll(() => world.database.close());

const create = (overrides: Json) => ['Mutation', 'createActivity', { input: activityInput(overrides) }, EMMA] as const;
const CAPACITY = 'Capacity must be a whole number from 2 to 100 people, the host included.';
const DURATION = 'Duration must be a whole number from 15 to 1440 minutes.';
const DATE_FORMAT = 'Start time must be a date and time such as 2026-05-01T18:00:00Z.';
const NOT_FOUND = 'The activity was not found.';
const MAP = 'Map link must be a web address starting with https:// or http://.';

type Case = [string, () => readonly [Kind, string, Json, string], string, string];

const cases: Case[] = [
  ['empty title', () => create({ title: '' }), 'ValidationError', 'Title needs at least 3 characters.'],
  ['blank title', () => create({ title: '    ' }), 'ValidationError', 'Title needs at least 3 characters.'],
  ['title of 2', () => create({ title: 'ab' }), 'ValidationError', 'Title needs at least 3 characters.'],
  ['title of 81', () => create({ title: 'x'.repeat(81) }), 'ValidationError', 'Title can be at most 80 characters.'],
  ['title as a number', () => create({ title: 42 }), 'ValidationError', 'Title is required.'],
  [
    'title on two lines',
    () => create({ title: 'two\nlines' }),
    'ValidationError',
    'Title contains characters that are not allowed.',
  ],
  [
    'description of 2001',
    () => create({ description: 'd'.repeat(2001) }),
    'ValidationError',
    'Description can be at most 2000 characters.',
  ],
  ['place of 1', () => create({ place: 'x' }), 'ValidationError', 'Place needs at least 2 characters.'],
  ['place of 121', () => create({ place: 'p'.repeat(121) }), 'ValidationError', 'Place can be at most 120 characters.'],
  ['missing place', () => create({ place: undefined }), 'ValidationError', 'Place is required.'],
  ['javascript: map link', () => create({ mapUrl: 'javascript:alert(1)' }), 'ValidationError', MAP],
  ['map link that is no URL', () => create({ mapUrl: 'near the station' }), 'ValidationError', MAP],
  [
    'map link of 501',
    () => create({ mapUrl: `https://x.be/${'a'.repeat(488)}` }),
    'ValidationError',
    'Map link can be at most 500 characters.',
  ],
  ['capacity 0', () => create({ capacity: 0 }), 'ValidationError', CAPACITY],
  ['capacity 1', () => create({ capacity: 1 }), 'ValidationError', CAPACITY],
  ['capacity 101', () => create({ capacity: 101 }), 'ValidationError', CAPACITY],
  ['capacity 10000', () => create({ capacity: 10000 }), 'ValidationError', CAPACITY],
  ['capacity 2.5', () => create({ capacity: 2.5 }), 'ValidationError', CAPACITY],
  ['capacity as a string', () => create({ capacity: '10' }), 'ValidationError', CAPACITY],
  ['duration 0', () => create({ durationMinutes: 0 }), 'ValidationError', DURATION],
  ['duration 1441', () => create({ durationMinutes: 1441 }), 'ValidationError', DURATION],
  [
    'start in the past',
    () => create({ startsAt: hoursFromNow(-1) }),
    'ValidationError',
    'Start time must be at least 5 minutes from now.',
  ],
  [
    'start in 2 minutes',
    () => create({ startsAt: hoursFromNow(2 / 60) }),
    'ValidationError',
    'Start time must be at least 5 minutes from now.',
  ],
  [
    'start in two years',
    () => create({ startsAt: hoursFromNow(2 * 366 * 24) }),
    'ValidationError',
    'Start time can be at most one year from now.',
  ],
  ['start "tomorrow"', () => create({ startsAt: 'tomorrow' }), 'ValidationError', DATE_FORMAT],
  ['start on 30 February', () => create({ startsAt: '2027-02-30T10:00:00Z' }), 'ValidationError', DATE_FORMAT],
  ['start without an offset', () => create({ startsAt: '2027-01-10T10:00:00' }), 'ValidationError', DATE_FORMAT],
  ['unknown sport', () => create({ sport: 'CHESS' }), 'ValidationError', 'Choose a valid sport.'],
  ['unknown skill level', () => create({ skillLevel: 'EXPERT' }), 'ValidationError', 'Choose a valid skill level.'],
  ['unknown join policy', () => create({ joinPolicy: 'INVITE' }), 'ValidationError', 'Choose a valid join policy.'],
  ['no input', () => ['Mutation', 'createActivity', { input: null }, EMMA], 'ValidationError', 'input is required.'],
  ['malformed id', () => ['Query', 'activity', { id: 'not-a-uuid' }, EMMA], 'NotFound', NOT_FOUND],
  ['SQL in an id', () => ['Query', 'activity', { id: "1' or '1'='1" }, EMMA], 'NotFound', NOT_FOUND],
  [
    'unknown id',
    () => ['Query', 'activity', { id: '00000000-0000-4000-8000-000000000000' }, EMMA],
    'NotFound',
    NOT_FOUND,
  ],
  ['other university’s activity', () => ['Query', 'activity', { id: ids.ugent }, EMMA], 'NotFound', NOT_FOUND],
  [
    'join another university’s activity',
    () => ['Mutation', 'joinActivity', { activityId: ids.ugent }, LUCAS],
    'NotFound',
    NOT_FOUND,
  ],
  [
    'join a cancelled activity',
    () => ['Mutation', 'joinActivity', { activityId: ids.cancelled }, LUCAS],
    'Conflict',
    "This activity was cancelled: you can't join it.",
  ],
  [
    'join a past activity',
    () => ['Mutation', 'joinActivity', { activityId: ids.past }, LUCAS],
    'Conflict',
    "This activity has already started: you can't join it.",
  ],
  [
    'host joins own activity',
    () => ['Mutation', 'joinActivity', { activityId: ids.open }, EMMA],
    'Conflict',
    'You host this activity, so you are already in it.',
  ],
  [
    'note of 501',
    () => ['Mutation', 'joinActivity', { activityId: ids.approval, note: 'n'.repeat(501) }, LUCAS],
    'ValidationError',
    'Note can be at most 500 characters.',
  ],
  [
    'edit by a non-host',
    () => ['Mutation', 'updateActivity', { id: ids.open, input: { title: 'Mine now' } }, LUCAS],
    'Forbidden',
    'Only the host can edit this activity.',
  ],
  [
    'edit with capacity 1',
    () => ['Mutation', 'updateActivity', { id: ids.open, input: { capacity: 1 } }, EMMA],
    'ValidationError',
    CAPACITY,
  ],
  [
    'edit a past activity',
    () => ['Mutation', 'updateActivity', { id: ids.past, input: { title: 'Later' } }, EMMA],
    'Conflict',
    "This activity has already started: you can't edit it.",
  ],
  [
    'cancel twice',
    () => ['Mutation', 'cancelActivity', { id: ids.cancelled }, EMMA],
    'Conflict',
    'This activity is already cancelled.',
  ],
  [
    'cancel by a non-host',
    () => ['Mutation', 'cancelActivity', { id: ids.open }, LUCAS],
    'Forbidden',
    'Only the host can cancel this activity.',
  ],
  [
    'host leaves',
    () => ['Mutation', 'leaveActivity', { activityId: ids.open }, EMMA],
    'Conflict',
    "You host this activity: cancel it instead if you can't make it.",
  ],
  [
    'leave without joining',
    () => ['Mutation', 'leaveActivity', { activityId: ids.open }, LUCAS],
    'Conflict',
    'You are not in this activity, so there is nothing to leave.',
  ],
  [
    'approve with "yes"',
    () => ['Mutation', 'respondToJoinRequest', { activityId: ids.approval, userId: LUCAS, approve: 'yes' }, EMMA],
    'ValidationError',
    'approve must be true or false.',
  ],
  [
    'answer a request never made',
    () => ['Mutation', 'respondToJoinRequest', { activityId: ids.approval, userId: LUCAS, approve: true }, EMMA],
    'NotFound',
    'That join request was not found.',
  ],
  [
    'browse with limit 0',
    () => ['Query', 'activities', { limit: 0 }, EMMA],
    'ValidationError',
    'limit must be a whole number from 1 to 100.',
  ],
  [
    'browse with a made-up nextToken',
    () => ['Query', 'activities', { nextToken: 'garbage' }, EMMA],
    'ValidationError',
    'nextToken is not valid: start again from the first page.',
  ],
  [
    'browse from "yesterday"',
    () => ['Query', 'activities', { filter: { from: 'yesterday' } }, EMMA],
    'ValidationError',
    'From must be a date and time such as 2026-05-01T18:00:00Z.',
  ],
  [
    'search of 101 characters',
    () => ['Query', 'activities', { filter: { text: 's'.repeat(101) } }, EMMA],
    'ValidationError',
    'Search text can be at most 100 characters.',
  ],
  [
    'unknown relation',
    () => ['Query', 'myActivities', { relation: 'FRIENDS', when: 'UPCOMING' }, EMMA],
    'ValidationError',
    'Choose a valid relation.',
  ],
];

describe('invalid calls', () => {
  it.each(cases)('%s → %s', async (_name, build, errorType, message) => {
    const before = await world.snapshot();
    const [type, field, args, sub] = build();
    const refusal = await world.call(type, field, args, sub).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toMatchObject({ name: errorType, message });
    // Every refusal carries a code the app can translate, and input errors name their field.
    const info = (refusal as { errorInfo?: { code?: unknown; field?: unknown } }).errorInfo;
    expect(isErrorCode(info?.code), `a known code, got ${String(info?.code)}`).toBe(true);
    if (errorType === 'ValidationError') expect(info?.field).toEqual(expect.any(String));
    expect(await world.snapshot()).toEqual(before);
  });

  it('has at least 20 cases', () => expect(cases.length).toBeGreaterThanOrEqual(20));
});

describe('text that looks like markup', () => {
  it('is stored and returned verbatim, as text (clients render it as text)', async () => {
    const title = '<script>alert("hi")</script> & <b>ball</b>';
    const description = '<img src=x onerror=alert(1)>\nSecond line';
    const created = await world.create(EMMA, { title, description });
    expect(created).toMatchObject({ title, description });
    const read = await world.call('Query', 'activity', { id: created.id }, LUCAS);
    expect(read).toMatchObject({ title, description });
  });
});

/**
 * The authorization matrix of the GraphQL API: every Query and Mutation field × six callers, over
 * HTTP against one local cloud, each row on fresh fixtures. A cell names what the caller gets:
 * 'ok' (data) or the errorType of the first error. Rules encoded (product.md, schema.graphql):
 * - another university's objects are NotFound, never Forbidden;
 * - the schema's staff-only fields answer Unauthorized to students at the gateway, naming the field;
 *   staff of another university get NotFound for this university's classes and sessions;
 * - host-only activity operations are Forbidden for anyone else of the same university;
 * - conversations and bookings are their people's own: anyone else gets NotFound;
 * - no token at all is refused by the gateway with HTTP 401 / UnauthorizedException.
 * Each row runs its callers in CALLERS order (refusals first, the owner last), so a refused call
 * never depends on an allowed one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRealtime, type Json } from './http.js';
import {
  CALLERS,
  PERSON_OF,
  fromNow,
  nextBookableStart,
  startWorld,
  uniqueName,
  type Caller,
  type Outcome,
  type World,
} from './world.js';

interface Fixture {
  vars?: Json;
  /** Variables for one caller, over `vars`: a caller whose allowed call would change what the next one sees. */
  per?: Partial<Record<Caller, Json>>;
  /** An id that an 'ok' answer contains exactly when the caller may see the fixture (see `visibleTo`). */
  marker?: string;
}

interface Row {
  op: string;
  query: string;
  setup?: (w: World) => Promise<Fixture>;
  expect: Record<Caller, Outcome>;
  /** For list answers: the callers whose 'ok' answer contains the fixture's marker; nobody else's may. */
  visibleTo?: Caller[];
  /** More about an 'ok' answer. */
  check?: (data: Json, caller: Caller, w: World) => void | Promise<void>;
  teardown?: (w: World) => Promise<void>;
}

type Signed = Exclude<Caller, 'noToken'>;
const cells = (c: Record<Signed, Outcome>): Record<Caller, Outcome> => ({ noToken: 'UnauthorizedException', ...c });

/** Every signed-in caller, whatever their university: things about themselves or their own tenant. */
const ALL_OK = cells({
  otherUniStaff: 'ok',
  otherUniStudent: 'ok',
  sameUniStudent: 'ok',
  sameUniStaff: 'ok',
  owner: 'ok',
});
/** An object of the owner's university that everyone there may see or use. */
const SAME_UNI = cells({
  otherUniStaff: 'NotFound',
  otherUniStudent: 'NotFound',
  sameUniStudent: 'ok',
  sameUniStaff: 'ok',
  owner: 'ok',
});
/** Host-only activity operations. */
const HOST_ONLY = cells({
  otherUniStaff: 'NotFound',
  otherUniStudent: 'NotFound',
  sameUniStudent: 'Forbidden',
  sameUniStaff: 'Forbidden',
  owner: 'ok',
});
/** The owner's own conversation or booking: it does not exist for anyone else. */
const OWN_ONLY = cells({
  otherUniStaff: 'NotFound',
  otherUniStudent: 'NotFound',
  sameUniStudent: 'NotFound',
  sameUniStaff: 'NotFound',
  owner: 'ok',
});
/** Staff-only fields on staff's own university's classes and sessions. */
const STAFF_ONLY = cells({
  otherUniStaff: 'NotFound',
  otherUniStudent: 'Unauthorized',
  sameUniStudent: 'Unauthorized',
  sameUniStaff: 'ok',
  owner: 'Unauthorized',
});
/** Staff-only fields about the caller's own university. */
const ANY_STAFF = cells({
  otherUniStaff: 'ok',
  otherUniStudent: 'Unauthorized',
  sameUniStudent: 'Unauthorized',
  sameUniStaff: 'ok',
  owner: 'Unauthorized',
});
/** Administrators' fields: refused at the gateway for everyone here (the admin's own answers: tests/backend/classes/centre.test.ts). */
const ADMIN_ONLY = cells({
  otherUniStaff: 'Unauthorized',
  otherUniStudent: 'Unauthorized',
  sameUniStudent: 'Unauthorized',
  sameUniStaff: 'Unauthorized',
  owner: 'Unauthorized',
});
/** Acting on the owner as a person: allowed for their university, not for themselves. */
const ON_OWNER = cells({
  otherUniStaff: 'NotFound',
  otherUniStudent: 'NotFound',
  sameUniStudent: 'ok',
  sameUniStaff: 'ok',
  owner: 'ValidationError',
});
const SAME_UNI_CALLERS: Caller[] = ['sameUniStudent', 'sameUniStaff', 'owner'];
const UNIVERSITY_OF: Record<Signed, string> = {
  owner: 'kuleuven',
  sameUniStudent: 'kuleuven',
  sameUniStaff: 'kuleuven',
  otherUniStudent: 'ugent',
  otherUniStaff: 'ugent',
};
const HOUR = 3_600_000;

const ROWS: Row[] = [
  // ─────────────────────────────── queries ───────────────────────────────
  { op: 'me', query: '{ me { id } }', expect: ALL_OK, check: (d, c, w) => expect(d.me).toEqual({ id: idOf(w, c) }) },
  {
    op: 'profile',
    query: 'query ($id: ID!) { profile(id: $id) { id displayName universityId } }',
    setup: async (w) => ({ vars: { id: w.ids.emma } }),
    expect: SAME_UNI,
  },
  {
    op: 'staffOverview',
    query: '{ staffOverview { university { id } studentCount staffCount } }',
    expect: ANY_STAFF,
    // The tenant comes from the caller: staff only ever count their own university.
    check: (d, c) => expect(d.staffOverview).toMatchObject({ university: { id: UNIVERSITY_OF[c as Signed] } }),
  },
  {
    op: 'activities',
    query: 'query ($text: String) { activities(filter: { text: $text }) { items { id } } }',
    setup: async (w) => {
      const title = uniqueName('Matrix browse');
      return { vars: { text: title }, marker: await w.activity({ title }) };
    },
    expect: ALL_OK,
    visibleTo: SAME_UNI_CALLERS,
  },
  {
    op: 'activity',
    query: 'query ($id: ID!) { activity(id: $id) { id title requests { user { id } note } } }',
    // Pending requests and their notes are the host's alone: everyone else gets an empty list.
    setup: async (w) => {
      const id = await w.activity({ joinPolicy: 'APPROVAL' });
      const note = uniqueName('Matrix private note');
      await w.join('peer', id, note);
      return { vars: { id }, marker: note };
    },
    expect: SAME_UNI,
    visibleTo: ['owner'],
  },
  {
    op: 'myActivities',
    query: '{ myActivities(relation: HOSTING, when: UPCOMING, limit: 100) { items { id } } }',
    setup: async (w) => ({ marker: await w.activity() }),
    expect: ALL_OK,
    visibleTo: ['owner'],
  },
  {
    op: 'conversations',
    query: '{ conversations(limit: 100) { items { id } } }',
    setup: async (w) => ({ marker: await w.message('emma', 'peer') }),
    expect: ALL_OK,
    visibleTo: ['owner'],
  },
  {
    op: 'messages',
    query: 'query ($c: ID!) { messages(conversationId: $c) { items { id text } } }',
    setup: async (w) => ({ vars: { c: await w.message('emma', 'peer') } }),
    expect: OWN_ONLY,
  },
  {
    op: 'contact',
    query:
      'query ($u: ID!) { contact(userId: $u) { person { id bio sports { sport level } } blocked conversation { id } } }',
    setup: async (w) => ({ vars: { u: w.ids.emma } }),
    // Emma herself sees her own public profile; her university sees her; nobody else knows she exists.
    expect: SAME_UNI,
    check: (d, _c, w) => expect(d.contact).toMatchObject({ person: { id: w.ids.emma }, blocked: false }),
  },
  { op: 'unreadCounts', query: '{ unreadCounts { messages notifications } }', expect: ALL_OK },
  {
    op: 'notifications',
    query: '{ notifications(limit: 100) { items { id } } }',
    setup: async (w) => ({ marker: await w.notificationForEmma() }),
    expect: ALL_OK,
    visibleTo: ['owner'],
  },
  { op: 'bookingRules', query: '{ bookingRules { bookingOpensDaysBefore maxBookingsPerDay } }', expect: ALL_OK },
  {
    op: 'classes',
    query: '{ classes { id } }',
    setup: async (w) => ({ marker: await w.sportsClass() }),
    expect: ALL_OK,
    visibleTo: SAME_UNI_CALLERS,
  },
  {
    op: 'classSessions',
    query:
      'query ($from: AWSDateTime!, $to: AWSDateTime!, $c: ID) { classSessions(from: $from, to: $to, classId: $c) { items { id } } }',
    setup: async (w) => {
      const { classId, sessionId } = await w.session(Date.parse(nextBookableStart()) - Date.now());
      return { vars: { from: fromNow(0), to: fromNow(8 * 24 * HOUR), c: classId }, marker: sessionId };
    },
    expect: SAME_UNI,
    visibleTo: SAME_UNI_CALLERS,
  },
  {
    op: 'myBookings',
    query: '{ myBookings(when: UPCOMING, limit: 100) { items { sessionId } } }',
    setup: async (w) => {
      const { sessionId } = await bookedSession(w, 'emma');
      return { marker: sessionId };
    },
    expect: ALL_OK,
    visibleTo: ['owner'],
  },
  {
    op: 'classSession',
    query: 'query ($id: ID!) { classSession(id: $id) { id place freeCancelUntil } }',
    setup: async (w) => ({ vars: { id: (await w.session(9 * 24 * HOUR)).sessionId } }),
    expect: SAME_UNI,
  },
  {
    op: 'myBookingRecord',
    query: '{ myBookingRecord { noShows lateCancels block { id } } }',
    expect: ALL_OK,
  },
  {
    op: 'bookingBlocks',
    query: '{ bookingBlocks { id user { id } } }',
    setup: async (w) => ({ marker: await blockPeer(w) }),
    expect: ANY_STAFF,
    visibleTo: ['sameUniStaff'],
    teardown: unblockPeer,
  },
  {
    op: 'classAttendance',
    query: 'query ($c: ID!) { classAttendance(classId: $c, weeks: 2) { totals { sessions } } }',
    setup: async (w) => ({ vars: { c: await w.sportsClass() } }),
    expect: STAFF_ONLY,
  },
  { op: 'staffMembers', query: '{ staffMembers { person { id } } }', expect: ADMIN_ONLY },
  {
    op: 'sessionAttendees',
    query: 'query ($s: ID!) { sessionAttendees(sessionId: $s) { user { id } status } }',
    setup: async (w) => {
      const { sessionId } = await bookedSession(w, 'emma');
      return { vars: { s: sessionId }, marker: w.ids.emma };
    },
    expect: STAFF_ONLY,
    visibleTo: ['sameUniStaff'],
  },

  // ─────────────────────────────── mutations ───────────────────────────────
  {
    op: 'updateProfile',
    query: 'mutation ($n: String!) { updateProfile(input: { displayName: $n }) { id displayName } }',
    // Everyone keeps their own name, so no other row sees a change.
    setup: async (w) => {
      const per: Partial<Record<Caller, Json>> = { noToken: { n: 'Nobody' } };
      for (const [caller, person] of Object.entries(PERSON_OF)) {
        per[caller as Caller] = { n: ((await w.must(person, '{ me { displayName } }')).me as Json).displayName };
      }
      return { per };
    },
    expect: ALL_OK,
    check: (d, c, w) => expect((d.updateProfile as Json).id).toBe(idOf(w, c)),
  },
  {
    op: 'createActivity',
    query: 'mutation ($input: CreateActivityInput!) { createActivity(input: $input) { id host { universityId } } }',
    setup: async () => ({
      vars: {
        input: {
          sport: 'RUNNING',
          title: uniqueName('Matrix run'),
          place: 'Arenberg park',
          startsAt: fromNow(48 * HOUR),
          durationMinutes: 60,
          capacity: 10,
          skillLevel: 'ANY',
          joinPolicy: 'OPEN',
        },
      },
    }),
    expect: ALL_OK,
    // In the caller's own university, whoever they are.
    check: (d, c) => expect(d.createActivity).toMatchObject({ host: { universityId: UNIVERSITY_OF[c as Signed] } }),
  },
  {
    op: 'updateActivity',
    query: 'mutation ($id: ID!) { updateActivity(id: $id, input: { title: "Matrix renamed" }) { id title } }',
    setup: async (w) => ({ vars: { id: await w.activity() } }),
    expect: HOST_ONLY,
  },
  {
    op: 'cancelActivity',
    query: 'mutation ($id: ID!) { cancelActivity(id: $id) { id status } }',
    setup: async (w) => ({ vars: { id: await w.activity() } }),
    expect: HOST_ONLY,
  },
  {
    op: 'joinActivity',
    query: 'mutation ($a: ID!) { joinActivity(activityId: $a) { status } }',
    setup: async (w) => ({ vars: { a: await w.activity() } }),
    // The host is already in it.
    expect: cells({
      otherUniStaff: 'NotFound',
      otherUniStudent: 'NotFound',
      sameUniStudent: 'ok',
      sameUniStaff: 'ok',
      owner: 'Conflict',
    }),
  },
  {
    op: 'respondToJoinRequest',
    query: 'mutation ($a: ID!, $u: ID!) { respondToJoinRequest(activityId: $a, userId: $u, approve: true) { status } }',
    setup: async (w) => {
      const a = await w.activity({ joinPolicy: 'APPROVAL' });
      await w.join('peer', a);
      return { vars: { a, u: w.ids.peer } };
    },
    expect: HOST_ONLY,
  },
  {
    op: 'leaveActivity',
    query: 'mutation ($a: ID!) { leaveActivity(activityId: $a) { status } }',
    setup: async (w) => {
      const a = await w.activity();
      await w.join('lucas', a);
      await w.join('pieter', a);
      return { vars: { a } };
    },
    // The host cannot leave (they cancel instead).
    expect: cells({
      otherUniStaff: 'NotFound',
      otherUniStudent: 'NotFound',
      sameUniStudent: 'ok',
      sameUniStaff: 'ok',
      owner: 'Conflict',
    }),
  },
  {
    op: 'removeParticipant',
    query: 'mutation ($a: ID!, $u: ID!) { removeParticipant(activityId: $a, userId: $u) { status } }',
    setup: async (w) => {
      const a = await w.activity();
      await w.join('peer', a);
      return { vars: { a, u: w.ids.peer } };
    },
    expect: HOST_ONLY,
  },
  {
    op: 'sendMessage',
    query:
      'mutation ($r: ID!, $c: ID!) { sendMessage(recipientId: $r, text: "Matrix hello", clientId: $c) { id conversationId } }',
    setup: async (w) => ({ vars: { r: w.ids.emma, c: `matrix-send-${uniqueName('c').replace(/\W/g, '')}` } }),
    // To the owner; the owner writing to themselves is refused as input.
    expect: ON_OWNER,
  },
  {
    op: 'markConversationRead',
    query: 'mutation ($c: ID!) { markConversationRead(conversationId: $c) { id unreadCount } }',
    setup: async (w) => ({ vars: { c: await w.message('peer', 'emma') } }),
    expect: OWN_ONLY,
  },
  {
    op: 'blockUser',
    query: 'mutation ($u: ID!) { blockUser(userId: $u) }',
    setup: async (w) => ({ vars: { u: w.ids.emma } }),
    expect: ON_OWNER,
    teardown: async (w) => {
      for (const person of ['lucas', 'pieter'] as const) {
        await w.must(person, 'mutation ($u: ID!) { unblockUser(userId: $u) }', { u: w.ids.emma });
      }
    },
  },
  {
    op: 'unblockUser',
    query: 'mutation ($u: ID!) { unblockUser(userId: $u) }',
    setup: async (w) => {
      for (const person of ['lucas', 'pieter'] as const) {
        await w.must(person, 'mutation ($u: ID!) { blockUser(userId: $u) }', { u: w.ids.emma });
      }
      return { vars: { u: w.ids.emma } };
    },
    expect: ON_OWNER,
  },
  {
    op: 'markNotificationsRead',
    query: 'mutation ($ids: [ID!]) { markNotificationsRead(ids: $ids) }',
    setup: async (w) => ({ vars: { ids: [await w.notificationForEmma()] } }),
    expect: ALL_OK,
    // Someone else's notification ids match nothing and are ignored: only the owner changes one.
    check: (d, c) => expect(d.markNotificationsRead).toBe(c === 'owner' ? 1 : 0),
  },
  {
    op: 'createClass',
    query: 'mutation ($input: CreateClassInput!) { createClass(input: $input) { id } }',
    setup: async () => ({
      vars: {
        input: { name: uniqueName('Matrix spin'), sport: 'SPINNING', instructor: 'Ines', place: 'Hall 2', capacity: 8 },
      },
    }),
    expect: ANY_STAFF,
  },
  {
    op: 'updateClass',
    query: 'mutation ($id: ID!) { updateClass(id: $id, input: { capacity: 12 }) { id capacity } }',
    setup: async (w) => ({ vars: { id: await w.sportsClass() } }),
    expect: STAFF_ONLY,
  },
  {
    op: 'scheduleSessions',
    query:
      'mutation ($c: ID!, $s: AWSDateTime!) { scheduleSessions(classId: $c, startsAt: $s, durationMinutes: 45) { id } }',
    setup: async (w) => ({ vars: { c: await w.sportsClass(), s: fromNow(10 * 24 * HOUR) } }),
    expect: STAFF_ONLY,
  },
  {
    op: 'updateSession',
    query: 'mutation ($s: ID!) { updateSession(sessionId: $s, input: { capacity: 12 }) { id capacity } }',
    setup: async (w) => ({ vars: { s: (await w.session(9 * 24 * HOUR)).sessionId } }),
    expect: STAFF_ONLY,
  },
  {
    op: 'cancelSession',
    query: 'mutation ($s: ID!) { cancelSession(sessionId: $s) { id status } }',
    setup: async (w) => ({ vars: { s: (await w.session(9 * 24 * HOUR)).sessionId } }),
    expect: STAFF_ONLY,
  },
  {
    op: 'bookSession',
    query: 'mutation ($s: ID!) { bookSession(sessionId: $s) { status user { id } } }',
    setup: async (w) => ({ vars: { s: (await w.session(Date.parse(nextBookableStart()) - Date.now())).sessionId } }),
    expect: SAME_UNI,
    check: (d, c, w) => expect(d.bookSession).toEqual({ status: 'CONFIRMED', user: { id: idOf(w, c) } }),
  },
  {
    op: 'cancelBooking',
    query: 'mutation ($s: ID!) { cancelBooking(sessionId: $s) { status } }',
    setup: async (w) => ({ vars: { s: (await bookedSession(w, 'emma')).sessionId } }),
    // Cancels the caller's own booking: nobody else has one here.
    expect: OWN_ONLY,
  },
  {
    op: 'checkIn',
    query: 'mutation ($s: ID!, $u: ID!) { checkIn(sessionId: $s, userId: $u) { status } }',
    setup: async (w) => {
      // Check-in opens 30 minutes before the start.
      const { sessionId } = await w.session(10 * 60_000);
      await w.book('emma', sessionId);
      return { vars: { s: sessionId, u: w.ids.emma } };
    },
    expect: STAFF_ONLY,
  },
  {
    op: 'markNoShow',
    query: 'mutation ($s: ID!, $u: ID!) { markNoShow(sessionId: $s, userId: $u) { status } }',
    setup: async (w) => {
      // A no-show is marked after the start: booked while upcoming, then the clock "moves on".
      const { sessionId } = await w.session(10 * 60_000);
      await w.book('peer', sessionId);
      await w.startSessionEarlier(sessionId, 5);
      return { vars: { s: sessionId, u: w.ids.peer } };
    },
    expect: STAFF_ONLY,
  },
  {
    op: 'checkInByCode',
    query: 'mutation ($s: ID!, $code: String!) { checkInByCode(sessionId: $s, code: $code) { status user { id } } }',
    setup: async (w) => {
      const { sessionId } = await w.session(10 * 60_000);
      const booked = await w.must('emma', 'mutation ($s: ID!) { bookSession(sessionId: $s) { checkInCode } }', {
        s: sessionId,
      });
      return { vars: { s: sessionId, code: (booked.bookSession as Json).checkInCode } };
    },
    expect: STAFF_ONLY,
  },
  {
    op: 'liftBookingBlock',
    query: 'mutation ($u: ID!) { liftBookingBlock(userId: $u) { id liftedAt } }',
    setup: async (w) => {
      await blockPeer(w);
      return { vars: { u: w.ids.peer } };
    },
    expect: STAFF_ONLY,
    teardown: unblockPeer,
  },
  {
    op: 'updateBookingRules',
    query: 'mutation { updateBookingRules(input: { noShowLimit: 3 }) { noShowLimit } }',
    expect: ADMIN_ONLY,
  },
  {
    op: 'addStaffMember',
    query: 'mutation ($e: AWSEmail!) { addStaffMember(email: $e) { roles } }',
    setup: async () => ({ vars: { e: 'lucas.janssens@student.kuleuven.be' } }),
    expect: ADMIN_ONLY,
  },
  {
    op: 'removeStaffMember',
    query: 'mutation ($u: ID!) { removeStaffMember(userId: $u) { roles } }',
    setup: async (w) => ({ vars: { u: w.ids.pieter } }),
    expect: ADMIN_ONLY,
  },
  // Ends the caller's other sessions only: the token that called keeps working.
  {
    op: 'signOutOtherDevices',
    query: 'mutation { signOutOtherDevices }',
    expect: ALL_OK,
    check: async (_d, c, w) => {
      const after = await w.call(c, '{ me { id } }');
      expect(after.errors).toBeUndefined();
    },
  },
  // Last: it refuses every token the caller holds (checked right after each allowed call).
  {
    op: 'signOutEverywhere',
    query: 'mutation { signOutEverywhere }',
    expect: ALL_OK,
    check: async (_d, c, w) => {
      const after = await w.call(c, '{ me { id } }');
      expect(after.errors?.[0]?.errorType).toBe('Unauthorized');
    },
  },
];

/** Variants of a field whose answer depends on more than who asks (not part of the coverage check). */
const VARIANTS: (Row & { variant: string })[] = [
  {
    op: 'joinActivity',
    variant: 'the host blocked sameUniStudent',
    query: 'mutation ($a: ID!) { joinActivity(activityId: $a) { status } }',
    setup: async (w) => {
      await w.must('emma', 'mutation ($u: ID!) { blockUser(userId: $u) }', { u: w.ids.lucas });
      return { vars: { a: await w.activity() } };
    },
    expect: cells({
      otherUniStaff: 'NotFound',
      otherUniStudent: 'NotFound',
      sameUniStudent: 'Forbidden',
      sameUniStaff: 'ok',
      owner: 'Conflict',
    }),
    teardown: async (w) => {
      await w.must('emma', 'mutation ($u: ID!) { unblockUser(userId: $u) }', { u: w.ids.lucas });
    },
  },
  {
    op: 'sendMessage',
    variant: 'the owner blocked sameUniStudent',
    query:
      'mutation ($r: ID!, $c: ID!) { sendMessage(recipientId: $r, text: "Matrix hello", clientId: $c) { id conversationId } }',
    setup: async (w) => {
      await w.must('emma', 'mutation ($u: ID!) { blockUser(userId: $u) }', { u: w.ids.lucas });
      return { vars: { r: w.ids.emma, c: `matrix-blocked-${uniqueName('c').replace(/\W/g, '')}` } };
    },
    expect: { ...ON_OWNER, sameUniStudent: 'Forbidden' },
    teardown: async (w) => {
      await w.must('emma', 'mutation ($u: ID!) { unblockUser(userId: $u) }', { u: w.ids.lucas });
    },
  },
  {
    op: 'classSessions',
    variant: 'without a classId',
    query:
      'query ($from: AWSDateTime!, $to: AWSDateTime!) { classSessions(from: $from, to: $to, limit: 100) { items { id } } }',
    setup: async (w) => {
      const { sessionId } = await w.session(11 * 24 * HOUR);
      return { vars: { from: fromNow(10 * 24 * HOUR), to: fromNow(12 * 24 * HOUR) }, marker: sessionId };
    },
    // Another university's timetable simply does not hold it.
    expect: ALL_OK,
    visibleTo: SAME_UNI_CALLERS,
  },
  {
    op: 'checkIn',
    variant: 'of a student of another university',
    query: 'mutation ($s: ID!, $u: ID!) { checkIn(sessionId: $s, userId: $u) { status } }',
    setup: async (w) => ({ vars: { s: (await w.session(10 * 60_000)).sessionId, u: w.ids.sarah } }),
    // Nobody of another university can even be named, so nobody gets past "not found".
    expect: { ...STAFF_ONLY, sameUniStaff: 'NotFound' },
  },
];

function idOf(w: World, caller: Caller): string {
  if (caller === 'noToken') throw new Error('noToken has no id');
  return w.ids[PERSON_OF[caller]];
}

/** A no-show block for peer, written straight to the database (three no-shows take days to happen); its id. */
async function blockPeer(w: World): Promise<string> {
  const row = await w.cloud.database.db
    .insertInto('booking_blocks')
    .values({
      university_id: 'kuleuven',
      user_id: w.ids.peer,
      starts_at: new Date(Date.now() - 60_000),
      ends_at: new Date(Date.now() + 7 * 24 * HOUR),
      no_shows: 3,
      counted_from: new Date(Date.now() - 30 * 24 * HOUR),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function unblockPeer(w: World): Promise<void> {
  await w.cloud.database.db.deleteFrom('booking_blocks').where('user_id', '=', w.ids.peer).execute();
}

/** A fresh bookable session (on a day of its own) that `person` has booked. */
async function bookedSession(w: World, person: 'emma' | 'peer') {
  const fixture = await w.session(Date.parse(nextBookableStart()) - Date.now());
  await w.book(person, fixture.sessionId);
  return fixture;
}

const typeOf = (query: string) => (query.trimStart().startsWith('mutation') ? 'Mutation' : 'Query');

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.close();
});

describe('the matrix covers the schema', () => {
  it('has one row per Query and Mutation field (the @aws_iam publish mutations apart)', async () => {
    const { readFile } = await import('node:fs/promises');
    const sdl = await readFile(new URL('../../../backend/schema.graphql', import.meta.url), 'utf8');
    const fieldsOf = (type: string) =>
      [...(sdl.match(new RegExp(`type ${type} \\{([\\s\\S]*?)\\n\\}`))?.[1] ?? '').matchAll(/^ {2}(\w+)[(:]/gm)].map(
        (m) => m[1]!,
      );
    const fields = [...fieldsOf('Query'), ...fieldsOf('Mutation')].filter((f) => !f.startsWith('publish'));
    expect(fields.length).toBeGreaterThan(30);
    expect(ROWS.map((r) => r.op).sort()).toEqual(fields.sort());
  });
});

/** Runs one row: its fixtures once, then one test per caller, in CALLERS order. */
function matrixRow(name: string, row: Row) {
  let fixture: Fixture = {};
  beforeAll(async () => {
    fixture = (await row.setup?.(w)) ?? {};
  });
  if (row.teardown) afterAll(() => row.teardown!(w));

  it.each(
    CALLERS.map((caller) => [`${name} as ${caller} → ${row.expect[caller]}`, caller, row.expect[caller]] as const),
  )('%s', async (_name, caller, outcome) => {
    const variables = { ...fixture.vars, ...fixture.per?.[caller] };
    const answer = await w.call(caller, row.query, variables);
    const observed = answer.errors?.length ? (answer.errors[0]!.errorType ?? 'untyped') : 'ok';
    expect(observed, JSON.stringify(answer.errors)).toBe(outcome);

    if (outcome === 'ok') {
      expect(answer.data?.[row.op]).toBeDefined();
      if (row.visibleTo && fixture.marker) {
        expect(JSON.stringify(answer.data).includes(fixture.marker), 'sees the fixture').toBe(
          row.visibleTo.includes(caller),
        );
      }
      await row.check?.(answer.data!, caller, w);
      return;
    }
    // A refusal carries nothing of the object.
    expect(answer.data?.[row.op] ?? null).toBeNull();
    if (outcome === 'UnauthorizedException') expect(answer.status).toBe(401);
    if (outcome === 'Unauthorized') {
      // Refused by the gateway for the schema's group rule, before any resolver ran.
      expect(answer.errors![0]!.message).toBe(`Not Authorized to access ${row.op} on type ${typeOf(row.query)}`);
    }
  });
}

describe('IAM-only publish mutations', () => {
  const PUBLISH = [
    {
      op: 'publishNotification',
      query:
        'mutation ($id: ID!, $u: ID!, $at: AWSDateTime!) { publishNotification(input: { id: $id, userId: $u, type: NEW_MESSAGE, createdAt: $at }) { id } }',
    },
    {
      op: 'publishActivityChange',
      query:
        'mutation ($a: ID!, $at: AWSDateTime!) { publishActivityChange(activityId: $a, kind: CANCELLED, audience: "HOST", at: $at) { activityId } }',
    },
    {
      op: 'publishConversationRead',
      query:
        'mutation ($u: ID!, $at: AWSDateTime!) { publishConversationRead(conversationId: "c", readerId: $u, userId: $u, readAt: $at) { userId } }',
    },
  ];
  let watcher: Awaited<ReturnType<typeof openRealtime>>;
  let vars: Json = {};
  beforeAll(async () => {
    // The owner listens: a forged push must never reach them.
    const activityId = await w.activity();
    vars = { id: '00000000-0000-4000-8000-000000000001', u: w.ids.emma, a: activityId, at: fromNow(0) };
    watcher = await openRealtime(w.cloud.info, w.tokens.emma);
    for (const [id, query] of [
      ['n', 'subscription ($u: ID!) { onNotification(userId: $u) { id } }'],
      ['a', 'subscription ($a: ID!) { onActivityChanged(activityId: $a, audience: "HOST") { kind } }'],
      ['r', 'subscription ($u: ID!) { onConversationRead(userId: $u) { readAt } }'],
    ] as const) {
      expect((await watcher.start(id, query, vars)).type).toBe('start_ack');
    }
  });
  afterAll(() => watcher?.close());

  const cases = PUBLISH.flatMap(({ op, query }) =>
    CALLERS.map((caller) => {
      const outcome: Outcome = caller === 'noToken' ? 'UnauthorizedException' : 'Unauthorized';
      return [`${op} as ${caller} → ${outcome}`, op, query, caller, outcome] as const;
    }),
  );
  it.each(cases)('%s', async (_name, op, query, caller, outcome) => {
    const answer = await w.call(caller, query, vars);
    expect(answer.errors?.[0]?.errorType, JSON.stringify(answer.errors)).toBe(outcome);
    expect(answer.data?.[op] ?? null).toBeNull();
    if (outcome === 'Unauthorized') {
      expect(answer.errors![0]!.message).toBe(`Not Authorized to access ${op} on type Mutation`);
    }
  });

  it("pushed nothing to the owner's subscriptions", async () => {
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(watcher.unclaimed()).toEqual([]);
    // …while the subscription was live: the host's own change reaches it.
    await w.must('emma', 'mutation ($a: ID!) { updateActivity(id: $a, input: { title: "Matrix live" }) { id } }', vars);
    const pushed = await watcher.next((f) => f.type === 'data' && f.id === 'a');
    expect(pushed.payload).toEqual({ data: { onActivityChanged: { kind: 'UPDATED' } } });
  });
});

describe('subscription start over the realtime socket', () => {
  const OWN = cells({
    otherUniStaff: 'Forbidden',
    otherUniStudent: 'Forbidden',
    sameUniStudent: 'Forbidden',
    sameUniStaff: 'Forbidden',
    owner: 'ok',
  });
  const SUBSCRIPTIONS: { op: string; query: string; expect: Record<Caller, Outcome> }[] = [
    { op: 'onMessage', query: 'subscription ($u: ID!) { onMessage(recipientId: $u) { id } }', expect: OWN },
    { op: 'onNotification', query: 'subscription ($u: ID!) { onNotification(userId: $u) { id } }', expect: OWN },
    { op: 'onProfileUpdated', query: 'subscription ($u: ID!) { onProfileUpdated(id: $u) { id } }', expect: OWN },
    {
      op: 'onConversationRead',
      query: 'subscription ($u: ID!) { onConversationRead(userId: $u) { readAt } }',
      expect: OWN,
    },
    {
      op: 'onActivityChanged (PUBLIC)',
      query: 'subscription ($a: ID!) { onActivityChanged(activityId: $a, audience: "PUBLIC") { kind } }',
      expect: SAME_UNI,
    },
    {
      // The host's audience names who changed: only the host may follow it.
      op: 'onActivityChanged (HOST)',
      query: 'subscription ($a: ID!) { onActivityChanged(activityId: $a, audience: "HOST") { kind } }',
      expect: HOST_ONLY,
    },
    {
      // One person's own audience: only that person (here the owner's id).
      op: 'onActivityChanged (own id)',
      query: 'subscription ($a: ID!, $u: ID!) { onActivityChanged(activityId: $a, audience: $u) { kind } }',
      expect: cells({
        otherUniStaff: 'NotFound',
        otherUniStudent: 'NotFound',
        sameUniStudent: 'Forbidden',
        sameUniStaff: 'Forbidden',
        owner: 'ok',
      }),
    },
  ];
  const sockets = new Map<Caller, Awaited<ReturnType<typeof openRealtime>>>();
  let vars: Json = {};
  beforeAll(async () => {
    vars = { u: w.ids.emma, a: await w.activity() };
    for (const caller of CALLERS) {
      sockets.set(caller, await openRealtime(w.cloud.info, caller === 'noToken' ? null : w.tokens[PERSON_OF[caller]]));
    }
  });
  afterAll(() => sockets.forEach((socket) => socket.close()));

  const cases = SUBSCRIPTIONS.flatMap(({ op, query, expect: outcomes }) =>
    CALLERS.map(
      (caller) =>
        [`${op} of the owner as ${caller} → ${outcomes[caller]}`, op, query, caller, outcomes[caller]] as const,
    ),
  );
  it.each(cases)('%s', async (_name, op, query, caller, outcome) => {
    const socket = sockets.get(caller)!;
    if (caller === 'noToken') {
      // No token: the socket itself is refused at connection_init.
      expect(socket.opened).toMatchObject({
        type: 'connection_error',
        payload: { errors: [{ errorType: outcome, errorCode: 401 }] },
      });
      return;
    }
    expect(socket.opened.type).toBe('connection_ack');
    const frame = await socket.start(op, query, vars);
    const observed = frame.type === 'start_ack' ? 'ok' : frame.payload?.errors?.[0]?.errorType;
    expect(observed, JSON.stringify(frame)).toBe(outcome);
  });
});

// The matrix comes last: its final row signs every caller out everywhere.
describe.each(VARIANTS.map((row) => [`${row.op} (${row.variant})`, row] as const))('%s', matrixRow);
describe.each(ROWS.map((row) => [row.op, row] as const))('%s', matrixRow);

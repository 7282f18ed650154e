/**
 * The classes flow through the real HTTP surface with the unmodified aws-amplify v6 client:
 * staff create a class and schedule a session; a student books it and sees it on the timetable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, signOut } from 'aws-amplify/auth';
import { runAmplify as run, startAmplifyCloud } from '../support/amplifyCloud.js';
import { DEMO_PASSWORD } from '../../../backend/local/seed.js';

let stop: () => Promise<void>;

beforeAll(async () => {
  ({ stop } = await startAmplifyCloud('classes'));
});

afterAll(async () => {
  await signOut().catch(() => {});
  await stop();
});

describe('a sports-centre class over HTTP', () => {
  const startsAt = new Date(Date.now() + 2 * 24 * 3600_000);
  startsAt.setUTCSeconds(0, 0);
  let sessionId = '';

  it('staff create a class and schedule a session', async () => {
    await signIn({ username: 'pieter.maes@kuleuven.be', password: DEMO_PASSWORD });
    const created = await run(
      `mutation ($input: CreateClassInput!) { createClass(input: $input) { id name sport capacity } }`,
      {
        input: {
          name: 'Spinning at noon',
          sport: 'SPINNING',
          instructor: 'Els Wouters',
          place: 'Sportkot',
          capacity: 12,
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const sportsClass = created.data?.createClass as { id: string; capacity: number };
    expect(sportsClass).toMatchObject({ name: 'Spinning at noon', sport: 'SPINNING', capacity: 12 });

    const scheduled = await run(
      `mutation ($classId: ID!, $startsAt: AWSDateTime!) {
        scheduleSessions(classId: $classId, startsAt: $startsAt, durationMinutes: 45) {
          id startsAt capacity placesLeft state sportsClass { name }
        }
      }`,
      { classId: sportsClass.id, startsAt: startsAt.toISOString() },
    );
    expect(scheduled.errors).toBeUndefined();
    const [session] = scheduled.data?.scheduleSessions as { id: string }[];
    expect(session).toMatchObject({
      startsAt: startsAt.toISOString(),
      capacity: 12,
      placesLeft: 12,
      state: 'OPEN',
      sportsClass: { name: 'Spinning at noon' },
    });
    sessionId = session!.id;
    await signOut();
  });

  it('a student is refused the staff field, books the session and sees it booked', async () => {
    await signIn({ username: 'emma.peeters@student.kuleuven.be', password: DEMO_PASSWORD });
    const refused = await run('query ($id: ID!) { sessionAttendees(sessionId: $id) { status } }', { id: sessionId });
    expect(refused.errors?.[0]).toMatchObject({
      errorType: 'Unauthorized',
      message: 'Not Authorized to access sessionAttendees on type Query',
    });

    const booked = await run(
      `mutation ($id: ID!) { bookSession(sessionId: $id) { sessionId status position user { displayName } session { state placesLeft confirmedCount } } }`,
      { id: sessionId },
    );
    expect(booked.errors).toBeUndefined();
    expect(booked.data?.bookSession).toMatchObject({
      sessionId,
      status: 'CONFIRMED',
      position: null,
      user: { displayName: 'Emma Peeters' },
      session: { state: 'BOOKED', placesLeft: 11, confirmedCount: 1 },
    });

    const timetable = await run(
      `query ($from: AWSDateTime!, $to: AWSDateTime!) { classSessions(from: $from, to: $to) { items { id state myBooking { status } } nextToken } }`,
      { from: new Date().toISOString(), to: new Date(Date.now() + 7 * 24 * 3600_000).toISOString() },
    );
    expect(timetable.data?.classSessions).toMatchObject({
      items: [{ id: sessionId, state: 'BOOKED', myBooking: { status: 'CONFIRMED' } }],
      nextToken: null,
    });
    await signOut();
  });
});

import { describe, expect, it } from 'vitest';
import { participationAction, peopleToNotifyOnCancel, refusalReason } from '@/activities/participationState';
import type { ParticipationStatus } from '@/api/activities';
import { HOST, makeActivity, makeParticipation, makePerson } from './activityFixtures';

// Two days before the fixture activity (2026-11-28T17:00Z).
const NOW = new Date('2026-11-26T12:00:00.000Z');

const mine = (status: ParticipationStatus, position: number | null = null) => makeParticipation({ status, position });

describe('participationAction', () => {
  it('offers Join on an open activity with free places and nobody waiting', () => {
    expect(participationAction(makeActivity(), NOW)).toEqual({ kind: 'join' });
  });

  it('offers the waitlist when full, or when people already wait for the next free place', () => {
    expect(participationAction(makeActivity({ freePlaces: 0 }), NOW)).toEqual({ kind: 'joinWaitlist' });
    // The server gives a freed place to the first in line, not to a newcomer (join.ts).
    expect(participationAction(makeActivity({ freePlaces: 1, waitlistCount: 2 }), NOW)).toEqual({
      kind: 'joinWaitlist',
    });
  });

  it('offers Ask to join on an approval activity, saying when an approval would mean the waitlist', () => {
    expect(participationAction(makeActivity({ joinPolicy: 'APPROVAL' }), NOW)).toEqual({
      kind: 'askToJoin',
      full: false,
    });
    expect(participationAction(makeActivity({ joinPolicy: 'APPROVAL', freePlaces: 0 }), NOW)).toEqual({
      kind: 'askToJoin',
      full: true,
    });
  });

  it('lets people who left or withdrew come back', () => {
    expect(participationAction(makeActivity({ myParticipation: mine('LEFT') }), NOW).kind).toBe('join');
    const withdrawn = makeActivity({ joinPolicy: 'APPROVAL', myParticipation: mine('WITHDRAWN') });
    expect(participationAction(withdrawn, NOW).kind).toBe('askToJoin');
  });

  it('offers nothing to people the host declined or removed (the server refuses them)', () => {
    expect(participationAction(makeActivity({ myParticipation: mine('DECLINED') }), NOW)).toEqual({ kind: 'declined' });
    expect(participationAction(makeActivity({ myParticipation: mine('REMOVED') }), NOW)).toEqual({ kind: 'removed' });
  });

  it('names my current place: going, requested, waitlisted with position, hosting', () => {
    expect(participationAction(makeActivity({ myParticipation: mine('JOINED') }), NOW)).toEqual({ kind: 'going' });
    expect(participationAction(makeActivity({ myParticipation: mine('REQUESTED') }), NOW)).toEqual({
      kind: 'requested',
    });
    expect(participationAction(makeActivity({ myParticipation: mine('WAITLISTED', 3) }), NOW)).toEqual({
      kind: 'waitlisted',
      position: 3,
    });
    const hosting = makeActivity({ myParticipation: makeParticipation({ user: HOST, status: 'HOST' }) });
    expect(participationAction(hosting, NOW)).toEqual({ kind: 'hosting' });
  });

  it('offers nothing once cancelled or started, whoever I am', () => {
    for (const status of ['HOST', 'JOINED', 'WAITLISTED', null] as const) {
      const myParticipation = status ? mine(status) : null;
      expect(participationAction(makeActivity({ status: 'CANCELLED', myParticipation }), NOW)).toEqual({
        kind: 'cancelled',
      });
      const started = makeActivity({ startsAt: '2026-11-26T12:00:00.000Z', myParticipation });
      expect(participationAction(started, NOW)).toEqual({ kind: 'started' });
    }
  });
});

describe('peopleToNotifyOnCancel', () => {
  it('counts everyone going except the host, everyone waiting and everyone asking', () => {
    const activity = makeActivity({
      participants: [
        makeParticipation({ user: HOST, status: 'HOST' }),
        makeParticipation({ user: makePerson({ id: 'a' }) }),
        makeParticipation({ user: makePerson({ id: 'b' }) }),
      ],
      waitlist: [makeParticipation({ user: makePerson({ id: 'c' }), status: 'WAITLISTED', position: 1 })],
      requests: [makeParticipation({ user: makePerson({ id: 'd' }), status: 'REQUESTED' })],
    });
    expect(peopleToNotifyOnCancel(activity)).toBe(4);
    expect(peopleToNotifyOnCancel(makeActivity())).toBe(0);
  });
});

describe('refusalReason', () => {
  it('picks the sentence for each errorType the actions can meet, and a general one for the rest', () => {
    expect(refusalReason('Forbidden')).toBe('forbidden');
    expect(refusalReason('Conflict')).toBe('conflict');
    expect(refusalReason('NotFound')).toBe('notFound');
    expect(refusalReason('NetworkError')).toBe('network');
    expect(refusalReason('ValidationError')).toBe('invalid');
    for (const other of ['Unauthorized', 'Unknown', '', 'constructor', 'toString']) {
      expect(refusalReason(other)).toBe('other');
    }
  });
});

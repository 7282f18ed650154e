import type { ClassSession, SportsClass } from '@/api/classes';
import type { Attendee } from '@/api/staff';
import { makePerson } from './activityFixtures';

/** Typed classes data for component tests: valid by default, overridden where a test cares. */
export function makeClass(overrides: Partial<SportsClass> = {}): SportsClass {
  return {
    id: 'class-1',
    name: 'Yoga flow',
    description: 'Gentle flow for all levels.',
    sport: 'YOGA',
    instructor: 'Ines Jacobs',
    place: 'Sportkot studio 3',
    capacity: 12,
    ...overrides,
  };
}

/** A session on Monday 30 November 2026, 18:00–19:00 in Brussels (17:00Z), open for booking. */
export function makeSession(overrides: Partial<ClassSession> = {}): ClassSession {
  return {
    id: 'ses-1',
    classId: 'class-1',
    startsAt: '2026-11-30T17:00:00.000Z',
    durationMinutes: 60,
    endsAt: '2026-11-30T18:00:00.000Z',
    capacity: 12,
    place: 'Sportkot studio 3',
    status: 'SCHEDULED',
    confirmedCount: 9,
    placesLeft: 3,
    waitlistCount: 0,
    bookingOpensAt: '2026-11-23T17:00:00.000Z',
    freeCancelUntil: '2026-11-30T16:00:00.000Z',
    waitlistClosesAt: '2026-11-30T16:00:00.000Z',
    checkInOpensAt: '2026-11-30T16:30:00.000Z',
    state: 'OPEN',
    cancelledAt: null,
    cancelReason: null,
    sportsClass: makeClass(),
    myBooking: null,
    ...overrides,
  };
}

export function makeOwnBooking(overrides: Partial<NonNullable<ClassSession['myBooking']>> = {}) {
  return {
    sessionId: 'ses-1',
    status: 'CONFIRMED' as const,
    position: null,
    createdAt: '2026-11-25T10:00:00.000Z',
    cancelledAt: null,
    checkedInAt: null,
    checkInCode: 'K7QM2X',
    ...overrides,
  };
}

export function makeAttendee(overrides: Partial<Attendee> = {}): Attendee {
  return {
    sessionId: 'ses-1',
    status: 'CONFIRMED',
    position: null,
    createdAt: '2026-11-25T10:00:00.000Z',
    cancelledAt: null,
    checkedInAt: null,
    user: makePerson(),
    ...overrides,
  };
}

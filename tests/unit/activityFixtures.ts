import type { Activity, ActivitySummary, Participation } from '@/api/activities';
import type { AppNotification } from '@/api/notifications';
import type { Page } from '@/api/page';
import type { PublicProfile } from '@/api/profile';

/** Typed activity data for component tests: valid by default, overridden where a test cares. */
export function makePerson(overrides: Partial<PublicProfile> = {}): PublicProfile {
  return { id: 'sub-ann', displayName: 'Ann Peeters', universityId: 'uni-kuleuven', ...overrides };
}

export const HOST = makePerson({ id: 'sub-host', displayName: 'Hanne Host' });

export function makeParticipation(overrides: Partial<Participation> = {}): Participation {
  return {
    activityId: 'act-1',
    user: makePerson(),
    status: 'JOINED',
    position: null,
    note: null,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

export function makeActivitySummary(overrides: Partial<ActivitySummary> = {}): ActivitySummary {
  return {
    id: 'act-1',
    sport: 'VOLLEYBALL',
    title: 'Beach volleyball at the Sportkot',
    place: 'Sportkot, Leuven',
    startsAt: '2026-11-28T17:00:00.000Z',
    durationMinutes: 90,
    endsAt: '2026-11-28T18:30:00.000Z',
    capacity: 8,
    skillLevel: 'ANY',
    joinPolicy: 'OPEN',
    status: 'SCHEDULED',
    host: HOST,
    participantCount: 3,
    freePlaces: 5,
    waitlistCount: 0,
    myParticipation: null,
    ...overrides,
  };
}

export function makeActivity(overrides: Partial<Activity> = {}): Activity {
  const summary = makeActivitySummary(overrides);
  return {
    ...summary,
    description: 'Friendly game, all levels welcome.',
    mapUrl: 'https://www.openstreetmap.org/?mlat=50.87&mlon=4.70',
    participants: [makeParticipation({ user: HOST, status: 'HOST' })],
    requests: [],
    waitlist: [],
    cancelledAt: null,
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    ...overrides,
  };
}

export function makeNotification(overrides: Partial<AppNotification> = {}): AppNotification {
  return {
    id: 'note-1',
    userId: 'sub-ann',
    type: 'JOIN_REQUEST_APPROVED',
    actor: HOST,
    activityId: 'act-1',
    sessionId: null,
    conversationId: null,
    data: { title: 'Beach volleyball at the Sportkot', startsAt: '2026-11-28T17:00:00.000Z' },
    createdAt: '2026-11-26T10:00:00.000Z',
    readAt: null,
    ...overrides,
  };
}

export function pageOf<T>(items: T[], nextToken: string | null = null): Page<T> {
  return { items, nextToken };
}

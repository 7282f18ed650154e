import type { Profile, StaffOverview, University } from '@/api/profile';
import type { SessionUser } from '@/auth/types';

/** Typed test data: a valid object by default, overridden where a test cares. */
export function makeUniversity(overrides: Partial<University> = {}): University {
  return {
    id: 'uni-kuleuven',
    name: 'KU Leuven',
    timeZone: 'Europe/Brussels',
    emailDomains: ['kuleuven.be', 'student.kuleuven.be'],
    ...overrides,
  };
}

export function makeProfile(overrides: Partial<Profile> = {}): Profile {
  return {
    id: 'sub-ann',
    displayName: 'Ann Peeters',
    email: 'ann.peeters@student.kuleuven.be',
    university: makeUniversity(),
    roles: [],
    bio: '',
    sports: [],
    createdAt: '2026-09-01T08:00:00.000Z',
    updatedAt: '2026-09-01T08:00:00.000Z',
    ...overrides,
  };
}

export function makeStaffOverview(overrides: Partial<StaffOverview> = {}): StaffOverview {
  return { university: makeUniversity(), studentCount: 1200, staffCount: 7, ...overrides };
}

export function makeSessionUser(overrides: Partial<SessionUser> = {}): SessionUser {
  return { sub: 'sub-ann', username: 'sub-ann', groups: [], ...overrides };
}

/** A promise the test settles by hand, to look at a screen while it is still loading. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

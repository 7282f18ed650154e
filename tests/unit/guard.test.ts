import { describe, expect, it } from 'vitest';
import type { RouteMeta } from 'vue-router';
import { decideNavigation, type GuardSession } from '@/router/guard';
import { safeRedirectPath } from '@/router/redirect';

const signedOut: GuardSession = { status: 'signedOut', groups: [] };
const student: GuardSession = { status: 'signedIn', groups: [] };
const staff: GuardSession = { status: 'signedIn', groups: ['staff'] };
const admin: GuardSession = { status: 'signedIn', groups: ['admin'] };

function to(fullPath: string, meta: RouteMeta = {}, query: Record<string, unknown> = {}) {
  return { fullPath, meta, query };
}

describe('decideNavigation', () => {
  it('lets anyone open a public route', () => {
    expect(decideNavigation(to('/nowhere', { public: true }), signedOut)).toBe(true);
    expect(decideNavigation(to('/nowhere', { public: true }), student)).toBe(true);
  });

  it('treats routes without meta as private: signed-out users go to sign-in, keeping the path', () => {
    expect(decideNavigation(to('/account?tab=password'), signedOut)).toEqual({
      name: 'sign-in',
      query: { redirect: '/account?tab=password' },
    });
    expect(decideNavigation(to('/account'), student)).toBe(true);
  });

  it('shows sign-in only to signed-out users; a signed-in user goes to the redirect or home', () => {
    const signIn = { guestOnly: true };
    expect(decideNavigation(to('/sign-in', signIn), signedOut)).toBe(true);
    expect(decideNavigation(to('/sign-in', signIn), student)).toEqual({ path: '/' });
    expect(decideNavigation(to('/sign-in', signIn, { redirect: '/account' }), student)).toEqual({ path: '/account' });
    expect(decideNavigation(to('/sign-in', signIn, { redirect: 'https://evil.example' }), student)).toEqual({
      path: '/',
    });
  });

  it('sends a student away from a staff route to the forbidden page', () => {
    const staffOnly = { groups: ['staff', 'admin'] };
    expect(decideNavigation(to('/staff', staffOnly), student)).toEqual({
      name: 'forbidden',
      query: { from: '/staff' },
    });
    expect(decideNavigation(to('/staff', staffOnly), signedOut)).toEqual({
      name: 'sign-in',
      query: { redirect: '/staff' },
    });
  });

  it('lets staff and admins open a staff route', () => {
    const staffOnly = { groups: ['staff', 'admin'] };
    expect(decideNavigation(to('/staff', staffOnly), staff)).toBe(true);
    expect(decideNavigation(to('/staff', staffOnly), admin)).toBe(true);
  });
});

describe('safeRedirectPath', () => {
  it.each([
    ['/account', '/account'],
    ['/staff?x=1#top', '/staff?x=1#top'],
    [undefined, '/'],
    ['', '/'],
    ['account', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example/', '/'],
    [['/account', '/staff'], '/account'],
  ])('%j → %s', (raw, expected) => {
    expect(safeRedirectPath(raw)).toBe(expected);
  });
});

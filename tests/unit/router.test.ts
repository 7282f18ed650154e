import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Composer } from 'petite-vue-i18n';
import { createMemoryHistory } from 'vue-router';
import { readSignedInUser, signOut } from '@/auth/session';
import { i18n, setLocale } from '@/i18n';
import { createAppRouter, followSessionChanges, prefetchRoute } from '@/router';
import { useSessionStore } from '@/stores/session';
import { makeSessionUser } from './fixtures';

vi.mock('@/auth/session', () => ({ readSignedInUser: vi.fn(), signOut: vi.fn() }));
vi.mock('@/auth/authEvents', () => ({ listenToAuthEvents: vi.fn(() => () => {}) }));
// The real views are not needed to test where navigation ends up.
for (const view of ['Home', 'Account', 'Staff', 'StaffClassForm', 'SignIn', 'Forbidden', 'NotFound']) {
  vi.doMock(`@/views/${view}View.vue`, () => ({ default: { render: () => null } }));
}

function setUp() {
  setActivePinia(createPinia());
  const router = createAppRouter(createMemoryHistory());
  followSessionChanges(router);
  return { router, session: useSessionStore() };
}

beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(signOut).mockResolvedValue();
});

describe('app router', () => {
  it('sends a signed-out visitor to sign-in, keeping where they were going', async () => {
    vi.mocked(readSignedInUser).mockResolvedValue(null);
    const { router } = setUp();
    await router.push('/account');
    expect(router.currentRoute.value.fullPath).toBe('/sign-in?redirect=/account');
  });

  it('keeps students out of the staff page and lets staff in', async () => {
    vi.mocked(readSignedInUser).mockResolvedValue(makeSessionUser());
    const student = setUp();
    await student.router.push('/staff');
    expect(student.router.currentRoute.value.name).toBe('forbidden');

    vi.mocked(readSignedInUser).mockResolvedValue(makeSessionUser({ groups: ['staff'] }));
    const staff = setUp();
    await staff.router.push('/staff');
    expect(staff.router.currentRoute.value.name).toBe('staff');
  });

  it('loads the staff and admin routes only when someone allowed in opens one of their paths', async () => {
    vi.mocked(readSignedInUser).mockResolvedValue(makeSessionUser());
    const student = setUp();
    await student.router.push('/staff/classes/new');
    expect(student.router.currentRoute.value.name).toBe('forbidden');
    expect(student.router.hasRoute('staff-class-new')).toBe(false);

    vi.mocked(readSignedInUser).mockResolvedValue(makeSessionUser({ groups: ['staff'] }));
    const staff = setUp();
    expect(staff.router.hasRoute('staff-class-new')).toBe(false);
    await staff.router.push('/staff/classes/new');
    expect(staff.router.currentRoute.value.name).toBe('staff-class-new');
    expect(staff.router.hasRoute('staff-area')).toBe(false);
    // Loaded, the screens' names resolve, and a path none of them has is not found.
    expect(staff.router.resolve({ name: 'staff-blocks' }).fullPath).toBe('/staff/blocks');
    await staff.router.push('/staff/no-such-screen');
    expect(staff.router.currentRoute.value.name).toBe('not-found');
    // Staff are not administrators: the admin screens stay refused.
    await staff.router.push('/admin/staff');
    expect(staff.router.currentRoute.value.name).toBe('forbidden');
  });

  it('checks the session once, not on every navigation', async () => {
    vi.mocked(readSignedInUser).mockResolvedValue(makeSessionUser());
    const { router } = setUp();
    await router.push('/');
    await router.push('/account');
    await router.push('/');
    expect(readSignedInUser).toHaveBeenCalledTimes(1);
  });

  it('moves to sign-in with the path kept when the session dies on a private page', async () => {
    vi.mocked(readSignedInUser).mockResolvedValue(makeSessionUser());
    const { router, session } = setUp();
    await router.push('/account?tab=password');
    session.expireSession();
    await flushPromises();
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/sign-in?redirect=/account?tab=password'));
  });

  it('titles the page in the current language, and retitles it when the language changes', async () => {
    vi.mocked(readSignedInUser).mockResolvedValue(makeSessionUser());
    const { router } = setUp();
    await router.push('/account');
    expect(document.title).toBe('Your account · Huddle');
    try {
      await setLocale('nl');
      expect(document.title).toBe('Jouw account · Huddle');
      await router.push('/');
      expect(document.title).toBe('Start · Huddle');
    } finally {
      await setLocale('en');
    }
  });

  it('fetches the first page’s messages in the chosen language before the session is even checked', async () => {
    const { router } = setUp();
    prefetchRoute(router, '/account?tab=1', 'fr');
    const frenchMessages = () => (i18n.global as unknown as Composer).getLocaleMessage('fr') as Record<string, unknown>;
    await vi.waitFor(() => expect(frenchMessages()).toHaveProperty(['account.title'], 'Votre compte'));
    expect(readSignedInUser).not.toHaveBeenCalled();
    expect(router.currentRoute.value.fullPath).toBe('/');
  });
});

import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getUnreadCounts, subscribeToNotifications } from '@/api/notifications';
import { getMe } from '@/api/profile';
import type { AppNotification } from '@/api/notifications';
import NotificationBell from '@/components/shell/NotificationBell.vue';
import { i18n, setLocale } from '@/i18n';
import { useNotificationsStore } from '@/stores/notifications';
import { useSessionStore } from '@/stores/session';
import { makeNotification } from './activityFixtures';
import { makeProfile, makeSessionUser } from './fixtures';
import { mountWithApp } from './mountWithApp';

vi.mock('@/api/notifications', () => ({
  listNotifications: vi.fn(),
  getUnreadCounts: vi.fn(),
  markNotificationsRead: vi.fn(),
  subscribeToNotifications: vi.fn(),
}));
vi.mock('@/api/profile', () => ({ getMe: vi.fn() }));
vi.mock('@/auth/session', () => ({ readSignedInUser: vi.fn(), signOut: vi.fn() }));
vi.mock('@/auth/authEvents', () => ({ listenToAuthEvents: vi.fn(() => () => {}) }));

let push: (notification: AppNotification) => void = () => {};

beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(getMe).mockResolvedValue(makeProfile());
  vi.mocked(getUnreadCounts).mockResolvedValue({ notifications: 0, messages: 0 });
  vi.mocked(subscribeToNotifications).mockImplementation((_userId, onNotification) => {
    push = onNotification;
    return () => {};
  });
});

afterEach(async () => {
  useNotificationsStore().stop();
  await setLocale('en');
  document.body.innerHTML = '';
});

async function mountBell(unread: number) {
  vi.mocked(getUnreadCounts).mockResolvedValue({ notifications: unread, messages: 0 });
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessionStore().user = makeSessionUser();
  const mounted = await mountWithApp(NotificationBell, { pinia });
  // The bell starts the store in a task after its own (startInOwnTask.ts).
  await vi.waitFor(() => expect(subscribeToNotifications).toHaveBeenCalled());
  await flushPromises();
  return mounted;
}

const link = (wrapper: Awaited<ReturnType<typeof mountBell>>['wrapper']) => wrapper.get('a');

describe('NotificationBell', () => {
  it('links to the notifications page, named "Notifications" with no badge when all is read', async () => {
    const { wrapper } = await mountBell(0);
    expect(link(wrapper).attributes('href')).toBe('/notifications');
    expect(link(wrapper).attributes('aria-label')).toBe('Notifications');
    expect(wrapper.find('.notification-bell__badge').exists()).toBe(false);
    expect(wrapper.get('svg').attributes('aria-hidden')).toBe('true');
  });

  it('starts the store itself and shows the unread count in its name and badge', async () => {
    const { wrapper } = await mountBell(4);
    expect(subscribeToNotifications).toHaveBeenCalledWith('sub-ann', expect.any(Function), expect.any(Function));
    expect(link(wrapper).attributes('aria-label')).toBe('Notifications, 4 unread');
    expect(wrapper.get('.notification-bell__badge').text()).toBe('4');
  });

  it('shows 99+ above 99 while its name keeps the real count', async () => {
    const { wrapper } = await mountBell(120);
    expect(wrapper.get('.notification-bell__badge').text()).toBe('99+');
    expect(link(wrapper).attributes('aria-label')).toBe('Notifications, 120 unread');
  });

  it('counts up and announces a notification that arrives live', async () => {
    const { wrapper } = await mountBell(1);
    expect(wrapper.get('[role="status"]').text()).toBe('');

    push(makeNotification({ id: 'live-1', type: 'JOIN_REQUEST_DECLINED' }));
    await flushPromises();
    expect(link(wrapper).attributes('aria-label')).toBe('Notifications, 2 unread');
    expect(wrapper.get('[role="status"]').text()).toBe(
      'New notification: Your request to join “Beach volleyball at the Sportkot” was declined',
    );
  });

  it('speaks Dutch and French', async () => {
    const { wrapper } = await mountBell(2);
    await setLocale('nl');
    await flushPromises();
    expect(link(wrapper).attributes('aria-label')).toBe('Meldingen, 2 ongelezen');
    await setLocale('fr');
    await flushPromises();
    expect(link(wrapper).attributes('aria-label')).toBe('Notifications, 2 non lues');
  });

  it('opens one subscription however often the header mounts it, and the count survives', async () => {
    const { wrapper, pinia, router } = await mountBell(0);
    wrapper.unmount();
    push(makeNotification({ id: 'while-away' }));
    const again = mount(NotificationBell, { global: { plugins: [pinia, router, i18n] } });
    await flushPromises();
    expect(subscribeToNotifications).toHaveBeenCalledTimes(1);
    expect(again.get('a').attributes('aria-label')).toBe('Notifications, 1 unread');
  });
});

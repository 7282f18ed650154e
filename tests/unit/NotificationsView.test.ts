import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/errors';
import {
  getUnreadCounts,
  listNotifications,
  markNotificationsRead,
  subscribeToNotifications,
} from '@/api/notifications';
import { getMe } from '@/api/profile';
import { setLocale } from '@/i18n';
import type { AppNotification } from '@/api/notifications';
import type { Page } from '@/api/page';
import { useNotificationsStore } from '@/stores/notifications';
import { useSessionStore } from '@/stores/session';
import NotificationsView from '@/views/NotificationsView.vue';
import { makeNotification, pageOf } from './activityFixtures';
import { deferred, makeProfile, makeSessionUser } from './fixtures';
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

const APPROVED = makeNotification({ id: 'n-approved', createdAt: '2026-11-26T10:00:00.000Z' });
const DECLINED = makeNotification({
  id: 'n-declined',
  type: 'JOIN_REQUEST_DECLINED',
  activityId: 'act-2',
  data: { title: 'Padel for beginners' },
  createdAt: '2026-11-25T09:00:00.000Z',
  readAt: '2026-11-25T12:00:00.000Z',
});
const CLASS_CHANGED = makeNotification({
  id: 'n-class',
  type: 'SESSION_CHANGED',
  activityId: null,
  sessionId: 'ses-1',
  data: { className: 'Yoga flow', startsAt: '2026-11-30T17:00:00.000Z' },
  createdAt: '2026-11-24T09:00:00.000Z',
});

let push: (notification: AppNotification) => void = () => {};

beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(getMe).mockResolvedValue(makeProfile());
  vi.mocked(getUnreadCounts).mockResolvedValue({ notifications: 2, messages: 0 });
  vi.mocked(listNotifications).mockResolvedValue(pageOf([APPROVED, DECLINED, CLASS_CHANGED]));
  vi.mocked(markNotificationsRead).mockResolvedValue(1);
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

async function mountPage() {
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessionStore().user = makeSessionUser();
  const mounted = await mountWithApp(NotificationsView, { path: '/notifications', pinia });
  await flushPromises();
  return mounted;
}

type Wrapper = Awaited<ReturnType<typeof mountPage>>['wrapper'];
const items = (wrapper: Wrapper) => wrapper.findAll('li');
const button = (wrapper: Wrapper, name: string) => {
  const found = wrapper.findAll('button').find((b) => (b.attributes('aria-label') ?? b.text()) === name);
  if (!found) throw new Error(`No button named "${name}"`);
  return found;
};

describe('NotificationsView', () => {
  it('says it is loading, then lists the notifications newest first', async () => {
    const pending = deferred<Page<AppNotification>>();
    vi.mocked(listNotifications).mockReturnValueOnce(pending.promise);
    const { wrapper } = await mountPage();
    expect(wrapper.get('h1').text()).toBe('Notifications');
    expect(wrapper.text()).toContain('Loading your notifications…');
    expect(listNotifications).toHaveBeenCalledWith({ limit: 20 });

    pending.resolve(pageOf([CLASS_CHANGED, APPROVED, DECLINED]));
    await flushPromises();
    expect(wrapper.text()).not.toContain('Loading your notifications…');
    expect(items(wrapper).map((li) => li.find('.notification-item__sentence').text())).toEqual([
      'New Hanne Host approved your request to join “Beach volleyball at the Sportkot”',
      'Your request to join “Padel for beginners” was declined',
      'New The class “Yoga flow” on Mon 30 Nov, 18:00 has changed',
    ]);
    expect(items(wrapper)[0]!.get('time').attributes('datetime')).toBe('2026-11-26T10:00:00.000Z');
    expect(items(wrapper)[0]!.get('time').text()).toBe('Thu 26 Nov, 11:00');
  });

  it('says when there is nothing, with nothing to mark', async () => {
    vi.mocked(listNotifications).mockResolvedValue(pageOf([]));
    vi.mocked(getUnreadCounts).mockResolvedValue({ notifications: 0, messages: 0 });
    const { wrapper } = await mountPage();
    expect(wrapper.text()).toContain(
      'Nothing new. Join requests, approvals and changes to your activities show up here.',
    );
    expect(button(wrapper, 'Mark all as read').attributes('disabled')).toBeDefined();
  });

  it('explains a load error and retries', async () => {
    vi.mocked(listNotifications).mockRejectedValueOnce(new ApiError('NetworkError', 'Network error'));
    const { wrapper } = await mountPage();
    expect(wrapper.get('[role="alert"]').text()).toContain('Your notifications could not be loaded.');

    await button(wrapper, 'Try again').trigger('click');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
    expect(items(wrapper)).toHaveLength(3);
  });

  it('links the activity or class session a notification is about by its title, and the actor by name', async () => {
    const { wrapper } = await mountPage();
    const [approved, declined, session] = items(wrapper);
    const links = (item: typeof approved) => item!.findAll('a').map((a) => [a.text(), a.attributes('href')]);
    expect(links(approved)).toEqual([
      ['Hanne Host', '/people/sub-host'],
      ['Beach volleyball at the Sportkot', '/activities/act-1'],
    ]);
    expect(declined!.get('a').attributes('href')).toBe('/activities/act-2');
    expect(session!.get('a').attributes('href')).toMatch(/^\/classes\/sessions\//);
  });

  it('marks an unread notification read when its link is followed', async () => {
    const { wrapper, router } = await mountPage();
    await items(wrapper)[0]!.get('a[href="/activities/act-1"]').trigger('click');
    await flushPromises();
    expect(markNotificationsRead).toHaveBeenCalledWith(['n-approved']);
    expect(router.currentRoute.value.fullPath).toBe('/activities/act-1');
    expect(useNotificationsStore().unreadCount).toBe(1);
  });

  it('does not mark an already read notification again when its link is followed', async () => {
    const { wrapper, router } = await mountPage();
    await items(wrapper)[1]!.get('a').trigger('click'); // DECLINED, read already
    expect(markNotificationsRead).not.toHaveBeenCalled();
    // The other item's "Mark as read" stays usable (marking would disable it until the answer).
    expect(items(wrapper)[0]!.get('button').attributes('disabled')).toBeUndefined();
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/activities/act-2');
    expect(useNotificationsStore().unreadCount).toBe(2);
  });

  it('re-reads the first page after the store re-syncs, without duplicates, and stops on unmount', async () => {
    const { wrapper } = await mountPage();
    const missed = makeNotification({
      id: 'n-missed',
      type: 'ACTIVITY_CANCELLED',
      createdAt: '2026-11-27T08:00:00.000Z',
    });
    const readElsewhere = { ...APPROVED, readAt: '2026-11-27T09:00:00.000Z' };
    vi.mocked(listNotifications).mockResolvedValueOnce(pageOf([missed, readElsewhere, DECLINED, CLASS_CHANGED]));
    window.dispatchEvent(new Event('focus'));
    await flushPromises();
    expect(listNotifications).toHaveBeenCalledTimes(2);
    expect(wrapper.text()).not.toContain('Loading your notifications…');
    expect(items(wrapper).map((li) => li.find('.notification-item__sentence').text())).toEqual([
      'New “Beach volleyball at the Sportkot” was cancelled',
      'Hanne Host approved your request to join “Beach volleyball at the Sportkot”',
      'Your request to join “Padel for beginners” was declined',
      'New The class “Yoga flow” on Mon 30 Nov, 18:00 has changed',
    ]);

    wrapper.unmount();
    window.dispatchEvent(new Event('online'));
    await flushPromises();
    expect(listNotifications).toHaveBeenCalledTimes(2);
  });

  it('shows unread ones with a "New" label and a button that marks just that one, then focuses it', async () => {
    const { wrapper } = await mountPage();
    expect(wrapper.findAll('.notification-item__new').map((label) => label.text())).toEqual(['New', 'New']);
    const mark = button(
      wrapper,
      'Mark as read: Hanne Host approved your request to join “Beach volleyball at the Sportkot”',
    );
    expect(mark.text()).toBe('Mark as read');
    expect(items(wrapper)[1]!.find('button').exists()).toBe(false); // already read

    await mark.trigger('click');
    await flushPromises();
    expect(markNotificationsRead).toHaveBeenCalledWith(['n-approved']);
    const first = items(wrapper)[0]!;
    expect(first.find('.notification-item__new').exists()).toBe(false);
    expect(first.find('button').exists()).toBe(false);
    expect(document.activeElement).toBe(first.get('.notification-item__sentence').element);
    expect(useNotificationsStore().unreadCount).toBe(1);
  });

  it('marks all read, says so, and disables the button', async () => {
    vi.mocked(markNotificationsRead).mockResolvedValueOnce(2);
    const { wrapper } = await mountPage();
    await button(wrapper, 'Mark all as read').trigger('click');
    await flushPromises();
    expect(markNotificationsRead).toHaveBeenCalledWith(undefined);
    expect(wrapper.findAll('.notification-item__new')).toHaveLength(0);
    expect(wrapper.get('.notifications__status').text()).toBe('All notifications are marked as read.');
    expect(button(wrapper, 'Mark all as read').attributes('disabled')).toBeDefined();
    expect(document.activeElement).toBe(wrapper.get('h1').element);
    expect(useNotificationsStore().unreadCount).toBe(0);
  });

  it('keeps the unread ones and says so when marking fails', async () => {
    vi.mocked(markNotificationsRead).mockRejectedValueOnce(new ApiError('NetworkError', 'Network error'));
    const { wrapper } = await mountPage();
    await button(wrapper, 'Mark all as read').trigger('click');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toContain('could not be marked as read');
    expect(wrapper.findAll('.notification-item__new')).toHaveLength(2);
  });

  it('puts a notification that arrives live on top, once', async () => {
    const { wrapper } = await mountPage();
    const live = makeNotification({
      id: 'n-live',
      type: 'ACTIVITY_CANCELLED',
      createdAt: '2026-11-27T08:00:00.000Z',
    });
    push(live);
    push(live);
    await flushPromises();
    expect(items(wrapper)).toHaveLength(4);
    expect(items(wrapper)[0]!.text()).toContain('“Beach volleyball at the Sportkot” was cancelled');
    expect(listNotifications).toHaveBeenCalledTimes(1);
  });

  it('loads more while there are more, without duplicates, and focuses the first new one', async () => {
    vi.mocked(listNotifications).mockResolvedValueOnce(pageOf([APPROVED, DECLINED], 'token-2'));
    const older = makeNotification({
      id: 'n-older',
      type: 'PARTICIPANT_REMOVED',
      createdAt: '2026-11-01T09:00:00.000Z',
    });
    vi.mocked(listNotifications).mockResolvedValueOnce(pageOf([DECLINED, older], null));
    const { wrapper } = await mountPage();
    expect(items(wrapper)).toHaveLength(2);

    await button(wrapper, 'Load more').trigger('click');
    await flushPromises();
    expect(listNotifications).toHaveBeenLastCalledWith({ limit: 20, nextToken: 'token-2' });
    expect(items(wrapper)).toHaveLength(3);
    expect(items(wrapper)[2]!.text()).toContain('You were removed from');
    expect(document.activeElement).toBe(items(wrapper)[2]!.get('.notification-item__sentence').element);
    expect(wrapper.findAll('button').some((b) => b.text() === 'Load more')).toBe(false);
  });

  it('explains when more could not be loaded and retries', async () => {
    vi.mocked(listNotifications).mockResolvedValueOnce(pageOf([APPROVED], 'token-2'));
    vi.mocked(listNotifications).mockRejectedValueOnce(new ApiError('NetworkError', 'Network error'));
    const { wrapper } = await mountPage();
    await button(wrapper, 'Load more').trigger('click');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toContain('More notifications could not be loaded.');
    expect(items(wrapper)).toHaveLength(1);

    vi.mocked(listNotifications).mockResolvedValueOnce(pageOf([DECLINED], null));
    await button(wrapper, 'Try again').trigger('click');
    await flushPromises();
    expect(items(wrapper)).toHaveLength(2);
  });

  it('follows a language switch, sentences and times included', async () => {
    const { wrapper } = await mountPage();
    await setLocale('nl');
    await flushPromises();
    expect(wrapper.get('h1').text()).toBe('Meldingen');
    expect(items(wrapper)[1]!.text()).toContain('Je verzoek om deel te nemen aan “Padel for beginners” werd geweigerd');
    expect(items(wrapper)[0]!.get('time').text()).toMatch(/^do 26 nov/);
    expect(button(wrapper, 'Alles als gelezen markeren').exists()).toBe(true);
  });
});

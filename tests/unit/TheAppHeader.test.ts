import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getUnreadMessageCount } from '@/api/messages';
import { getUnreadCounts, subscribeToNotifications } from '@/api/notifications';
import { getMe } from '@/api/profile';
import { signOut } from '@/auth/session';
import TheAppHeader from '@/components/shell/TheAppHeader.vue';
import { loadAreas, setLocale } from '@/i18n';
import { useMessagesStore } from '@/stores/messages';
import { useNotificationsStore } from '@/stores/notifications';
import { useSessionStore } from '@/stores/session';
import { makeProfile, makeSessionUser } from './fixtures';
import { mountWithApp } from './mountWithApp';

vi.mock('@/auth/session', () => ({ readSignedInUser: vi.fn(), signOut: vi.fn() }));
vi.mock('@/auth/authEvents', () => ({ listenToAuthEvents: vi.fn(() => () => {}) }));
// The real bell (it has its own tests); here it only matters whether the header shows it.
vi.mock('@/api/notifications', () => ({
  listNotifications: vi.fn(),
  getUnreadCounts: vi.fn(),
  markNotificationsRead: vi.fn(),
  subscribeToNotifications: vi.fn(),
}));
vi.mock('@/api/profile', () => ({ getMe: vi.fn() }));
// The Messages badge's store: a count, and live subscriptions that never fire here.
vi.mock('@/api/messages', () => ({
  getUnreadMessageCount: vi.fn(),
  subscribeToMessages: vi.fn(() => () => {}),
  subscribeToReadReceipts: vi.fn(() => () => {}),
  sendMessage: vi.fn(),
  markConversationRead: vi.fn(),
}));
vi.mock('@/api/connection', () => ({ onReconnected: vi.fn(() => () => {}) }));
// The bell's chunk also waits for its messages: failing that load stands in for a failed chunk.
vi.mock('@/i18n', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/i18n')>();
  return { ...original, loadAreas: vi.fn(original.loadAreas) };
});

async function mountHeader(user: ReturnType<typeof makeSessionUser> | null, { waitForBell = true } = {}) {
  const mounted = await mountWithApp(TheAppHeader);
  const session = useSessionStore();
  session.$patch({ status: user ? 'signedIn' : 'signedOut', user });
  await flushPromises();
  // The bell is its own chunk: wait for it, or be sure it is not coming.
  if (user && waitForBell) await vi.waitFor(() => expect(mounted.wrapper.find(BELL).exists()).toBe(true));
  return mounted.wrapper;
}

const chunkFailure = () => new TypeError('Failed to fetch dynamically imported module');

const BELL = 'a[href="/notifications"]';

const navLinks = (wrapper: Awaited<ReturnType<typeof mountHeader>>) =>
  wrapper.findAll('.app-header__nav a').map((link) => [link.text(), link.attributes('href')]);

// Each test's header goes, so its parts' stores never start during the next test (they start a task after mounting).
enableAutoUnmount(afterEach);

beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(getMe).mockResolvedValue(makeProfile());
  vi.mocked(getUnreadCounts).mockResolvedValue({ notifications: 2, messages: 0 });
  vi.mocked(subscribeToNotifications).mockReturnValue(() => {});
  vi.mocked(getUnreadMessageCount).mockResolvedValue(0);
});
afterEach(async () => {
  vi.useRealTimers();
  useNotificationsStore().stop();
  useMessagesStore().stop();
  await setLocale('en');
  document.body.innerHTML = '';
});

describe('TheAppHeader', () => {
  it('shows a signed-in student the main navigation, the bell, the language switcher and sign-out', async () => {
    const wrapper = await mountHeader(makeSessionUser());
    expect(wrapper.get('.app-header__nav').attributes('aria-label')).toBe('Main');
    expect(navLinks(wrapper)).toEqual([
      ['Home', '/'],
      ['Find activities', '/activities'],
      ['My activities', '/my-activities'],
      ['Classes', '/classes'],
      ['Messages', '/messages'],
      ['Account', '/account'],
    ]);
    expect(wrapper.find('select').exists()).toBe(true);
    expect(wrapper.get('.app-header__sign-out').text()).toBe('Sign out');
  });

  it('adds the sports centre for staff', async () => {
    const wrapper = await mountHeader(makeSessionUser({ groups: ['staff'] }));
    expect(navLinks(wrapper).at(-1)).toEqual(['Sports centre', '/staff']);
  });

  it('adds the sports centre and administration for administrators', async () => {
    const wrapper = await mountHeader(makeSessionUser({ groups: ['admin'] }));
    expect(navLinks(wrapper).slice(-2)).toEqual([
      ['Sports centre', '/staff'],
      ['Administration', '/admin/staff'],
    ]);
  });

  it('shows a signed-out visitor only the brand and the language switcher', async () => {
    const wrapper = await mountHeader(null);
    expect(wrapper.find('.app-header__nav').exists()).toBe(false);
    expect(wrapper.find(BELL).exists()).toBe(false);
    expect(wrapper.find('button').exists()).toBe(false);
    expect(wrapper.get('label').text()).toBe('Language');
    expect(wrapper.get('a').text()).toBe('Huddle');
  });

  it('speaks Dutch and French once chosen', async () => {
    const wrapper = await mountHeader(makeSessionUser());
    await setLocale('nl');
    await flushPromises();
    expect(wrapper.get('.app-header__nav').attributes('aria-label')).toBe('Hoofdmenu');
    expect(navLinks(wrapper).map(([text]) => text)).toEqual([
      'Start',
      'Activiteiten',
      'Mijn activiteiten',
      'Lessen',
      'Berichten',
      'Account',
    ]);
    expect(wrapper.get('.app-header__sign-out').text()).toBe('Uitloggen');

    await setLocale('fr');
    await flushPromises();
    expect(navLinks(wrapper).map(([text]) => text)).toEqual([
      'Accueil',
      'Activités',
      'Mes activités',
      'Cours',
      'Messages',
      'Compte',
    ]);
    expect(wrapper.get('.app-header__sign-out').text()).toBe('Se déconnecter');
  });

  it('holds the bell’s place while its chunk loads, so nothing under the header moves when it comes', async () => {
    let arrive!: () => void;
    vi.mocked(loadAreas).mockReturnValueOnce(new Promise<void>((resolve) => (arrive = resolve)));
    const wrapper = await mountHeader(makeSessionUser(), { waitForBell: false });
    const slot = wrapper.find('.app-header__tools > span[aria-hidden="true"]');
    expect(slot.attributes('style')).toContain('width: 2.75rem; height: 2.75rem');
    expect(wrapper.find(BELL).exists()).toBe(false);
    arrive();
    await vi.waitFor(() => expect(wrapper.find(BELL).exists()).toBe(true));
    expect(wrapper.find('.app-header__tools > span[aria-hidden="true"]').exists()).toBe(false);
  });

  it('tries loading the bell again after a short pause when its chunk fails', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    vi.mocked(loadAreas).mockRejectedValueOnce(chunkFailure()).mockRejectedValueOnce(chunkFailure());
    const wrapper = await mountHeader(makeSessionUser(), { waitForBell: false });
    expect(wrapper.find(BELL).exists()).toBe(false);

    await vi.advanceTimersByTimeAsync(1_000); // second try, fails again
    await vi.advanceTimersByTimeAsync(2_000); // third try
    await flushPromises();
    expect(wrapper.get(BELL).attributes('aria-label')).toBe('Notifications, 2 unread');
  });

  it('goes on without the bell and the badge, quietly, when their chunk keeps failing', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const load = vi.mocked(loadAreas).getMockImplementation()!;
    vi.mocked(loadAreas).mockImplementation((areas, locale) =>
      areas.includes('notifications') ? Promise.reject(chunkFailure()) : load(areas, locale),
    );
    const errorHandler = vi.fn();
    const wrapper = await mountHeader(makeSessionUser(), { waitForBell: false });
    wrapper.vm.$.appContext.config.errorHandler = errorHandler;

    await vi.advanceTimersByTimeAsync(1_000 + 2_000 + 3_000 + 10_000);
    await flushPromises();
    const bellLoads = vi.mocked(loadAreas).mock.calls.filter(([areas]) => areas.includes('notifications'));
    // The first load and 3 retries each: the bell, the Messages badge and the tab bar share a load when they ask together.
    expect(bellLoads.length).toBeGreaterThanOrEqual(4);
    expect(bellLoads.length).toBeLessThanOrEqual(12);
    expect(errorHandler).not.toHaveBeenCalled();
    expect(wrapper.find(BELL).exists()).toBe(false);
    expect(navLinks(wrapper)).toHaveLength(6);
    expect(wrapper.get('.app-header__nav a[href="/messages"]').text()).toBe('Messages');
    expect(wrapper.get('.app-header__sign-out').text()).toBe('Sign out');
    vi.mocked(loadAreas).mockImplementation(load);
  });

  it('counts unread messages live on the Messages link, in its name and a badge, from a store it starts', async () => {
    vi.mocked(getUnreadMessageCount).mockResolvedValue(3);
    const wrapper = await mountHeader(makeSessionUser());
    const link = () => wrapper.get('.app-header__nav a[href="/messages"]');
    await vi.waitFor(() => expect(link().text()).toBe('Messages (3 unread)3'));
    expect(link().get('[aria-hidden="true"]').text()).toBe('3');
    useMessagesStore().unreadTotal = 0;
    await flushPromises();
    expect(link().text()).toBe('Messages');
  });

  it('signs out from the button', async () => {
    vi.mocked(signOut).mockResolvedValue();
    const wrapper = await mountHeader(makeSessionUser());
    await wrapper.get('.app-header__sign-out').trigger('click');
    await flushPromises();
    expect(signOut).toHaveBeenCalledTimes(1);
    expect(useSessionStore().status).toBe('signedOut');
  });
});

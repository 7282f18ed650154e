import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router';
import { getUnreadMessageCount } from '@/api/messages';
import { getUnreadCounts, subscribeToNotifications } from '@/api/notifications';
import App from '@/App.vue';
import { i18n, setLocale } from '@/i18n';
import { rememberScroll, scrollBehavior } from '@/router/scroll';
import { useMessagesStore } from '@/stores/messages';
import { useNotificationsStore } from '@/stores/notifications';
import { useSessionStore } from '@/stores/session';
import { makeSessionUser } from '../fixtures';

// The shell's stores talk to the app's API seam: counts, and live subscriptions that never fire here.
vi.mock('@/auth/session', () => ({ readSignedInUser: vi.fn(), signOut: vi.fn() }));
vi.mock('@/auth/authEvents', () => ({ listenToAuthEvents: vi.fn(() => () => {}) }));
vi.mock('@/api/notifications', () => ({
  listNotifications: vi.fn(),
  getUnreadCounts: vi.fn(),
  markNotificationsRead: vi.fn(),
  subscribeToNotifications: vi.fn(),
}));
vi.mock('@/api/profile', () => ({ getMe: vi.fn() }));
vi.mock('@/api/messages', () => ({
  getUnreadMessageCount: vi.fn(),
  subscribeToMessages: vi.fn(() => () => {}),
  subscribeToReadReceipts: vi.fn(() => () => {}),
  sendMessage: vi.fn(),
  markConversationRead: vi.fn(),
}));
vi.mock('@/api/connection', () => ({ onReconnected: vi.fn(() => () => {}) }));

/** A page with state of its own (a counter), named like the real view so App's KeepAlive knows it. */
const statefulPage = (name: string) =>
  defineComponent({
    name,
    setup() {
      const clicks = ref(0);
      return () =>
        h('div', { class: 'page-body' }, [
          h('h1', name),
          h('button', { onClick: () => clicks.value++ }, `${clicks.value}`),
        ]);
    },
  });

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: statefulPage('HomeView') },
  { path: '/activities', name: 'activities', component: statefulPage('FindActivitiesView'), meta: { tab: true } },
  {
    path: '/activities/:id',
    name: 'activity',
    component: statefulPage('ActivityDetailView'),
    meta: { back: 'activities' },
  },
  {
    path: '/activities/:id/edit',
    name: 'activity-edit',
    component: statefulPage('HostActivityView'),
    meta: { back: 'activity' },
  },
  { path: '/classes', name: 'classes', component: statefulPage('TimetableView'), meta: { tab: true } },
  {
    path: '/classes/sessions/:id',
    name: 'class-session',
    component: statefulPage('SessionView'),
    meta: { back: 'classes' },
  },
  { path: '/messages', name: 'messages', component: statefulPage('MessagesView'), meta: { tab: true } },
  {
    path: '/messages/:userId',
    name: 'conversation',
    component: statefulPage('ConversationView'),
    meta: { back: 'messages' },
  },
  { path: '/people/:id', name: 'person', component: statefulPage('PersonView'), meta: { back: 'messages' } },
  { path: '/notifications', name: 'notifications', component: statefulPage('NotificationsView'), meta: { tab: true } },
  { path: '/me', name: 'me', component: statefulPage('MeView'), meta: { tab: true } },
  { path: '/account', name: 'account', component: statefulPage('AccountView'), meta: { back: 'me' } },
  { path: '/my-activities', name: 'my-activities', component: statefulPage('MyActivitiesView'), meta: { back: 'me' } },
  { path: '/staff', name: 'staff', component: statefulPage('StaffView'), meta: { back: 'me' } },
  { path: '/admin/staff', name: 'admin-staff', component: statefulPage('AdminStaffView'), meta: { back: 'me' } },
  { path: '/sign-in', name: 'sign-in', component: statefulPage('SignInView') },
];

async function mountShell(path = '/activities', { signedIn = true } = {}) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const session = useSessionStore();
  session.$patch(signedIn ? { status: 'signedIn', user: makeSessionUser() } : { status: 'signedOut', user: null });
  const router = createRouter({ history: createMemoryHistory(), routes, scrollBehavior });
  rememberScroll(router);
  await router.push(path);
  await router.isReady();
  const wrapper = mount(App, { global: { plugins: [pinia, router, i18n] }, attachTo: document.body });
  await flushPromises();
  // The tab bar comes in the live shell's chunk, after the page shows.
  if (signedIn) await vi.waitFor(() => expect(wrapper.find('.tab-bar').exists()).toBe(true));
  const go = async (to: string) => {
    await router.push(to);
    await flushPromises();
  };
  return { wrapper, router, go };
}

type Shell = Awaited<ReturnType<typeof mountShell>>['wrapper'];
const tabs = (wrapper: Shell) => wrapper.findAll('.tab-bar a');
const tab = (wrapper: Shell, name: string) => tabs(wrapper).find((link) => link.text().startsWith(name))!;
const current = (wrapper: Shell) =>
  tabs(wrapper)
    .filter((link) => link.attributes('aria-current'))
    .map((link) => [link.get('.tab-bar__label').text(), link.attributes('aria-current')]);

beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(getUnreadCounts).mockResolvedValue({ notifications: 0, messages: 0 });
  vi.mocked(subscribeToNotifications).mockReturnValue(() => {});
  vi.mocked(getUnreadMessageCount).mockResolvedValue(0);
  window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
});
afterEach(async () => {
  useNotificationsStore().stop();
  useMessagesStore().stop();
  await setLocale('en');
  document.body.innerHTML = '';
});

describe('the tab bar', () => {
  it('offers the five areas, in order, in a labelled navigation, to signed-in people only', async () => {
    const { wrapper } = await mountShell();
    expect(wrapper.get('.tab-bar').element.tagName).toBe('NAV');
    expect(wrapper.get('.tab-bar').attributes('aria-label')).toBe('Tabs');
    expect(tabs(wrapper).map((link) => [link.text(), link.attributes('href')])).toEqual([
      ['Activities', '/activities'],
      ['Classes', '/classes'],
      ['Messages', '/messages'],
      ['Notifications', '/notifications'],
      ['Me', '/me'],
    ]);
    wrapper.unmount();

    const signedOut = await mountShell('/sign-in', { signedIn: false });
    await flushPromises();
    expect(signedOut.wrapper.find('.tab-bar').exists()).toBe(false);
  });

  it('marks the tab of the page shown: aria-current="page" at its root, "true" on a page below it', async () => {
    const { wrapper, go } = await mountShell('/activities');
    expect(current(wrapper)).toEqual([['Activities', 'page']]);
    await go('/activities/a1');
    expect(current(wrapper)).toEqual([['Activities', 'true']]);
    await go('/people/p1'); // a person is reached from a conversation: under Messages
    expect(current(wrapper)).toEqual([['Messages', 'true']]);
    await go('/admin/staff');
    expect(current(wrapper)).toEqual([['Me', 'true']]);
    await go('/');
    expect(current(wrapper)).toEqual([['Activities', 'true']]);
  });

  it('shows the unread messages and notifications live, as a badge and in words for screen readers', async () => {
    vi.mocked(getUnreadMessageCount).mockResolvedValue(3);
    vi.mocked(getUnreadCounts).mockResolvedValue({ notifications: 120, messages: 3 });
    const { wrapper } = await mountShell();
    await vi.waitFor(() => expect(tab(wrapper, 'Messages').text()).toBe('Messages (3 unread)3'));
    expect(tab(wrapper, 'Messages').get('.tab-bar__badge').attributes('aria-hidden')).toBe('true');
    expect(tab(wrapper, 'Messages').get('.visually-hidden').text()).toBe('(3 unread)');
    await vi.waitFor(() => expect(tab(wrapper, 'Notifications').get('.tab-bar__badge').text()).toBe('99+'));
    expect(tab(wrapper, 'Notifications').get('.visually-hidden').text()).toBe('(120 unread)');

    useMessagesStore().unreadTotal = 0;
    await flushPromises();
    expect(tab(wrapper, 'Messages').text()).toBe('Messages');
  });

  it('leads the tab you are in back to its root as it was left, filters included', async () => {
    const { wrapper, go } = await mountShell('/activities?sport=TENNIS');
    await go('/activities/a1');
    expect(tab(wrapper, 'Activities').attributes('href')).toBe('/activities?sport=TENNIS');
  });

  it('takes each tab back to the last page opened in it; the tab you are in leads to its root', async () => {
    const { wrapper, go } = await mountShell('/messages');
    await go('/messages/u7');
    await go('/activities');
    expect(tab(wrapper, 'Messages').attributes('href')).toBe('/messages/u7');
    await tab(wrapper, 'Messages').trigger('click');
    await flushPromises();
    expect(wrapper.vm.$route.fullPath).toBe('/messages/u7');
    expect(tab(wrapper, 'Messages').attributes('href')).toBe('/messages');
  });

  it('speaks Dutch and French', async () => {
    const { wrapper } = await mountShell();
    await setLocale('nl');
    await flushPromises();
    expect(tabs(wrapper).map((link) => link.text())).toEqual([
      'Activiteiten',
      'Lessen',
      'Berichten',
      'Meldingen',
      'Ik',
    ]);
    await setLocale('fr');
    await flushPromises();
    expect(tabs(wrapper).map((link) => link.text())).toEqual([
      'Activités',
      'Cours',
      'Messages',
      'Notifications',
      'Moi',
    ]);
  });
});

describe('the top bar', () => {
  const back = (wrapper: Shell) => wrapper.find('.app-header__back');

  it('names the page, and offers Back only on a page below another', async () => {
    const { wrapper, go } = await mountShell('/activities');
    expect(wrapper.get('.app-header__title').text()).toBe('Find activities');
    expect(back(wrapper).exists()).toBe(false);
    for (const path of ['/activities/a1', '/people/p1', '/messages/u1', '/classes/sessions/s1', '/staff']) {
      await go(path);
      expect(back(wrapper).exists(), path).toBe(true);
      expect(back(wrapper).get('.visually-hidden').text()).toBe('Back'); // its name; the arrow is aria-hidden
      expect(back(wrapper).get('.app-header__back-arrow').attributes('aria-hidden')).toBe('true');
      expect(back(wrapper).element.tagName).toBe('BUTTON');
    }
    expect(wrapper.get('.app-header__title').text()).toBe('Sports centre');
  });

  it('goes back in history when the app came from there', async () => {
    const { wrapper, router, go } = await mountShell('/messages');
    await go('/messages/u1');
    await go('/people/p1');
    const backSpy = vi.spyOn(router, 'back');
    window.history.replaceState({ ...window.history.state, back: '/messages/u1' }, '');
    await back(wrapper).trigger('click');
    expect(backSpy).toHaveBeenCalledTimes(1);
  });

  it('opened from a link (no history), goes up to the page above, keeping its parameters', async () => {
    const { wrapper, router } = await mountShell('/activities/a1/edit');
    window.history.replaceState({ ...window.history.state, back: null }, '');
    await back(wrapper).trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/activities/a1');
    await back(wrapper).trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/activities');
  });
});

describe('state and scroll kept across tabs', () => {
  it("keeps each tab's root page alive, with what was done on it, but not the pages below", async () => {
    const { wrapper, go } = await mountShell('/activities');
    await wrapper.get('.page-body button').trigger('click');
    await wrapper.get('.page-body button').trigger('click');
    expect(wrapper.get('.page-body button').text()).toBe('2');

    await go('/messages');
    expect(wrapper.get('.page-body h1').text()).toBe('MessagesView');
    await go('/activities');
    expect(wrapper.get('.page-body button').text()).toBe('2');

    await go('/activities/a1');
    await wrapper.get('.page-body button').trigger('click');
    await go('/classes');
    await go('/activities/a1');
    expect(wrapper.get('.page-body button').text()).toBe('0');
  });

  it('forgets the kept pages when another person signs in', async () => {
    const { wrapper, go } = await mountShell('/activities');
    await wrapper.get('.page-body button').trigger('click');
    await go('/me');
    useSessionStore().$patch({ user: makeSessionUser({ sub: 'someone-else' }) });
    await go('/activities');
    expect(wrapper.get('.page-body button').text()).toBe('0');
  });

  it("brings a tab's root page back where it was scrolled, and starts other pages at the top", async () => {
    const { go } = await mountShell('/activities');
    const scrollTo = vi.mocked(window.scrollTo);
    // The visit's first page is at its top already: no scroll (and no forced layout) as it renders.
    expect(scrollTo).not.toHaveBeenCalled();
    Object.defineProperty(window, 'scrollY', { value: 640, configurable: true });
    await go('/classes');
    expect(scrollTo).toHaveBeenLastCalledWith(expect.objectContaining({ top: 0 }));
    Object.defineProperty(window, 'scrollY', { value: 120, configurable: true });
    await go('/activities/a1');
    expect(scrollTo).toHaveBeenLastCalledWith(expect.objectContaining({ top: 0 }));
    await go('/activities');
    expect(scrollTo).toHaveBeenLastCalledWith(expect.objectContaining({ top: 640 }));
    await go('/classes');
    expect(scrollTo).toHaveBeenLastCalledWith(expect.objectContaining({ top: 120 }));
    Object.defineProperty(window, 'scrollY', { value: 0, configurable: true });
  });
});

import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getMe, subscribeToProfile } from '@/api/profile';
import { signOut } from '@/auth/session';
import LocaleSwitcher from '@/components/shell/LocaleSwitcher.vue';
import { currentLocale, setLocale } from '@/i18n';
import { useSessionStore } from '@/stores/session';
import MeView from '@/views/MeView.vue';
import { makeProfile, makeSessionUser } from '../fixtures';
import { mountWithApp } from '../mountWithApp';

vi.mock('@/api/profile', () => ({ getMe: vi.fn(), subscribeToProfile: vi.fn(), signOutEverywhere: vi.fn() }));
vi.mock('@/auth/session', () => ({ readSignedInUser: vi.fn(), signOut: vi.fn() }));
vi.mock('@/auth/authEvents', () => ({ listenToAuthEvents: vi.fn(() => () => {}) }));

async function mountMe(groups: string[] = []) {
  const mounted = await mountWithApp(MeView, { path: '/me', global: { components: { LocaleSwitcher } } });
  useSessionStore().$patch({ status: 'signedIn', user: makeSessionUser({ groups }) });
  await flushPromises();
  return mounted.wrapper;
}

type Mounted = Awaited<ReturnType<typeof mountMe>>;
const links = (wrapper: Mounted) => wrapper.findAll('nav a').map((link) => [link.text(), link.attributes('href')]);

beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(getMe).mockResolvedValue(makeProfile());
  vi.mocked(subscribeToProfile).mockReturnValue(() => {});
});
afterEach(async () => {
  await setLocale('en');
  document.body.innerHTML = '';
});

describe('MeView', () => {
  it("shows the user's name and university, and links to their own pages", async () => {
    const wrapper = await mountMe();
    expect(wrapper.get('h1').text()).toBe('Ann Peeters');
    expect(wrapper.text()).toContain('KU Leuven');
    expect(wrapper.get('nav').attributes('aria-label')).toBe('Your pages');
    expect(links(wrapper)).toEqual([
      ['Account and profile', '/account'],
      ['Your page as others see it', '/people/sub-ann'],
      ['My activities', '/my-activities'],
      ['My bookings', '/classes/mine'],
    ]);
  });

  it('adds the sports centre for staff, and administration for administrators', async () => {
    const staff = await mountMe(['staff']);
    expect(links(staff).slice(4)).toEqual([
      ['Sports centre', '/staff'],
      ['No-show blocks', '/staff/blocks'],
    ]);
    staff.unmount();
    const admin = await mountMe(['admin']);
    expect(links(admin).slice(4)).toEqual([
      ['Sports centre', '/staff'],
      ['No-show blocks', '/staff/blocks'],
      ['Sports-centre staff', '/admin/staff'],
      ['Booking rules', '/admin/rules'],
    ]);
    expect(admin.findAll('nav')[1]!.attributes('aria-label')).toBe('Sports centre and administration');
  });

  it('switches the language', async () => {
    const wrapper = await mountMe();
    await wrapper.get('select').setValue('nl');
    await vi.waitFor(() => expect(currentLocale()).toBe('nl'));
    await flushPromises();
    expect(wrapper.get('label').text()).toBe('Taal');
    expect(wrapper.get('.me__sign-out').text()).toBe('Uitloggen');
  });

  it('signs out', async () => {
    vi.mocked(signOut).mockResolvedValueOnce();
    const wrapper = await mountMe();
    await wrapper.get('.me__sign-out').trigger('click');
    await flushPromises();
    expect(signOut).toHaveBeenCalledWith({ global: false });
    expect(useSessionStore().status).toBe('signedOut');
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
  });

  it('says so when signing out fails', async () => {
    vi.mocked(signOut).mockRejectedValueOnce(new Error('offline'));
    const wrapper = await mountMe();
    await wrapper.get('.me__sign-out').trigger('click');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toBe('Signing out did not work. Check your connection and try again.');
  });
});

import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/errors';
import { getMe, signOutEverywhere, subscribeToProfile, updateProfile } from '@/api/profile';
import { changePassword } from '@/auth/password';
import { signOut } from '@/auth/session';
import AccountView from '@/views/AccountView.vue';
import { deferred, makeProfile } from './fixtures';
import { mountWithApp } from './mountWithApp';

vi.mock('@/api/profile', () => ({
  getMe: vi.fn(),
  updateProfile: vi.fn(),
  signOutEverywhere: vi.fn(),
  subscribeToProfile: vi.fn(),
}));
vi.mock('@/auth/password', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/auth/password')>()),
  changePassword: vi.fn(),
}));
vi.mock('@/auth/session', () => ({ readSignedInUser: vi.fn(), signOut: vi.fn() }));
vi.mock('@/auth/authEvents', () => ({ listenToAuthEvents: vi.fn(() => () => {}) }));

const unsubscribe = vi.fn();

type Mounted = Awaited<ReturnType<typeof mountWithApp>>['wrapper'];

/** Submits the form the field belongs to, as pressing Enter in it would. */
async function submitFormOf(wrapper: Mounted, fieldSelector: string): Promise<void> {
  wrapper.get<HTMLInputElement>(fieldSelector).element.form?.requestSubmit();
  await flushPromises();
}

beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(getMe).mockResolvedValue(makeProfile());
  vi.mocked(subscribeToProfile).mockReturnValue(unsubscribe);
});

describe('AccountView', () => {
  it('says it is loading, then shows university, email and the display name to edit', async () => {
    const pending = deferred<ReturnType<typeof makeProfile>>();
    vi.mocked(getMe).mockReturnValue(pending.promise);
    const { wrapper } = await mountWithApp(AccountView, { path: '/account' });
    expect(wrapper.get('[role="status"]').text()).toContain('Loading your account');

    pending.resolve(makeProfile());
    await flushPromises();
    expect(wrapper.text()).toContain('KU Leuven');
    expect(wrapper.text()).toContain('ann.peeters@student.kuleuven.be');
    expect(wrapper.get<HTMLInputElement>('#display-name').element.value).toBe('Ann Peeters');
  });

  it('shows a load error with a retry', async () => {
    vi.mocked(getMe).mockRejectedValueOnce(new ApiError('NetworkError', 'Network error'));
    const { wrapper } = await mountWithApp(AccountView, { path: '/account' });
    expect(wrapper.get('[role="alert"]').text()).toContain('Your account could not be loaded.');
  });

  it('follows profile changes from other devices and stops when the page closes', async () => {
    const { wrapper } = await mountWithApp(AccountView, { path: '/account' });
    expect(subscribeToProfile).toHaveBeenCalledWith('sub-ann', expect.any(Function));
    wrapper.unmount();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });

  it("saves the display name; on a server error keeps what was typed and shows the server's message", async () => {
    vi.mocked(updateProfile).mockRejectedValueOnce(new ApiError('BadRequest', 'Display name is too long'));
    const { wrapper } = await mountWithApp(AccountView, { path: '/account' });
    await wrapper.get('#display-name').setValue('A very long name');
    await submitFormOf(wrapper, '#display-name');
    expect(updateProfile).toHaveBeenCalledWith('A very long name');
    expect(wrapper.text()).toContain('Display name is too long');
    expect(wrapper.get<HTMLInputElement>('#display-name').element.value).toBe('A very long name');

    vi.mocked(updateProfile).mockResolvedValueOnce(makeProfile({ displayName: 'Ann P.' }));
    await wrapper.get('#display-name').setValue('Ann P.');
    await submitFormOf(wrapper, '#display-name');
    expect(wrapper.text()).toContain('Your display name is saved.');
    expect(wrapper.text()).not.toContain('Display name is too long');
  });

  it('refuses a new password that breaks the policy without calling Cognito', async () => {
    const { wrapper } = await mountWithApp(AccountView, { path: '/account' });
    expect(wrapper.text()).toContain('At least 8 characters, with upper- and lower-case letters and a digit.');
    await wrapper.get('#current-password').setValue('OldSecret1');
    await wrapper.get('#new-password').setValue('short');
    await submitFormOf(wrapper, '#new-password');
    expect(changePassword).not.toHaveBeenCalled();
    expect(wrapper.text()).toContain('The new password does not meet the rules.');
  });

  it('explains a wrong current password, then confirms a successful change', async () => {
    vi.mocked(changePassword).mockRejectedValueOnce(
      Object.assign(new Error('Incorrect username or password.'), { name: 'NotAuthorizedException' }),
    );
    const { wrapper } = await mountWithApp(AccountView, { path: '/account' });
    await wrapper.get('#current-password').setValue('Wrong1234');
    await wrapper.get('#new-password').setValue('NewSecret1');
    await submitFormOf(wrapper, '#new-password');
    expect(wrapper.text()).toContain('Your current password is not right.');
    expect(wrapper.get<HTMLInputElement>('#new-password').element.value).toBe('NewSecret1');

    vi.mocked(changePassword).mockResolvedValueOnce();
    await wrapper.get('#current-password').setValue('OldSecret1');
    await submitFormOf(wrapper, '#new-password');
    expect(changePassword).toHaveBeenLastCalledWith('OldSecret1', 'NewSecret1');
    expect(wrapper.text()).toContain('Your password is changed.');
    expect(wrapper.get<HTMLInputElement>('#new-password').element.value).toBe('');
  });

  it('signs out of all devices: first the server refuses old tokens, then Cognito signs out globally', async () => {
    const order: string[] = [];
    vi.mocked(signOutEverywhere).mockImplementation(async () => (order.push('api'), true));
    vi.mocked(signOut).mockImplementation(async () => void order.push('cognito'));
    const { wrapper } = await mountWithApp(AccountView, { path: '/account' });
    const button = wrapper.findAll('button').find((b) => b.text() === 'Sign out of all devices');
    await button!.trigger('click');
    await flushPromises();
    expect(order).toEqual(['api', 'cognito']);
    expect(signOut).toHaveBeenCalledWith({ global: true });
  });

  it('says so when signing out fails', async () => {
    vi.mocked(signOutEverywhere).mockRejectedValueOnce(new ApiError('NetworkError', 'Network error'));
    const { wrapper } = await mountWithApp(AccountView, { path: '/account' });
    const button = wrapper.findAll('button').find((b) => b.text() === 'Sign out of all devices');
    await button!.trigger('click');
    await flushPromises();
    expect(signOut).not.toHaveBeenCalled();
    expect(wrapper.text()).toContain('Signing out did not complete.');
  });
});

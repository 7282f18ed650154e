import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/errors';
import { getMe, signOutEverywhere, signOutOtherDevices, subscribeToProfile, updateProfile } from '@/api/profile';
import { changePassword } from '@/auth/password';
import { signOut } from '@/auth/session';
import AccountView from '@/views/AccountView.vue';
import { deferred, makeProfile } from './fixtures';
import { mountWithApp } from './mountWithApp';

vi.mock('@/api/profile', () => ({
  getMe: vi.fn(),
  updateProfile: vi.fn(),
  signOutEverywhere: vi.fn(),
  signOutOtherDevices: vi.fn(),
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
  vi.mocked(signOutOtherDevices).mockResolvedValue(true);
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

  it('saves name, bio and sports; a refusal shows next to its field in the reader’s language, keeping what was typed', async () => {
    vi.mocked(updateProfile).mockRejectedValueOnce(
      new ApiError('ValidationError', 'Bio can be at most 280 characters.', {
        code: 'bio.tooLong',
        field: 'input.bio',
        max: 280,
      }),
    );
    const { wrapper } = await mountWithApp(AccountView, { path: '/account' });
    await wrapper.get('#display-name').setValue('Ann P.');
    await wrapper.get('#bio').setValue('Tennis on Tuesdays.');
    await submitFormOf(wrapper, '#display-name');
    expect(updateProfile).toHaveBeenCalledWith({ displayName: 'Ann P.', bio: 'Tennis on Tuesdays.', sports: [] });
    expect(wrapper.get('#bio-error').text()).toBe('Your bio can be at most 280 characters.');
    expect(wrapper.get('#bio').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get<HTMLTextAreaElement>('#bio').element.value).toBe('Tennis on Tuesdays.');

    vi.mocked(updateProfile).mockResolvedValueOnce(makeProfile({ displayName: 'Ann P.', bio: 'Tennis on Tuesdays.' }));
    await submitFormOf(wrapper, '#display-name');
    expect(wrapper.text()).toContain('Your profile is saved.');
    expect(wrapper.find('#bio-error').text()).toBe('');
  });

  it('refuses an empty name and a bio over 280 characters before asking the server, counting down as one types', async () => {
    const { wrapper } = await mountWithApp(AccountView, { path: '/account' });
    expect(wrapper.get('#bio-count').text()).toBe('280 characters left');
    await wrapper.get('#bio').setValue('🎾'.repeat(279));
    expect(wrapper.get('#bio-count').text()).toBe('1 character left');
    await wrapper.get('#bio').setValue('x'.repeat(283));
    expect(wrapper.get('#bio-count').text()).toBe('3 characters too many');
    await submitFormOf(wrapper, '#display-name');
    await wrapper.get('#bio').setValue('ok');
    await wrapper.get('#display-name').setValue('  ');
    await submitFormOf(wrapper, '#display-name');
    expect(wrapper.get('#display-name-error').text()).toBe('Enter a display name.');
    expect(updateProfile).not.toHaveBeenCalled();
  });

  it('edits the sports with a level each: add, change a level, remove; and saves the list', async () => {
    vi.mocked(getMe).mockResolvedValue(makeProfile({ sports: [{ sport: 'TENNIS', level: 'ADVANCED' }] }));
    vi.mocked(updateProfile).mockImplementation(async (input) =>
      makeProfile({ ...input, bio: input.bio ?? '', sports: input.sports ?? [] }),
    );
    const { wrapper } = await mountWithApp(AccountView, { path: '/account' });
    const levelOf = (sport: string) => wrapper.get(`select[aria-label="Your level in ${sport}"]`);
    expect((levelOf('Tennis').element as HTMLSelectElement).value).toBe('ADVANCED');
    // A person's level: beginner to advanced, never "all levels".
    expect(
      levelOf('Tennis')
        .findAll('option')
        .map((o) => o.text()),
    ).toEqual(['Beginner', 'Intermediate', 'Advanced']);

    const adder = wrapper.findAll('select').find((s) => s.findAll('option').some((o) => o.text() === 'Running'))!;
    expect(adder.findAll('option').map((o) => o.text())).not.toContain('Tennis');
    await adder.setValue('RUNNING');
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Add sport')!
      .trigger('click');
    expect(wrapper.text()).toContain('Running added.');
    await levelOf('Tennis').setValue('INTERMEDIATE');
    await wrapper.get('button[aria-label="Remove Tennis"]').trigger('click');
    expect(wrapper.text()).toContain('Tennis removed.');

    await submitFormOf(wrapper, '#display-name');
    expect(updateProfile).toHaveBeenCalledWith({
      displayName: 'Ann Peeters',
      bio: '',
      sports: [{ sport: 'RUNNING', level: 'BEGINNER' }],
    });
    expect(wrapper.text()).toContain('Your profile is saved.');
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
    expect(signOutOtherDevices).toHaveBeenCalledTimes(1);
    expect(wrapper.text()).toContain('Your password is changed. Your other devices are signed out.');
    expect(wrapper.get<HTMLInputElement>('#new-password').element.value).toBe('');
  });

  it('ends the other devices’ sessions only after Cognito accepted the new password', async () => {
    vi.mocked(changePassword).mockRejectedValueOnce(
      Object.assign(new Error('Incorrect username or password.'), { name: 'NotAuthorizedException' }),
    );
    const { wrapper } = await mountWithApp(AccountView, { path: '/account' });
    await wrapper.get('#current-password').setValue('Wrong1234');
    await wrapper.get('#new-password').setValue('NewSecret1');
    await submitFormOf(wrapper, '#new-password');
    expect(signOutOtherDevices).not.toHaveBeenCalled();
  });

  it('says so when the password changed but the other devices could not be signed out', async () => {
    vi.mocked(changePassword).mockResolvedValueOnce();
    vi.mocked(signOutOtherDevices).mockRejectedValueOnce(new ApiError('NetworkError', 'Network error'));
    const { wrapper } = await mountWithApp(AccountView, { path: '/account' });
    await wrapper.get('#current-password').setValue('OldSecret1');
    await wrapper.get('#new-password').setValue('NewSecret1');
    await submitFormOf(wrapper, '#new-password');
    expect(wrapper.text()).toContain('Your password is changed, but your other devices could not be signed out.');
    expect(wrapper.get('#new-password').attributes('aria-invalid')).toBe('false');
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

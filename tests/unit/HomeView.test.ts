import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/errors';
import { getMe } from '@/api/profile';
import { setLocale } from '@/i18n';
import HomeView from '@/views/HomeView.vue';
import { deferred, makeProfile, makeUniversity } from './fixtures';
import { mountWithApp } from './mountWithApp';

vi.mock('@/api/profile', () => ({ getMe: vi.fn(), subscribeToProfile: vi.fn(), updateProfile: vi.fn() }));

beforeEach(() => vi.clearAllMocks());
afterEach(() => setLocale('en'));

describe('HomeView', () => {
  it('says it is loading while the profile is on its way', async () => {
    const pending = deferred<ReturnType<typeof makeProfile>>();
    vi.mocked(getMe).mockReturnValue(pending.promise);
    const { wrapper } = await mountWithApp(HomeView);
    expect(wrapper.get('[role="status"]').text()).toContain('Loading your profile');
    pending.resolve(makeProfile());
    await flushPromises();
    expect(wrapper.find('[role="status"]').exists()).toBe(false);
  });

  it('welcomes the user by name with their university', async () => {
    vi.mocked(getMe).mockResolvedValue(
      makeProfile({ displayName: 'Jef', university: makeUniversity({ name: 'UGent' }) }),
    );
    const { wrapper } = await mountWithApp(HomeView);
    expect(wrapper.get('h1').text()).toBe('Welcome, Jef');
    expect(wrapper.text()).toContain('UGent');
  });

  it('explains a failure, says what to do, and retries', async () => {
    vi.mocked(getMe).mockRejectedValueOnce(new ApiError('NetworkError', 'Network error'));
    const { wrapper } = await mountWithApp(HomeView);
    const alert = wrapper.get('[role="alert"]');
    expect(alert.text()).toContain('Your profile could not be loaded.');
    expect(alert.text()).toContain('Check your connection');

    vi.mocked(getMe).mockResolvedValue(makeProfile());
    await alert.get('button').trigger('click');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('KU Leuven');
  });

  it('offers the next steps: find, host and my activities', async () => {
    vi.mocked(getMe).mockResolvedValue(makeProfile());
    const { wrapper } = await mountWithApp(HomeView);
    const links = wrapper.findAll('a').map((link) => [link.text(), link.attributes('href')]);
    expect(links).toEqual([
      ['Find activities', '/activities'],
      ['Host an activity', '/activities/new'],
      ['My activities', '/my-activities'],
    ]);
  });

  it('speaks Dutch, with the university still in bold', async () => {
    await setLocale('nl');
    vi.mocked(getMe).mockResolvedValue(makeProfile({ displayName: 'Jef' }));
    const { wrapper } = await mountWithApp(HomeView);
    expect(wrapper.get('h1').text()).toBe('Welkom, Jef');
    expect(wrapper.get('p').text()).toBe('Je speelt voor KU Leuven.');
    expect(wrapper.get('p strong').text()).toBe('KU Leuven');
    expect(wrapper.findAll('a').map((link) => link.text())).toContain('Activiteit organiseren');
  });
});

import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listActivities } from '@/api/activities';
import { ApiError } from '@/api/errors';
import { blockUser, unblockUser } from '@/api/messages';
import { getPersonPage } from '@/api/people';
import { getMe } from '@/api/profile';
import { useSessionStore } from '@/stores/session';
import PersonView from '@/views/PersonView.vue';
import { makeActivitySummary } from '../activityFixtures';
import { makeProfile, makeSessionUser } from '../fixtures';
import { mountWithApp } from '../mountWithApp';
import { BEN, makePersonProfile } from '../messages/fixtures';

vi.mock('@/api/people', () => ({ getPersonPage: vi.fn() }));
vi.mock('@/api/messages', () => ({ blockUser: vi.fn(), unblockUser: vi.fn() }));
vi.mock('@/api/activities', () => ({ listActivities: vi.fn() }));
vi.mock('@/api/profile', () => ({ getMe: vi.fn() }));
vi.mock('@/auth/session', () => ({ readSignedInUser: vi.fn(), signOut: vi.fn() }));
vi.mock('@/auth/authEvents', () => ({ listenToAuthEvents: vi.fn(() => () => {}) }));

const hosted = makeActivitySummary({ id: 'act-ben', title: 'Five-a-side on Tuesday', host: BEN });

beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(getMe).mockResolvedValue(makeProfile());
  vi.mocked(getPersonPage).mockResolvedValue({
    person: makePersonProfile({
      bio: 'Football on Tuesdays.\nAlways looking for a keeper.',
      sports: [
        { sport: 'FOOTBALL', level: 'INTERMEDIATE' },
        { sport: 'TENNIS', level: 'BEGINNER' },
      ],
    }),
    blocked: false,
    hosted: { items: [hosted], nextToken: 'more' },
  });
});
afterEach(() => {
  document.body.innerHTML = '';
});

async function openPage(id = BEN.id) {
  const pinia = createPinia();
  setActivePinia(pinia);
  useSessionStore().user = makeSessionUser();
  const { wrapper } = await mountWithApp(PersonView, { path: `/people/${id}`, pinia, props: { id } });
  await flushPromises();
  return wrapper;
}

describe('PersonView', () => {
  it('shows the name, the sports with their levels, the bio as text, and what they host', async () => {
    const wrapper = await openPage();
    expect(getPersonPage).toHaveBeenCalledWith(BEN.id, 5);
    expect(wrapper.get('h1').text()).toBe('Ben Claes');
    expect(wrapper.findAll('.person-sports__item').map((li) => li.text())).toEqual([
      'Football: Intermediate',
      'Tennis: Beginner',
    ]);
    expect(wrapper.get('.person__bio').text()).toBe('Football on Tuesdays.\nAlways looking for a keeper.');
    expect(wrapper.get('a[href="/activities/act-ben"]').text()).toBe('Five-a-side on Tuesday');
    expect(wrapper.text()).not.toContain('@'); // never an email
  });

  it('leads to a conversation with them', async () => {
    const wrapper = await openPage();
    const message = wrapper.get(`a[href="/messages/${BEN.id}"]`);
    expect(message.text()).toBe('Message');
    expect(message.attributes('aria-label')).toBe('Send Ben Claes a message');
  });

  it('blocks after asking and says what it means; unblocks without asking', async () => {
    vi.mocked(blockUser).mockResolvedValue();
    vi.mocked(unblockUser).mockResolvedValue();
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const wrapper = await openPage();
    const button = () => wrapper.findAll('button').find((b) => ['Block', 'Unblock'].includes(b.text()))!;
    await button().trigger('click');
    await flushPromises();
    expect(blockUser).toHaveBeenCalledWith(BEN.id);
    expect(wrapper.get('.person__blocked').text()).toBe(
      'You blocked Ben Claes: they cannot message you or join your activities.',
    );
    expect(button().text()).toBe('Unblock');
    await button().trigger('click');
    await flushPromises();
    expect(unblockUser).toHaveBeenCalledWith(BEN.id);
    expect(window.confirm).toHaveBeenCalledTimes(1);
    expect(button().text()).toBe('Block');
  });

  it('pages the activities they host', async () => {
    vi.mocked(listActivities).mockResolvedValue({
      items: [makeActivitySummary({ id: 'act-2', title: 'Sunday run', host: BEN })],
      nextToken: null,
    });
    const wrapper = await openPage();
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Load more')!
      .trigger('click');
    await flushPromises();
    expect(listActivities).toHaveBeenCalledWith({ hostId: BEN.id }, { limit: 5, nextToken: 'more' });
    expect(wrapper.get('a[href="/activities/act-2"]').text()).toBe('Sunday run');
  });

  it('on my own page: no Message or Block, a way to edit my profile instead', async () => {
    vi.mocked(getPersonPage).mockResolvedValue({
      person: makePersonProfile({ id: 'sub-ann', displayName: 'Ann Peeters', sports: [], bio: '' }),
      blocked: false,
      hosted: { items: [], nextToken: null },
    });
    const wrapper = await openPage('sub-ann');
    expect(wrapper.find('button').exists()).toBe(false);
    expect(wrapper.get('a[href="/account"]').text()).toBe('Edit your profile');
    expect(wrapper.text()).toContain('No sports listed yet.');
    expect(wrapper.text()).toContain('No upcoming activities.');
  });

  it('says “not found” for anyone outside my university', async () => {
    vi.mocked(getPersonPage).mockRejectedValue(
      new ApiError('NotFound', 'That person was not found.', { code: 'person.notFound' }),
    );
    const wrapper = await openPage('sub-sarah');
    expect(wrapper.get('h1').text()).toBe('Person not found');
  });
});

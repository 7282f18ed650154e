import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listMyActivities } from '@/api/activities';
import { ApiError } from '@/api/errors';
import { getMe } from '@/api/profile';
import type { ActivitySummary } from '@/api/activities';
import type { Page } from '@/api/page';
import MyActivitiesView from '@/views/MyActivitiesView.vue';
import { HOST, makeActivitySummary, makeParticipation, pageOf } from './activityFixtures';
import { deferred, makeProfile } from './fixtures';
import { mountWithApp } from './mountWithApp';

vi.mock('@/api/activities', () => ({ listMyActivities: vi.fn() }));
vi.mock('@/api/profile', () => ({ getMe: vi.fn() }));

type Mounted = Awaited<ReturnType<typeof mountWithApp>>['wrapper'];

const titles = (wrapper: Mounted) =>
  wrapper.findAll('ul[aria-label="Your activities"] > li h2').map((heading) => heading.text());
const radio = (wrapper: Mounted, label: string) => {
  const found = wrapper.findAll('label').find((candidate) => candidate.text() === label);
  if (!found) throw new Error(`No radio labelled ${label}`);
  return found.get<HTMLInputElement>('input[type="radio"]');
};

const hosted = makeActivitySummary({
  id: 'h1',
  title: 'My padel match',
  sport: 'PADEL',
  myParticipation: makeParticipation({ activityId: 'h1', status: 'HOST', user: HOST }),
});

beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(getMe).mockResolvedValue(makeProfile());
  vi.mocked(listMyActivities).mockResolvedValue(pageOf([hosted]));
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('MyActivitiesView', () => {
  it('says it is loading, then shows what I host coming up by default', async () => {
    const pending = deferred<Page<ActivitySummary>>();
    vi.mocked(listMyActivities).mockReturnValue(pending.promise);
    const { wrapper } = await mountWithApp(MyActivitiesView, { path: '/my-activities' });
    expect(wrapper.get('h1').text()).toBe('My activities');
    expect(wrapper.get('.list-skeleton [role="status"]').text()).toBe('Loading your activities…');
    expect(wrapper.get('.result-count[role="status"]').text()).toBe('');
    expect(listMyActivities).toHaveBeenCalledWith('HOSTING', 'UPCOMING', { limit: 20, nextToken: null });
    expect(radio(wrapper, 'Hosting').element.checked).toBe(true);
    expect(radio(wrapper, 'Upcoming').element.checked).toBe(true);

    pending.resolve(pageOf([hosted]));
    await flushPromises();
    expect(titles(wrapper)).toEqual(['My padel match']);
    expect(wrapper.get('.result-count[role="status"]').text()).toBe('1 activity found');
    expect(wrapper.get('ul[aria-label="Your activities"]').text()).toContain('Host');
  });

  it('switches relation and time, asking the API and keeping the choice in the URL', async () => {
    const { wrapper, router } = await mountWithApp(MyActivitiesView, { path: '/my-activities' });
    vi.mocked(listMyActivities).mockResolvedValue(
      pageOf([
        makeActivitySummary({
          id: 'w1',
          title: 'Full football',
          freePlaces: 0,
          myParticipation: makeParticipation({ activityId: 'w1', status: 'WAITLISTED', position: 1 }),
        }),
      ]),
    );
    await radio(wrapper, 'Waitlisted').setValue(true);
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ show: 'waitlisted', when: 'upcoming' });
    expect(listMyActivities).toHaveBeenLastCalledWith('WAITLISTED', 'UPCOMING', { limit: 20, nextToken: null });
    expect(titles(wrapper)).toEqual(['Full football']);
    expect(wrapper.text()).toContain('Full — waitlist');

    await radio(wrapper, 'Past').setValue(true);
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ show: 'waitlisted', when: 'past' });
    expect(listMyActivities).toHaveBeenLastCalledWith('WAITLISTED', 'PAST', { limit: 20, nextToken: null });
  });

  it('reads the choice from the URL, ignoring unknown values', async () => {
    const { wrapper, router } = await mountWithApp(MyActivitiesView, { path: '/my-activities?show=joined&when=past' });
    expect(listMyActivities).toHaveBeenLastCalledWith('JOINED', 'PAST', { limit: 20, nextToken: null });
    expect(radio(wrapper, 'Joined').element.checked).toBe(true);
    expect(radio(wrapper, 'Past').element.checked).toBe(true);

    await router.push('/my-activities?show=everything&when=soon');
    await flushPromises();
    expect(listMyActivities).toHaveBeenLastCalledWith('HOSTING', 'UPCOMING', { limit: 20, nextToken: null });
    expect(radio(wrapper, 'Hosting').element.checked).toBe(true);
  });

  it('tells screen readers the count after each choice, in the same region, without moving focus', async () => {
    const { wrapper } = await mountWithApp(MyActivitiesView, { path: '/my-activities' });
    const region = wrapper.get('.result-count[role="status"]');
    expect(region.text()).toBe('1 activity found');

    const pending = deferred<Page<ActivitySummary>>();
    vi.mocked(listMyActivities).mockReturnValueOnce(pending.promise);
    const past = radio(wrapper, 'Past');
    (past.element as HTMLElement).focus();
    await past.setValue(true);
    await flushPromises();
    expect(region.text()).toBe('');
    pending.resolve(pageOf([hosted, makeActivitySummary({ id: 'h2' }), makeActivitySummary({ id: 'h3' })]));
    await flushPromises();
    expect(wrapper.get('.result-count[role="status"]').element).toBe(region.element);
    expect(region.text()).toBe('3 activities found');
    expect(document.activeElement).toBe(past.element);
  });

  it('says there is nothing, with a way to host one or to find one', async () => {
    vi.mocked(listMyActivities).mockResolvedValue(pageOf([]));
    const { wrapper } = await mountWithApp(MyActivitiesView, { path: '/my-activities' });
    expect(wrapper.text()).toContain('You are not hosting anything coming up. Host an activity?');
    expect(wrapper.get('.result-count[role="status"]').text()).toBe('No activities found');
    expect(wrapper.get('a[href="/activities/new"]').text()).toBe('Host an activity');

    await radio(wrapper, 'Joined').setValue(true);
    await flushPromises();
    expect(wrapper.text()).toContain('You have not joined anything coming up.');
    expect(wrapper.get('a[href="/activities"]').text()).toBe('Browse activities');
  });

  it('shows a load error and tries again on request', async () => {
    vi.mocked(listMyActivities).mockRejectedValueOnce(new ApiError('NetworkError', 'Network error'));
    const { wrapper } = await mountWithApp(MyActivitiesView, { path: '/my-activities' });
    expect(wrapper.get('[role="alert"]').text()).toContain('Your activities could not be loaded.');

    await wrapper.get('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(listMyActivities).toHaveBeenCalledTimes(2);
    expect(titles(wrapper)).toEqual(['My padel match']);
  });

  it('loads more, keeping the first page', async () => {
    vi.mocked(listMyActivities)
      .mockResolvedValueOnce(pageOf([hosted], 'next'))
      .mockResolvedValueOnce(pageOf([makeActivitySummary({ id: 'h2', title: 'Second match' })]));
    const { wrapper } = await mountWithApp(MyActivitiesView, { path: '/my-activities?show=hosting&when=past' });
    const loadMore = wrapper.findAll('button').find((button) => button.text() === 'Load more');
    await loadMore!.trigger('click');
    await flushPromises();
    expect(listMyActivities).toHaveBeenLastCalledWith('HOSTING', 'PAST', { limit: 20, nextToken: 'next' });
    expect(titles(wrapper)).toEqual(['My padel match', 'Second match']);
    expect(wrapper.findAll('button').some((button) => button.text() === 'Load more')).toBe(false);
  });
});

import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listActivities } from '@/api/activities';
import { ApiError } from '@/api/errors';
import { getMe } from '@/api/profile';
import type { ActivitySummary } from '@/api/activities';
import type { Page } from '@/api/page';
import { setLocale } from '@/i18n';
import FindActivitiesView from '@/views/FindActivitiesView.vue';
import { HOST, makeActivitySummary, makeParticipation, pageOf } from './activityFixtures';
import { deferred, makeProfile } from './fixtures';
import { mountWithApp } from './mountWithApp';

vi.mock('@/api/activities', () => ({ listActivities: vi.fn() }));
vi.mock('@/api/profile', () => ({ getMe: vi.fn() }));

type Mounted = Awaited<ReturnType<typeof mountWithApp>>['wrapper'];

const cards = (wrapper: Mounted) => wrapper.findAll('ul[aria-label="Activities"] > li article');
const titles = (wrapper: Mounted) => cards(wrapper).map((card) => card.get('h2').text());
const resultStatus = (wrapper: Mounted) => wrapper.get('.result-count[role="status"]');
/** The filter form is in a sheet, rendered when the "Filters" button first opens it. */
async function openFilters(wrapper: Mounted): Promise<void> {
  await wrapper.get('.sheet__trigger').trigger('click');
  await flushPromises();
}

beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(getMe).mockResolvedValue(makeProfile());
  vi.mocked(listActivities).mockResolvedValue(pageOf([makeActivitySummary()]));
});

afterEach(async () => {
  await setLocale('en');
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('FindActivitiesView', () => {
  it('says it is loading, then lists the activities with a link to each', async () => {
    const pending = deferred<Page<ActivitySummary>>();
    vi.mocked(listActivities).mockReturnValue(pending.promise);
    const { wrapper } = await mountWithApp(FindActivitiesView, { path: '/activities' });
    expect(wrapper.get('h1').text()).toBe('Find activities');
    expect(wrapper.get('.list-skeleton [role="status"]').text()).toBe('Loading activities…');

    pending.resolve(pageOf([makeActivitySummary()]));
    await flushPromises();
    expect(wrapper.find('.list-skeleton').exists()).toBe(false);
    const link = cards(wrapper)[0]!.get('h2 a');
    expect(link.text()).toBe('Beach volleyball at the Sportkot');
    expect(link.attributes('href')).toBe('/activities/act-1');
    expect(listActivities).toHaveBeenCalledWith({}, { limit: 20, nextToken: null });
  });

  it('shows sport, start in the university zone, duration, place, level and join policy', async () => {
    const { wrapper } = await mountWithApp(FindActivitiesView, { path: '/activities' });
    const text = cards(wrapper)[0]!.text();
    expect(text).toContain('Volleyball');
    // 17:00 UTC on 28 November is 18:00 in Brussels.
    expect(text).toContain('Sat 28 Nov, 18:00');
    expect(text).toContain('90 min');
    expect(text).toContain('Sportkot, Leuven');
    expect(text).toContain('5 places left');
    expect(text).toContain('All levels');
    expect(text).toContain('Open to join');
    expect(text).not.toContain('Cancelled');
  });

  it('tells places left from a full activity, and shows my participation and a cancellation', async () => {
    vi.mocked(listActivities).mockResolvedValue(
      pageOf([
        makeActivitySummary({ id: 'a1', title: 'One left', freePlaces: 1 }),
        makeActivitySummary({
          id: 'a2',
          title: 'Full one',
          freePlaces: 0,
          waitlistCount: 2,
          joinPolicy: 'APPROVAL',
          myParticipation: makeParticipation({ activityId: 'a2', status: 'WAITLISTED', position: 2 }),
        }),
        makeActivitySummary({
          id: 'a3',
          title: 'Mine',
          status: 'CANCELLED',
          myParticipation: makeParticipation({ activityId: 'a3', status: 'HOST', user: HOST }),
        }),
      ]),
    );
    const { wrapper } = await mountWithApp(FindActivitiesView, { path: '/activities' });
    const [one, full, mine] = cards(wrapper);
    expect(one!.text()).toContain('1 place left');
    expect(one!.text()).not.toContain('Waitlisted');
    expect(full!.text()).toContain('Full — waitlist');
    expect(full!.text()).toContain('Waitlisted');
    expect(full!.text()).toContain('Host approves requests');
    expect(mine!.text()).toContain('Cancelled');
    expect(mine!.text()).toContain('Host');
  });

  it('offers to host one when nothing matches, naming the sport filtered on', async () => {
    vi.mocked(listActivities).mockResolvedValue(pageOf([]));
    const { wrapper } = await mountWithApp(FindActivitiesView, { path: '/activities?sport=BASKETBALL' });
    expect(wrapper.text()).toContain('No basketball activities in these days — host one?');
    const hostLinks = wrapper.findAll('a[href="/activities/new"]').map((link) => link.text());
    expect(hostLinks).toEqual(['Host an activity', 'Host an activity']);
  });

  it('says no activities match when no sport is chosen', async () => {
    vi.mocked(listActivities).mockResolvedValue(pageOf([]));
    const { wrapper } = await mountWithApp(FindActivitiesView, { path: '/activities' });
    expect(wrapper.text()).toContain('No activities match these filters — host one?');
  });

  it('tells screen readers how many were found after each search, from a region there from the start', async () => {
    const first = deferred<Page<ActivitySummary>>();
    vi.mocked(listActivities).mockReturnValueOnce(first.promise);
    const { wrapper } = await mountWithApp(FindActivitiesView, { path: '/activities' });
    await openFilters(wrapper);
    const region = resultStatus(wrapper).element;
    expect(region.textContent).toBe('');

    first.resolve(pageOf([makeActivitySummary({ id: 'a1' }), makeActivitySummary({ id: 'a2' })], 'more'));
    await flushPromises();
    expect(resultStatus(wrapper).text()).toBe('2 activities found');

    const second = deferred<Page<ActivitySummary>>();
    vi.mocked(listActivities).mockReturnValueOnce(second.promise);
    const sport = wrapper.get('#filter-sport');
    (sport.element as HTMLElement).focus();
    await sport.setValue('PADEL');
    await flushPromises();
    expect(resultStatus(wrapper).text()).toBe(''); // emptied while loading, so an equal count is said again
    second.resolve(pageOf([makeActivitySummary()]));
    await flushPromises();
    expect(resultStatus(wrapper).text()).toBe('1 activity found');

    vi.mocked(listActivities).mockResolvedValueOnce(pageOf([]));
    await sport.setValue('TENNIS');
    await flushPromises();
    expect(resultStatus(wrapper).text()).toBe('No activities found');
    expect(resultStatus(wrapper).element).toBe(region); // the same region throughout
    expect(document.activeElement).toBe(sport.element); // focus stays where the user was

    await setLocale('nl');
    await flushPromises();
    expect(resultStatus(wrapper).text()).toBe('Geen activiteiten gevonden');
    vi.mocked(listActivities).mockResolvedValueOnce(pageOf([makeActivitySummary({ id: 'a1' }), makeActivitySummary()]));
    await sport.setValue('VOLLEYBALL');
    await flushPromises();
    expect(resultStatus(wrapper).text()).toBe('2 activiteiten gevonden');
    await setLocale('fr');
    await flushPromises();
    expect(resultStatus(wrapper).text()).toBe('2 activités trouvées');
  });

  it('shows a load error and tries again on request', async () => {
    vi.mocked(listActivities).mockRejectedValueOnce(new ApiError('NetworkError', 'Network error'));
    const { wrapper } = await mountWithApp(FindActivitiesView, { path: '/activities' });
    expect(wrapper.get('[role="alert"]').text()).toContain('Activities could not be loaded.');
    expect(resultStatus(wrapper).text()).toBe(''); // the alert says it; no count for a failed load

    await wrapper.get('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(listActivities).toHaveBeenCalledTimes(2);
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
    expect(titles(wrapper)).toEqual(['Beach volleyball at the Sportkot']);
  });

  it('prefills the filters from the URL and asks the server for those days in Brussels time', async () => {
    const { wrapper } = await mountWithApp(FindActivitiesView, {
      path: '/activities?sport=TENNIS&from=2026-11-28&to=2026-11-29&level=ADVANCED&free=1&q=padel%20court',
    });
    await openFilters(wrapper);
    expect(wrapper.get<HTMLSelectElement>('#filter-sport').element.value).toBe('TENNIS');
    expect(wrapper.get<HTMLInputElement>('#filter-from').element.value).toBe('2026-11-28');
    expect(wrapper.get<HTMLInputElement>('#filter-to').element.value).toBe('2026-11-29');
    expect(wrapper.get<HTMLSelectElement>('#filter-level').element.value).toBe('ADVANCED');
    expect(wrapper.get<HTMLInputElement>('#filter-free').element.checked).toBe(true);
    expect(wrapper.get<HTMLInputElement>('#filter-text').element.value).toBe('padel court');
    expect(listActivities).toHaveBeenCalledWith(
      {
        sport: 'TENNIS',
        from: '2026-11-27T23:00:00.000Z',
        to: '2026-11-29T23:00:00.000Z',
        skillLevel: 'ADVANCED',
        hasFreePlaces: true,
        text: 'padel court',
      },
      { limit: 20, nextToken: null },
    );
  });

  it('ignores unknown values in the URL', async () => {
    const { wrapper } = await mountWithApp(FindActivitiesView, { path: '/activities?sport=CURLING&from=someday' });
    await openFilters(wrapper);
    expect(wrapper.get<HTMLSelectElement>('#filter-sport').element.value).toBe('');
    expect(listActivities).toHaveBeenCalledWith({}, { limit: 20, nextToken: null });
  });

  it('applies a changed filter at once, writing it to the URL', async () => {
    const { wrapper, router } = await mountWithApp(FindActivitiesView, { path: '/activities' });
    await openFilters(wrapper);
    await wrapper.get('#filter-sport').setValue('VOLLEYBALL');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ sport: 'VOLLEYBALL' });
    expect(listActivities).toHaveBeenLastCalledWith({ sport: 'VOLLEYBALL' }, { limit: 20, nextToken: null });

    await wrapper.get('#filter-free').setValue(true);
    await wrapper.get('#filter-from').setValue('2026-07-14');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ sport: 'VOLLEYBALL', free: '1', from: '2026-07-14' });
    expect(listActivities).toHaveBeenLastCalledWith(
      { sport: 'VOLLEYBALL', hasFreePlaces: true, from: '2026-07-13T22:00:00.000Z' },
      { limit: 20, nextToken: null },
    );
  });

  it('searches the text once typing pauses, or at once on Enter', async () => {
    vi.useFakeTimers();
    const { wrapper, router } = await mountWithApp(FindActivitiesView, { path: '/activities' });
    await openFilters(wrapper);
    vi.mocked(listActivities).mockClear();
    await wrapper.get('#filter-text').setValue('spo');
    await wrapper.get('#filter-text').setValue('sportkot');
    await vi.advanceTimersByTimeAsync(299);
    expect(listActivities).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ q: 'sportkot' });
    expect(listActivities).toHaveBeenCalledTimes(1);
    expect(listActivities).toHaveBeenLastCalledWith({ text: 'sportkot' }, { limit: 20, nextToken: null });

    await wrapper.get('#filter-text').setValue('leuven');
    await wrapper.get('form[role="search"]').trigger('submit');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ q: 'leuven' });
    await vi.advanceTimersByTimeAsync(500);
    expect(listActivities).toHaveBeenCalledTimes(2);
  });

  it('follows the URL when it changes (back/forward) and keeps a stale answer from overwriting', async () => {
    const slow = deferred<Page<ActivitySummary>>();
    vi.mocked(listActivities)
      .mockReturnValueOnce(slow.promise)
      .mockResolvedValueOnce(
        pageOf([makeActivitySummary({ id: 'b1', title: 'Basketball tonight', sport: 'BASKETBALL' })]),
      );
    const { wrapper, router } = await mountWithApp(FindActivitiesView, { path: '/activities?sport=TENNIS' });
    await openFilters(wrapper);
    await router.push('/activities?sport=BASKETBALL&q=tonight');
    await flushPromises();
    expect(wrapper.get<HTMLSelectElement>('#filter-sport').element.value).toBe('BASKETBALL');
    expect(wrapper.get<HTMLInputElement>('#filter-text').element.value).toBe('tonight');
    expect(titles(wrapper)).toEqual(['Basketball tonight']);

    slow.resolve(pageOf([makeActivitySummary({ id: 't1', title: 'Old tennis answer' })]));
    await flushPromises();
    expect(titles(wrapper)).toEqual(['Basketball tonight']);
  });

  it('loads more, keeping what it had; a failed load-more keeps the list and can be retried', async () => {
    vi.mocked(listActivities)
      .mockResolvedValueOnce(pageOf([makeActivitySummary({ id: 'a1', title: 'First' })], 'page-2'))
      .mockRejectedValueOnce(new ApiError('NetworkError', 'Network error'))
      .mockResolvedValueOnce(pageOf([makeActivitySummary({ id: 'a2', title: 'Second' })], null));
    const { wrapper } = await mountWithApp(FindActivitiesView, { path: '/activities?sport=VOLLEYBALL' });
    const loadMore = () => wrapper.findAll('button').find((button) => button.text() === 'Load more');

    await loadMore()!.trigger('click');
    await flushPromises();
    expect(titles(wrapper)).toEqual(['First']);
    expect(wrapper.get('[role="alert"]').text()).toContain('More activities could not be loaded.');

    await wrapper.get('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(listActivities).toHaveBeenLastCalledWith({ sport: 'VOLLEYBALL' }, { limit: 20, nextToken: 'page-2' });
    expect(titles(wrapper)).toEqual(['First', 'Second']);
    expect(loadMore()).toBeUndefined();
    expect(document.activeElement?.textContent).toBe('Second');
  });
});

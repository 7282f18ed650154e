import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { activeFilterCount, EMPTY_FILTERS, endOfWeek, quickRangeOf } from '@/activities/filterQuery';
import { localDay } from '@/i18n/format';
import { listActivities } from '@/api/activities';
import { getMe } from '@/api/profile';
import { setLocale } from '@/i18n';
import FindActivitiesView from '@/views/FindActivitiesView.vue';
import { makeActivitySummary, pageOf } from './activityFixtures';
import { makeProfile } from './fixtures';
import { mountWithApp } from './mountWithApp';

vi.mock('@/api/activities', () => ({ listActivities: vi.fn() }));
vi.mock('@/api/profile', () => ({ getMe: vi.fn() }));

type Mounted = Awaited<ReturnType<typeof mountWithApp>>['wrapper'];
const trigger = (wrapper: Mounted) => wrapper.get('button[aria-haspopup="dialog"]');
const dialog = (wrapper: Mounted) => wrapper.get<HTMLDialogElement>('dialog');
const chips = (wrapper: Mounted) => wrapper.findAll('[role="group"] .chip');
const chip = (wrapper: Mounted, name: string) => chips(wrapper).find((button) => button.text() === name)!;
const pressed = (wrapper: Mounted) =>
  chips(wrapper)
    .filter((button) => button.attributes('aria-pressed') === 'true')
    .map((button) => button.text());

beforeEach(() => {
  vi.clearAllMocks();
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-02T09:00:00Z') }); // a Wednesday in Brussels
  vi.mocked(getMe).mockResolvedValue(makeProfile());
  vi.mocked(listActivities).mockResolvedValue(pageOf([makeActivitySummary()]));
});
afterEach(async () => {
  vi.useRealTimers();
  await setLocale('en');
  document.body.innerHTML = '';
});

describe('the filters behind a button', () => {
  it('counts the filters set on the button; the dates count once', async () => {
    const { wrapper, router } = await mountWithApp(FindActivitiesView, { path: '/activities' });
    expect(trigger(wrapper).text()).toBe('Filters');
    await router.replace({ query: { sport: 'TENNIS', from: '2026-12-03', to: '2026-12-05', free: '1' } });
    await flushPromises();
    expect(trigger(wrapper).text()).toBe('Filters (3)');
  });

  it('opens a labelled dialog with the filters, focus inside; Escape closes it and focus returns', async () => {
    const { wrapper } = await mountWithApp(FindActivitiesView, { path: '/activities' });
    expect(trigger(wrapper).attributes('aria-expanded')).toBe('false');
    await trigger(wrapper).trigger('click');
    await flushPromises();
    expect(dialog(wrapper).attributes('open')).toBeDefined();
    expect(trigger(wrapper).attributes('aria-expanded')).toBe('true');
    const labelledBy = dialog(wrapper).attributes('aria-labelledby')!;
    expect(wrapper.get(`#${labelledBy}`).text()).toBe('Filter activities');
    expect(dialog(wrapper).element.contains(document.activeElement)).toBe(true);
    expect(dialog(wrapper).find('#filter-sport').exists()).toBe(true);

    await dialog(wrapper).trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(dialog(wrapper).attributes('open')).toBeUndefined();
    expect(document.activeElement).toBe(trigger(wrapper).element);
  });

  it('renders its form when first opened, not with the page, and keeps what was chosen in it after closing', async () => {
    const { wrapper } = await mountWithApp(FindActivitiesView, { path: '/activities' });
    expect(dialog(wrapper).find('form').exists()).toBe(false);
    await trigger(wrapper).trigger('click');
    await flushPromises();
    await wrapper.get('#filter-text').setValue('sportkot');
    await dialog(wrapper).trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(dialog(wrapper).find<HTMLInputElement>('#filter-text').element.value).toBe('sportkot');
  });

  it('keeps focus inside: Tab from the last control goes to the first, Shift+Tab from the first to the last', async () => {
    const { wrapper } = await mountWithApp(FindActivitiesView, { path: '/activities' });
    await trigger(wrapper).trigger('click');
    await flushPromises();
    const controls = dialog(wrapper).findAll('button:not([disabled]), input, select');
    const first = controls[0]!;
    const last = controls.at(-1)!;
    expect(first.attributes('aria-label')).toBe('Close the filters');
    expect(last.text()).toBe('Show activities');

    (last.element as HTMLElement).focus();
    await dialog(wrapper).trigger('keydown', { key: 'Tab' });
    expect(document.activeElement).toBe(first.element);
    await dialog(wrapper).trigger('keydown', { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last.element);
  });

  it('applies a filter chosen in the sheet, and clears them all', async () => {
    const { wrapper, router } = await mountWithApp(FindActivitiesView, { path: '/activities' });
    await trigger(wrapper).trigger('click');
    await wrapper.get('#filter-sport').setValue('YOGA');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ sport: 'YOGA' });
    expect(trigger(wrapper).text()).toBe('Filters (1)');
    // The sport chosen in the sheet joins the chips, pressed.
    expect(pressed(wrapper)).toEqual(['Yoga']);

    await dialog(wrapper).findAll('.sheet__actions button')[0]!.trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({});
    await dialog(wrapper).findAll('.sheet__actions button')[1]!.trigger('click');
    expect(dialog(wrapper).attributes('open')).toBeUndefined();
  });
});

describe('the chips above the list', () => {
  it('offer today, this week and the popular sports as toggles in a labelled group', async () => {
    const { wrapper } = await mountWithApp(FindActivitiesView, { path: '/activities' });
    expect(wrapper.get('[role="group"]').attributes('aria-label')).toBe('Quick filters');
    expect(chips(wrapper).map((button) => button.text())).toEqual([
      'Today',
      'This week',
      'Football',
      'Running',
      'Basketball',
      'Volleyball',
      'Tennis',
      'Padel',
    ]);
    expect(pressed(wrapper)).toEqual([]);
  });

  it("filter on today or this week in the university's days, and again to clear", async () => {
    const { wrapper, router } = await mountWithApp(FindActivitiesView, { path: '/activities' });
    await chip(wrapper, 'Today').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ from: '2026-12-02', to: '2026-12-02' });
    expect(pressed(wrapper)).toEqual(['Today']);

    await chip(wrapper, 'This week').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ from: '2026-12-02', to: '2026-12-06' });
    expect(pressed(wrapper)).toEqual(['This week']);
    expect(vi.mocked(listActivities).mock.lastCall?.[0]).toEqual({
      from: '2026-12-01T23:00:00.000Z',
      to: '2026-12-06T23:00:00.000Z',
    });

    await chip(wrapper, 'This week').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({});
  });

  it('filter on a sport, keeping the other filters, and again to clear', async () => {
    const { wrapper, router } = await mountWithApp(FindActivitiesView, { path: '/activities?free=1' });
    await chip(wrapper, 'Tennis').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ free: '1', sport: 'TENNIS' });
    await chip(wrapper, 'Padel').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ free: '1', sport: 'PADEL' });
    await chip(wrapper, 'Padel').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ free: '1' });
  });
});

describe('quick filter days', () => {
  it("takes today in the university's zone, and the week to its Sunday", () => {
    expect(localDay(new Date('2026-12-06T23:30:00Z'), 'Europe/Brussels')).toBe('2026-12-07');
    expect(endOfWeek('2026-12-07')).toBe('2026-12-13'); // Monday → Sunday
    expect(endOfWeek('2026-12-13')).toBe('2026-12-13'); // a Sunday is its own week's end
    expect(endOfWeek('2026-12-31')).toBe('2027-01-03');
  });

  it('recognises the quick choices and counts filters', () => {
    const today = '2026-12-02';
    expect(quickRangeOf({ ...EMPTY_FILTERS, from: today, to: today }, today)).toBe('today');
    expect(quickRangeOf({ ...EMPTY_FILTERS, from: today, to: '2026-12-06' }, today)).toBe('week');
    expect(quickRangeOf({ ...EMPTY_FILTERS, from: today, to: '2026-12-05' }, today)).toBeNull();
    expect(activeFilterCount(EMPTY_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...EMPTY_FILTERS, to: today, level: 'BEGINNER', text: '  ' })).toBe(2);
  });
});

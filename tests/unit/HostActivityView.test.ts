import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { createActivity, getActivity, updateActivity } from '@/api/activities';
import { ApiError } from '@/api/errors';
import { getMe } from '@/api/profile';
import type { Activity } from '@/api/activities';
import HostActivityView from '@/views/HostActivityView.vue';
import { HOST, makeActivity, makeParticipation } from './activityFixtures';
import { deferred, makeProfile, makeUniversity } from './fixtures';
import { mountWithApp } from './mountWithApp';

vi.mock('@/api/activities', () => ({ createActivity: vi.fn(), getActivity: vi.fn(), updateActivity: vi.fn() }));
vi.mock('@/api/profile', () => ({ getMe: vi.fn() }));

// 11:00 in Brussels; the fixture activity starts on 28 November at 18:00 there (17:00 UTC).
const NOW = new Date('2026-11-26T10:00:00.000Z');

type Mounted = Awaited<ReturnType<typeof mountWithApp>>['wrapper'];

/** The control a visible label names, as the e2e journeys find it. */
function control<T extends HTMLElement = HTMLInputElement>(wrapper: Mounted, label: string): T {
  const labels = wrapper.findAll('label').filter((l) => l.text() === label);
  expect(labels, `one label "${label}"`).toHaveLength(1);
  const element = labels[0]!.element as HTMLLabelElement;
  const target = element.htmlFor ? document.getElementById(element.htmlFor) : element.querySelector('input');
  expect(target, `control for "${label}"`).not.toBeNull();
  return target as T;
}

async function type(wrapper: Mounted, label: string, value: string): Promise<void> {
  const element = control<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(wrapper, label);
  element.value = value;
  element.dispatchEvent(new Event(element.tagName === 'SELECT' ? 'change' : 'input'));
  element.dispatchEvent(new Event('change'));
  await flushPromises();
}

async function submit(wrapper: Mounted): Promise<void> {
  wrapper.get('form').element.requestSubmit();
  await flushPromises();
}

async function fillValidForm(wrapper: Mounted): Promise<void> {
  await type(wrapper, 'Sport', 'VOLLEYBALL');
  await type(wrapper, 'Title', '  Beach volleyball  ');
  await type(wrapper, 'Description (optional)', 'Bring water.');
  await type(wrapper, 'Place', 'Sportkot, Leuven');
  await type(wrapper, 'Map link (optional)', 'https://osm.org/go/0EEQjE');
  await type(wrapper, 'Starts at', '2026-11-28T18:00');
  await type(wrapper, 'Duration (minutes)', '90');
  await type(wrapper, 'Places, you included', '8');
  await type(wrapper, 'Skill level', 'BEGINNER');
  control(wrapper, 'I approve each request').click();
  await flushPromises();
}

async function mountCreate() {
  return mountWithApp(HostActivityView, { path: '/activities/new' });
}

async function mountEdit(id = 'act-1') {
  const EditRoute = defineComponent(() => () => h(HostActivityView, { id }));
  return mountWithApp(EditRoute, { path: `/activities/${id}/edit` });
}

const hostedActivity = (overrides: Partial<Activity> = {}) =>
  makeActivity({ host: HOST, myParticipation: makeParticipation({ user: HOST, status: 'HOST' }), ...overrides });

beforeEach(() => {
  vi.clearAllMocks();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  vi.mocked(getMe).mockResolvedValue(makeProfile());
});

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('HostActivityView, create', () => {
  it('sends what was typed, with the start converted from the university time zone, and opens the new activity', async () => {
    vi.mocked(createActivity).mockResolvedValue(makeActivity({ id: 'act-new' }));
    const { wrapper, router } = await mountCreate();
    expect(wrapper.get('h1').text()).toBe('Host an activity');
    expect(wrapper.text()).toContain('Time in Europe/Brussels');
    expect(control<HTMLSelectElement>(wrapper, 'Sport').options[0]?.text).toBe('Choose a sport');
    expect(control(wrapper, 'Duration (minutes)').value).toBe('60');
    expect(control(wrapper, 'Places, you included').value).toBe('10');
    expect(control(wrapper, 'Anyone can join at once').checked).toBe(true);

    await fillValidForm(wrapper);
    await submit(wrapper);

    expect(createActivity).toHaveBeenCalledTimes(1);
    expect(createActivity).toHaveBeenCalledWith({
      sport: 'VOLLEYBALL',
      title: 'Beach volleyball',
      description: 'Bring water.',
      place: 'Sportkot, Leuven',
      mapUrl: 'https://osm.org/go/0EEQjE',
      startsAt: '2026-11-28T17:00:00.000Z',
      durationMinutes: 90,
      capacity: 8,
      skillLevel: 'BEGINNER',
      joinPolicy: 'APPROVAL',
    });
    expect(router.currentRoute.value.fullPath).toBe('/activities/act-new');
  });

  it('refuses a start in the past next to the field, keeps every value and sends nothing', async () => {
    const { wrapper } = await mountCreate();
    await fillValidForm(wrapper);
    await type(wrapper, 'Starts at', '2026-11-26T09:00');
    await submit(wrapper);

    expect(createActivity).not.toHaveBeenCalled();
    const start = control(wrapper, 'Starts at');
    expect(wrapper.get('#startsAt-error').text()).toBe('The start time must be at least 5 minutes from now.');
    expect(wrapper.get('#startsAt-error').classes()).toContain('field__error');
    expect(start.getAttribute('aria-invalid')).toBe('true');
    expect(start.getAttribute('aria-describedby')).toContain('startsAt-error');
    expect(document.activeElement).toBe(start);
    expect(start.value).toBe('2026-11-26T09:00');
    expect(control(wrapper, 'Title').value).toBe('  Beach volleyball  ');
    expect(control(wrapper, 'Place').value).toBe('Sportkot, Leuven');
    expect(control(wrapper, 'I approve each request').checked).toBe(true);

    // Once submitted, fixing the field clears its error without another submit.
    await type(wrapper, 'Starts at', '2026-11-26T19:00');
    expect(wrapper.find('#startsAt-error').exists()).toBe(false);
    expect(start.hasAttribute('aria-invalid')).toBe(false);
  });

  it('shows every missing field at once and moves focus to the first', async () => {
    const { wrapper } = await mountCreate();
    await submit(wrapper);
    expect(wrapper.get('#sport-error').text()).toBe('Choose a sport.');
    expect(wrapper.get('#title-error').text()).toBe('Enter a title of 3 to 80 characters.');
    expect(wrapper.get('#place-error').text()).toBe('Enter a place of 2 to 120 characters.');
    expect(wrapper.get('#startsAt-error').text()).toBe('Choose when the activity starts.');
    expect(document.activeElement).toBe(control(wrapper, 'Sport'));
  });

  it("shows a server refusal on a field next to that field, in the reader's words, and keeps the values", async () => {
    vi.mocked(createActivity).mockRejectedValueOnce(
      new ApiError('ValidationError', 'Start time must be at least 5 minutes from now.', {
        code: 'startsAt.tooSoon',
        field: 'input.startsAt',
        minutes: 5,
      }),
    );
    const { wrapper } = await mountCreate();
    await fillValidForm(wrapper);
    await submit(wrapper);

    expect(wrapper.get('#startsAt-error').text()).toBe('The start time must be at least 5 minutes from now.');
    expect(control(wrapper, 'Starts at').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(control(wrapper, 'Starts at'));
    expect(wrapper.find('form [role="alert"]').exists()).toBe(false);
    expect(control(wrapper, 'Title').value).toBe('  Beach volleyball  ');
    expect(control(wrapper, 'Starts at').value).toBe('2026-11-28T18:00');

    // A code this app does not know yet (a newer server): its field still, the server's words.
    vi.mocked(createActivity).mockRejectedValueOnce(
      new ApiError('ValidationError', 'Place is not on campus.', { code: 'place.offCampus', field: 'input.place' }),
    );
    await submit(wrapper);
    expect(wrapper.find('#startsAt-error').exists()).toBe(false);
    expect(wrapper.get('#place-error').text()).toBe('Place is not on campus.');
  });

  it('shows any other server error above the button, focused, and keeps the values', async () => {
    vi.mocked(createActivity).mockRejectedValueOnce(new ApiError('Unknown', 'The server is having a bad day.'));
    const { wrapper } = await mountCreate();
    await fillValidForm(wrapper);
    await submit(wrapper);

    const alert = wrapper.get('form [role="alert"]');
    expect(alert.text()).toContain('The activity could not be saved.');
    expect(alert.text()).toContain('The server is having a bad day.');
    expect(document.activeElement).toBe(alert.element);
    expect(wrapper.findAll('.field__error')).toHaveLength(0);
    expect(control(wrapper, 'Place').value).toBe('Sportkot, Leuven');
  });

  it('says it is saving and cannot be submitted twice', async () => {
    const pending = deferred<Activity>();
    vi.mocked(createActivity).mockReturnValue(pending.promise);
    const { wrapper, router } = await mountCreate();
    await fillValidForm(wrapper);
    await submit(wrapper);
    await submit(wrapper);

    const button = wrapper.get<HTMLButtonElement>('button[type="submit"]');
    expect(button.text()).toBe('Saving…');
    expect(button.element.disabled).toBe(true);
    expect(createActivity).toHaveBeenCalledTimes(1);

    pending.resolve(makeActivity({ id: 'act-new' }));
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/activities/act-new');
  });

  it("waits for the university's time zone, and offers a retry when it cannot be read", async () => {
    vi.mocked(getMe).mockRejectedValueOnce(new ApiError('NetworkError', 'Network error'));
    const { wrapper } = await mountCreate();
    expect(wrapper.get('[role="alert"]').text()).toContain("Your university's details could not be loaded.");
    expect(wrapper.find('form').exists()).toBe(false);

    vi.mocked(getMe).mockResolvedValueOnce(makeProfile({ university: makeUniversity({ timeZone: 'Europe/London' }) }));
    await wrapper.get('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(wrapper.text()).toContain('Time in Europe/London');
  });

  it('goes back to Find', async () => {
    const { wrapper } = await mountCreate();
    expect(wrapper.get('a.button').attributes('href')).toBe('/activities');
    expect(wrapper.get('a.button').text()).toBe('Back');
  });
});

describe('HostActivityView, edit', () => {
  it('prefills the form and sends only the fields that changed', async () => {
    vi.mocked(getActivity).mockResolvedValue(hostedActivity());
    vi.mocked(updateActivity).mockResolvedValue(hostedActivity({ place: 'Sportkot hall 2' }));
    const { wrapper, router } = await mountEdit();
    expect(getActivity).toHaveBeenCalledWith('act-1');
    expect(wrapper.get('h1').text()).toBe('Edit activity');
    expect(control<HTMLSelectElement>(wrapper, 'Sport').value).toBe('VOLLEYBALL');
    expect(control(wrapper, 'Title').value).toBe('Beach volleyball at the Sportkot');
    expect(control<HTMLTextAreaElement>(wrapper, 'Description (optional)').value).toBe(
      'Friendly game, all levels welcome.',
    );
    expect(control(wrapper, 'Starts at').value).toBe('2026-11-28T18:00');
    expect(control(wrapper, 'Duration (minutes)').value).toBe('90');
    expect(control(wrapper, 'Places, you included').value).toBe('8');
    expect(wrapper.get('a.button').attributes('href')).toBe('/activities/act-1');
    expect(wrapper.get('button[type="submit"]').text()).toBe('Save changes');

    await type(wrapper, 'Place', 'Sportkot hall 2');
    await type(wrapper, 'Places, you included', '12');
    await submit(wrapper);

    expect(updateActivity).toHaveBeenCalledWith('act-1', { place: 'Sportkot hall 2', capacity: 12 });
    expect(router.currentRoute.value.fullPath).toBe('/activities/act-1');
  });

  it('refuses fewer places than people already in, and shows the server conflict the same way', async () => {
    vi.mocked(getActivity).mockResolvedValue(hostedActivity({ participantCount: 5 }));
    const { wrapper } = await mountEdit();
    await type(wrapper, 'Places, you included', '4');
    await submit(wrapper);
    expect(updateActivity).not.toHaveBeenCalled();
    expect(wrapper.get('#capacity-error').text()).toContain('choose at least 5 places');

    vi.mocked(updateActivity).mockRejectedValueOnce(
      new ApiError(
        'ValidationError',
        "Capacity can't be lower than the 6 people already confirmed (you included). Remove someone first, or choose at least 6.",
        { code: 'capacity.belowConfirmed', field: 'input.capacity', min: 6 },
      ),
    );
    await type(wrapper, 'Places, you included', '5');
    await submit(wrapper);
    expect(wrapper.get('#capacity-error').text()).toContain('choose at least 6 places');
    expect(control(wrapper, 'Places, you included').value).toBe('5');
  });

  it('tells someone who is not the host that only the host can edit, with a way back', async () => {
    vi.mocked(getActivity).mockResolvedValue(makeActivity({ myParticipation: makeParticipation() }));
    const { wrapper } = await mountEdit();
    expect(wrapper.get('[role="alert"]').text()).toContain('Only the host can edit this activity.');
    expect(wrapper.get('[role="alert"] a').attributes('href')).toBe('/activities/act-1');
    expect(wrapper.find('form').exists()).toBe(false);
  });

  it('does not offer to edit a cancelled or started activity', async () => {
    vi.mocked(getActivity).mockResolvedValueOnce(hostedActivity({ status: 'CANCELLED' }));
    const cancelled = (await mountEdit()).wrapper;
    expect(cancelled.get('[role="alert"]').text()).toContain('This activity was cancelled');
    expect(cancelled.find('form').exists()).toBe(false);
    cancelled.unmount();

    vi.mocked(getActivity).mockResolvedValueOnce(hostedActivity({ startsAt: '2026-11-26T09:30:00.000Z' }));
    const started = (await mountEdit()).wrapper;
    expect(started.get('[role="alert"]').text()).toContain('This activity has already started');
    expect(started.find('form').exists()).toBe(false);
  });

  it('says it is loading, then shows a load error with a retry that works', async () => {
    const pending = deferred<Activity>();
    vi.mocked(getActivity).mockReturnValueOnce(pending.promise);
    const { wrapper } = await mountEdit();
    expect(wrapper.get('[role="status"]').text()).toBe('Loading the activity…');

    pending.reject(new ApiError('NetworkError', 'Network error'));
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toContain('The activity could not be loaded.');

    vi.mocked(getActivity).mockResolvedValueOnce(hostedActivity());
    await wrapper.get('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(control(wrapper, 'Title').value).toBe('Beach volleyball at the Sportkot');
  });

  it('says when the activity does not exist', async () => {
    vi.mocked(getActivity).mockRejectedValueOnce(new ApiError('NotFound', 'The activity was not found.'));
    const { wrapper } = await mountEdit();
    expect(wrapper.get('[role="alert"]').text()).toContain('This activity was not found.');
    expect(wrapper.find('form').exists()).toBe(false);
  });
});

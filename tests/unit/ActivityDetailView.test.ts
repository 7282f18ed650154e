import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import {
  cancelActivity,
  getActivity,
  joinActivity,
  leaveActivity,
  removeParticipant,
  respondToJoinRequest,
  subscribeToActivity,
} from '@/api/activities';
import { ApiError } from '@/api/errors';
import { getMe } from '@/api/profile';
import type { Activity, ActivityChange } from '@/api/activities';
import ActivityDetailView from '@/views/ActivityDetailView.vue';
import { HOST, makeActivity, makeParticipation, makePerson } from './activityFixtures';
import { deferred, makeProfile } from './fixtures';
import { mountWithApp } from './mountWithApp';

vi.mock('@/api/activities', () => ({
  getActivity: vi.fn(),
  joinActivity: vi.fn(),
  leaveActivity: vi.fn(),
  respondToJoinRequest: vi.fn(),
  removeParticipant: vi.fn(),
  cancelActivity: vi.fn(),
  subscribeToActivity: vi.fn(),
}));
vi.mock('@/api/profile', () => ({ getMe: vi.fn() }));

type Mounted = Awaited<ReturnType<typeof mountWithApp>>['wrapper'];

// Two days before the fixture activity starts (2026-11-28T17:00Z, 18:00 in Brussels).
const NOW = new Date('2026-11-26T12:00:00.000Z');
const ME = makePerson();
const LUCAS = makePerson({ id: 'sub-lucas', displayName: 'Lucas Janssens' });
const NOAH = makePerson({ id: 'sub-noah', displayName: 'Noah Claes' });
const hostParticipation = makeParticipation({ user: HOST, status: 'HOST' });

const unsubscribe = vi.fn();
const activityId = ref('act-1');
const mounted: Mounted[] = [];

async function mountDetail(): Promise<Mounted> {
  // The route gives the view its id as a prop; a wrapper lets a test change it.
  const Page = defineComponent({ render: () => h(ActivityDetailView, { id: activityId.value }) });
  const { wrapper } = await mountWithApp(Page, { path: `/activities/${activityId.value}` });
  mounted.push(wrapper);
  return wrapper;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const status = (wrapper: Mounted) => wrapper.get('section[aria-label="Taking part"] [role="status"]');
const buttonNamed = (wrapper: Mounted, name: string) =>
  wrapper.findAll('button').find((b) => (b.attributes('aria-label') ?? b.text()) === name);
const buttonTexts = (wrapper: Mounted) =>
  wrapper.findAll('section[aria-label="Taking part"] button, section[aria-label="Taking part"] a').map((b) => b.text());

async function click(wrapper: Mounted, name: string): Promise<void> {
  const button = buttonNamed(wrapper, name);
  expect(button, `button "${name}"`).toBeDefined();
  await button!.trigger('click');
  await flushPromises();
}

/** The live callback the page gave subscribeToActivity. */
function liveChange(): (change: ActivityChange) => void {
  return vi.mocked(subscribeToActivity).mock.calls.at(-1)![2];
}
const change = (kind: ActivityChange['kind']): ActivityChange => ({
  activityId: 'act-1',
  kind,
  userId: null,
  audience: 'PUBLIC',
  at: NOW.toISOString(),
});

function hosting(overrides: Partial<Activity> = {}): Activity {
  return makeActivity({ myParticipation: hostParticipation, ...overrides });
}

beforeEach(() => {
  vi.clearAllMocks();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  activityId.value = 'act-1';
  vi.mocked(getMe).mockResolvedValue(makeProfile());
  vi.mocked(getActivity).mockResolvedValue(makeActivity());
  vi.mocked(subscribeToActivity).mockReturnValue(unsubscribe);
  vi.mocked(joinActivity).mockResolvedValue(makeParticipation());
  vi.mocked(leaveActivity).mockResolvedValue(makeParticipation({ status: 'LEFT' }));
});

afterEach(() => {
  // Pages left open would follow the shared id ref (and count as subscribers) in later tests.
  for (const wrapper of mounted.splice(0)) wrapper.unmount();
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('ActivityDetailView: loading and errors', () => {
  it('says it is loading, then shows the facts in the university time zone', async () => {
    const pending = deferred<Activity>();
    vi.mocked(getActivity).mockReturnValue(pending.promise);
    const wrapper = await mountDetail();
    expect(wrapper.get('[role="status"]').text()).toBe('Loading the activity…');

    pending.resolve(makeActivity({ description: 'Line one\nLine two <b>not bold</b>' }));
    await flushPromises();
    expect(getActivity).toHaveBeenCalledWith('act-1');
    expect(wrapper.get('h1').text()).toBe('Beach volleyball at the Sportkot');
    const text = wrapper.text();
    expect(text).toContain('Volleyball');
    expect(text).toContain('Hosted by Hanne Host');
    expect(text).toContain('Saturday, 28 November 2026, 18:00 – 19:30');
    expect(text).toContain('90 min');
    expect(text).toContain('Sportkot, Leuven');
    expect(text).toContain('3 of 8 places taken · 5 places left');
    expect(text).toContain('All levels');
    expect(text).toContain('Open to join');
    // Plain text: the markup is shown, not rendered.
    const description = wrapper.get('.activity-detail__description');
    expect(description.text()).toContain('<b>not bold</b>');
    expect(description.find('b').exists()).toBe(false);
    const map = wrapper.findAll('a').find((a) => a.text().startsWith('Open map'))!;
    expect(map.attributes()).toMatchObject({ target: '_blank', rel: 'noopener' });
    expect(map.attributes('href')).toBe('https://www.openstreetmap.org/?mlat=50.87&mlon=4.70');
  });

  it('lists participants with the host first, and says a full activity has a waitlist', async () => {
    vi.mocked(getActivity).mockResolvedValue(
      makeActivity({
        freePlaces: 0,
        participantCount: 8,
        participants: [hostParticipation, makeParticipation({ user: LUCAS })],
      }),
    );
    const wrapper = await mountDetail();
    expect(wrapper.text()).toContain('8 of 8 places taken · Full — waitlist');
    const people = wrapper.findAll('section[aria-labelledby="participants-title"] li').map((li) => squash(li.text()));
    expect(people).toEqual(['Hanne Host host', 'Lucas Janssens']);
  });

  it('leads from every name to that person’s page, and from the host to a question for them', async () => {
    vi.mocked(getActivity).mockResolvedValue(
      makeActivity({ participants: [hostParticipation, makeParticipation({ user: LUCAS })] }),
    );
    const wrapper = await mountDetail();
    const hostedBy = wrapper.get('header p.muted');
    expect(squash(hostedBy.text())).toBe('Hosted by Hanne Host · Ask the host a question');
    expect(hostedBy.findAll('a').map((a) => a.attributes('href'))).toEqual(['/people/sub-host', '/messages/sub-host']);
    const people = wrapper.findAll('section[aria-labelledby="participants-title"] li a');
    expect(people.map((a) => [a.text(), a.attributes('href')])).toEqual([
      ['Hanne Host', '/people/sub-host'],
      ['Lucas Janssens', '/people/sub-lucas'],
    ]);
  });

  it('never turns a map link with another scheme into a link', async () => {
    vi.mocked(getActivity).mockResolvedValue(makeActivity({ mapUrl: 'javascript:alert(1)' }));
    const wrapper = await mountDetail();
    expect(wrapper.findAll('a').some((a) => a.text().startsWith('Open map'))).toBe(false);
  });

  it('says "not found" for an activity of another university, and stops listening', async () => {
    vi.mocked(getActivity).mockRejectedValue(new ApiError('NotFound', 'The activity was not found.'));
    const wrapper = await mountDetail();
    expect(wrapper.get('h1').text()).toBe('Activity not found');
    expect(wrapper.text()).toContain('It may have been removed, or it belongs to another university.');
    expect(wrapper.get('a[href="/activities"]').text()).toBe('Find activities');
    expect(unsubscribe).toHaveBeenCalled();
  });

  it('shows other errors with a retry that loads again', async () => {
    vi.mocked(getActivity).mockRejectedValueOnce(new ApiError('NetworkError', 'Network error'));
    const wrapper = await mountDetail();
    expect(wrapper.get('[role="alert"]').text()).toContain('The activity could not be loaded.');
    await click(wrapper, 'Try again');
    expect(getActivity).toHaveBeenCalledTimes(2);
    expect(wrapper.get('h1').text()).toBe('Beach volleyball at the Sportkot');
  });
});

describe('ActivityDetailView: my one action', () => {
  it('joins an open activity with free places, then says I am going and moves focus there', async () => {
    const wrapper = await mountDetail();
    expect(status(wrapper).text()).toBe('There are free places: join to take one.');
    expect(buttonTexts(wrapper)).toEqual(['Join']);

    vi.mocked(getActivity).mockResolvedValue(makeActivity({ myParticipation: makeParticipation() }));
    await click(wrapper, 'Join');
    expect(joinActivity).toHaveBeenCalledWith('act-1', undefined);
    expect(status(wrapper).text()).toBe("You're going.");
    expect(document.activeElement).toBe(status(wrapper).element);
  });

  it('offers the waitlist when the activity is full', async () => {
    vi.mocked(getActivity).mockResolvedValue(makeActivity({ freePlaces: 0 }));
    const wrapper = await mountDetail();
    expect(buttonTexts(wrapper)).toEqual(['Join the waitlist']);
    await click(wrapper, 'Join the waitlist');
    expect(joinActivity).toHaveBeenCalledWith('act-1', undefined);
  });

  it('asks to join with a note, then offers to withdraw the request', async () => {
    vi.mocked(getActivity).mockResolvedValue(makeActivity({ joinPolicy: 'APPROVAL' }));
    const wrapper = await mountDetail();
    expect(status(wrapper).text()).toBe('The host approves who joins. Ask to join, with a note if you like.');
    await click(wrapper, 'Ask to join');
    const label = wrapper.get('label[for="join-note"]');
    expect(label.text()).toBe('Note to the host (optional)');
    expect(document.activeElement).toBe(wrapper.get('#join-note').element);
    expect(wrapper.get('#join-note').attributes('maxlength')).toBe('500');
    await wrapper.get('#join-note').setValue('I can bring a ball!');

    vi.mocked(getActivity).mockResolvedValue(
      makeActivity({ joinPolicy: 'APPROVAL', myParticipation: makeParticipation({ status: 'REQUESTED' }) }),
    );
    await click(wrapper, 'Send request');
    expect(joinActivity).toHaveBeenCalledWith('act-1', 'I can bring a ball!');
    expect(status(wrapper).text()).toBe('Your request is waiting for the host.');
    expect(buttonTexts(wrapper)).toEqual(['Withdraw request']);
    await click(wrapper, 'Withdraw request');
    expect(leaveActivity).toHaveBeenCalledWith('act-1');
  });

  it('closes the request form on Cancel without sending', async () => {
    vi.mocked(getActivity).mockResolvedValue(makeActivity({ joinPolicy: 'APPROVAL', freePlaces: 0 }));
    const wrapper = await mountDetail();
    expect(status(wrapper).text()).toBe(
      'This activity is full. If the host approves your request, you go on the waitlist.',
    );
    await click(wrapper, 'Ask to join');
    await click(wrapper, 'Cancel');
    expect(wrapper.find('#join-note').exists()).toBe(false);
    expect(document.activeElement?.textContent?.trim()).toBe('Ask to join');
    expect(joinActivity).not.toHaveBeenCalled();
  });

  it("keeps the typed note and explains a refusal in the reader's language, the server's words under it", async () => {
    vi.mocked(getActivity).mockResolvedValue(makeActivity({ joinPolicy: 'APPROVAL' }));
    vi.mocked(joinActivity).mockRejectedValueOnce(new ApiError('Forbidden', "You can't join this activity."));
    const wrapper = await mountDetail();
    await click(wrapper, 'Ask to join');
    await wrapper.get('#join-note').setValue('Left-footed, can play in goal');
    await click(wrapper, 'Send request');
    const alert = wrapper.get('section[aria-label="Taking part"] [role="alert"]');
    expect(alert.get('.form__error').text()).toBe("That didn't work: you're not allowed to do this.");
    expect(alert.get('.muted').text()).toBe("You can't join this activity.");
    expect(wrapper.get<HTMLTextAreaElement>('#join-note').element.value).toBe('Left-footed, can play in goal');
  });

  it('says in plain words when a withdrawn request may be renewed (RateLimited), in the university’s time', async () => {
    vi.mocked(getActivity).mockResolvedValue(makeActivity({ joinPolicy: 'APPROVAL' }));
    vi.mocked(joinActivity).mockRejectedValueOnce(
      new ApiError('RateLimited', 'You withdrew your request a moment ago. You can ask to join again from 2026-…', {
        code: 'rateLimit.joinRenewal',
        retryAt: '2026-03-01T16:40:00.000Z',
        retryAfterSeconds: 480,
        minutes: 10,
      }),
    );
    const wrapper = await mountDetail();
    await click(wrapper, 'Ask to join');
    await click(wrapper, 'Send request');
    const alert = wrapper.get('section[aria-label="Taking part"] [role="alert"]');
    expect(alert.get('.form__error').text()).toMatch(
      /^You withdrew your request a moment ago\. You can ask to join again from .*17:40.*\.$/,
    );
    expect(alert.find('.muted').exists()).toBe(false);
  });

  it.each([
    ['Conflict', "That didn't work: the activity changed in the meantime."],
    ['NotFound', "That didn't work: the activity or this person is no longer there."],
    [
      'NetworkError',
      "That didn't work: there is no connection with the server. Check your internet connection and try again.",
    ],
    ['ValidationError', "That didn't work: something in the request isn't valid."],
    ['Unknown', "That didn't work. Please try again."],
  ])('says what a %s refusal of Leave means', async (errorType, sentence) => {
    vi.mocked(getActivity).mockResolvedValue(makeActivity({ myParticipation: makeParticipation() }));
    vi.mocked(leaveActivity).mockRejectedValueOnce(new ApiError(errorType, 'Server detail in English.'));
    const wrapper = await mountDetail();
    await click(wrapper, 'Leave');
    const alert = wrapper.get('section[aria-label="Taking part"] [role="alert"]');
    expect(alert.get('.form__error').text()).toBe(sentence);
    expect(alert.get('.muted').text()).toBe('Server detail in English.');
  });

  it('lets someone going leave', async () => {
    vi.mocked(getActivity).mockResolvedValue(makeActivity({ myParticipation: makeParticipation() }));
    const wrapper = await mountDetail();
    expect(status(wrapper).text()).toBe("You're going.");
    vi.mocked(getActivity).mockResolvedValue(makeActivity({ myParticipation: makeParticipation({ status: 'LEFT' }) }));
    await click(wrapper, 'Leave');
    expect(leaveActivity).toHaveBeenCalledWith('act-1');
    // Leaving is not final: the server lets people join again.
    expect(buttonTexts(wrapper)).toEqual(['Join']);
  });

  it('shows my waitlist position, highlights me in the waitlist, and lets me leave it', async () => {
    const meWaiting = makeParticipation({ status: 'WAITLISTED', position: 2 });
    vi.mocked(getActivity).mockResolvedValue(
      makeActivity({
        freePlaces: 0,
        waitlistCount: 2,
        myParticipation: meWaiting,
        waitlist: [makeParticipation({ user: NOAH, status: 'WAITLISTED', position: 1 }), meWaiting],
      }),
    );
    const wrapper = await mountDetail();
    expect(status(wrapper).text()).toBe("You're on the waitlist: number 2.");
    const waiting = wrapper.findAll('section[aria-labelledby="waitlist-title"] ol > li');
    expect(waiting.map((li) => squash(li.text()))).toEqual(['Noah Claes', 'Ann Peeters you, number 2']);
    expect(waiting[1]!.classes()).toContain('people__person--me');
    await click(wrapper, 'Leave the waitlist');
    expect(leaveActivity).toHaveBeenCalledWith('act-1');
  });

  it('explains a decline or a removal and offers nothing', async () => {
    vi.mocked(getActivity).mockResolvedValue(
      makeActivity({ myParticipation: makeParticipation({ status: 'REMOVED' }) }),
    );
    const wrapper = await mountDetail();
    expect(status(wrapper).text()).toBe('The host removed you from this activity.');
    expect(buttonTexts(wrapper)).toEqual([]);
  });

  it('shows a cancelled activity with a banner and no actions', async () => {
    vi.mocked(getActivity).mockResolvedValue(hosting({ status: 'CANCELLED', cancelledAt: NOW.toISOString() }));
    const wrapper = await mountDetail();
    expect(status(wrapper).text()).toBe('This activity has been cancelled.');
    expect(buttonTexts(wrapper)).toEqual([]);
  });
});

describe('ActivityDetailView: the host', () => {
  const requests = [
    makeParticipation({ user: LUCAS, status: 'REQUESTED', note: 'I can bring a ball!' }),
    makeParticipation({ user: NOAH, status: 'REQUESTED' }),
  ];

  it('sees requests with notes and approves or declines each by name', async () => {
    vi.mocked(getActivity).mockResolvedValue(hosting({ joinPolicy: 'APPROVAL', requests }));
    vi.mocked(respondToJoinRequest).mockResolvedValue(makeParticipation({ user: LUCAS }));
    const wrapper = await mountDetail();
    expect(status(wrapper).text()).toBe("You're hosting this activity.");
    expect(wrapper.get('a[href="/activities/act-1/edit"]').text()).toBe('Edit');
    expect(wrapper.get('section[aria-labelledby="requests-title"]').text()).toContain('I can bring a ball!');

    await click(wrapper, 'Approve Lucas Janssens');
    expect(respondToJoinRequest).toHaveBeenCalledWith('act-1', 'sub-lucas', true);
    await click(wrapper, 'Decline Noah Claes');
    expect(respondToJoinRequest).toHaveBeenCalledWith('act-1', 'sub-noah', false);
    // The first read, once more after switching to the host's changes, and one after each answer.
    expect(getActivity).toHaveBeenCalledTimes(4);
  });

  it('follows the host’s changes (which say who, and include requests) once it knows this user hosts', async () => {
    vi.mocked(getActivity).mockResolvedValue(hosting({ joinPolicy: 'APPROVAL', requests }));
    const wrapper = await mountDetail();
    expect(status(wrapper).text()).toBe("You're hosting this activity.");
    expect(vi.mocked(subscribeToActivity).mock.calls.map(([id, audience]) => [id, audience])).toEqual([
      ['act-1', 'PUBLIC'],
      ['act-1', 'HOST'],
    ]);
    // The public subscription was let go when the host's one started.
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });

  it('removes a participant after confirming, and not when the host changes their mind', async () => {
    vi.mocked(getActivity).mockResolvedValue(
      hosting({ participants: [hostParticipation, makeParticipation({ user: LUCAS })] }),
    );
    vi.mocked(removeParticipant).mockResolvedValue(makeParticipation({ user: LUCAS, status: 'REMOVED' }));
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const wrapper = await mountDetail();
    expect(buttonNamed(wrapper, 'Remove Hanne Host')).toBeUndefined();

    await click(wrapper, 'Remove Lucas Janssens');
    expect(confirm).toHaveBeenCalledWith('Remove Lucas Janssens from this activity? They will be told.');
    expect(removeParticipant).not.toHaveBeenCalled();
    await click(wrapper, 'Remove Lucas Janssens');
    expect(removeParticipant).toHaveBeenCalledWith('act-1', 'sub-lucas');
  });

  const requestNews = (wrapper: Mounted) => wrapper.get('section[aria-labelledby="requests-title"] [role="status"]');

  it('announces an approval next to the requests and moves on to the next request', async () => {
    vi.mocked(getActivity).mockResolvedValue(hosting({ joinPolicy: 'APPROVAL', requests }));
    vi.mocked(respondToJoinRequest).mockResolvedValue(makeParticipation({ user: LUCAS, status: 'JOINED' }));
    const wrapper = await mountDetail();
    expect(requestNews(wrapper).text()).toBe('');

    vi.mocked(getActivity).mockResolvedValue(
      hosting({
        joinPolicy: 'APPROVAL',
        requests: [requests[1]!],
        participants: [hostParticipation, makeParticipation({ user: LUCAS })],
      }),
    );
    await click(wrapper, 'Approve Lucas Janssens');
    expect(requestNews(wrapper).text()).toBe('Lucas Janssens is going.');
    expect(document.activeElement).toBe(buttonNamed(wrapper, 'Approve Noah Claes')!.element);
  });

  it('says when an approval puts someone on the waitlist, going to the request before it when it was last', async () => {
    vi.mocked(getActivity).mockResolvedValue(hosting({ joinPolicy: 'APPROVAL', freePlaces: 0, requests }));
    vi.mocked(respondToJoinRequest).mockResolvedValue(
      makeParticipation({ user: NOAH, status: 'WAITLISTED', position: 1 }),
    );
    const wrapper = await mountDetail();
    vi.mocked(getActivity).mockResolvedValue(
      hosting({ joinPolicy: 'APPROVAL', freePlaces: 0, requests: [requests[0]!] }),
    );
    await click(wrapper, 'Approve Noah Claes');
    expect(requestNews(wrapper).text()).toBe('Noah Claes is on the waitlist.');
    expect(document.activeElement).toBe(buttonNamed(wrapper, 'Approve Lucas Janssens')!.element);
  });

  it('announces a decline and moves focus to the Requests heading when none are left', async () => {
    vi.mocked(getActivity).mockResolvedValue(hosting({ joinPolicy: 'APPROVAL', requests: [requests[0]!] }));
    vi.mocked(respondToJoinRequest).mockResolvedValue(makeParticipation({ user: LUCAS, status: 'DECLINED' }));
    const wrapper = await mountDetail();
    vi.mocked(getActivity).mockResolvedValue(hosting({ joinPolicy: 'APPROVAL', requests: [] }));
    await click(wrapper, 'Decline Lucas Janssens');
    expect(requestNews(wrapper).text()).toBe('Request declined.');
    const heading = wrapper.get('#requests-title');
    expect(heading.attributes('tabindex')).toBe('-1');
    expect(document.activeElement).toBe(heading.element);
    expect(wrapper.text()).toContain('No requests are waiting for your answer.');
  });

  it('announces nothing and keeps focus when an answer is refused, explaining why in the panel', async () => {
    vi.mocked(getActivity).mockResolvedValue(hosting({ joinPolicy: 'APPROVAL', requests }));
    vi.mocked(respondToJoinRequest).mockRejectedValueOnce(new ApiError('Conflict', 'Already answered.'));
    const wrapper = await mountDetail();
    const approve = buttonNamed(wrapper, 'Approve Lucas Janssens')!;
    (approve.element as HTMLButtonElement).focus();
    await click(wrapper, 'Approve Lucas Janssens');
    expect(requestNews(wrapper).text()).toBe('');
    expect(document.activeElement).toBe(approve.element);
    expect(wrapper.get('section[aria-label="Taking part"] [role="alert"]').text()).toContain(
      "That didn't work: the activity changed in the meantime.",
    );
  });

  it('announces a removal in that list and moves focus to its heading', async () => {
    const noahWaiting = makeParticipation({ user: NOAH, status: 'WAITLISTED', position: 1 });
    vi.mocked(getActivity).mockResolvedValue(
      hosting({ participants: [hostParticipation, makeParticipation({ user: LUCAS })], waitlist: [noahWaiting] }),
    );
    vi.mocked(removeParticipant).mockResolvedValue(makeParticipation({ user: LUCAS, status: 'REMOVED' }));
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const wrapper = await mountDetail();
    const news = (list: string) => wrapper.get(`section[aria-labelledby="${list}-title"] [role="status"]`);

    vi.mocked(getActivity).mockResolvedValue(hosting({ waitlist: [noahWaiting] }));
    await click(wrapper, 'Remove Lucas Janssens');
    expect(news('participants').text()).toBe('Lucas Janssens was removed.');
    expect(news('waitlist').text()).toBe('');
    expect(document.activeElement).toBe(wrapper.get('#participants-title').element);

    vi.mocked(getActivity).mockResolvedValue(hosting());
    await click(wrapper, 'Remove Noah Claes');
    expect(news('waitlist').text()).toBe('Noah Claes was removed.');
    expect(news('participants').text()).toBe('');
    expect(document.activeElement).toBe(wrapper.get('#waitlist-title').element);
  });

  it('cancels through a dialog that says how many people will be told', async () => {
    vi.mocked(getActivity).mockResolvedValue(
      hosting({
        participants: [hostParticipation, makeParticipation({ user: LUCAS })],
        waitlist: [makeParticipation({ user: NOAH, status: 'WAITLISTED', position: 1 })],
        requests: [makeParticipation({ user: ME, status: 'REQUESTED' })],
      }),
    );
    vi.mocked(cancelActivity).mockResolvedValue(hosting({ status: 'CANCELLED' }));
    const wrapper = await mountDetail();
    const dialog = wrapper.get('dialog');
    expect(dialog.attributes('open')).toBeUndefined();

    await click(wrapper, 'Cancel activity');
    expect(dialog.attributes('open')).toBeDefined();
    expect(dialog.get('h2').text()).toBe('Cancel this activity?');
    expect(dialog.text()).toContain(
      '3 people will be told: everyone going, on the waitlist or waiting for your answer.',
    );
    expect(document.activeElement?.textContent?.trim()).toBe('Keep it');

    await dialog.trigger('keydown', { key: 'Escape' });
    expect(dialog.attributes('open')).toBeUndefined();
    expect(document.activeElement?.textContent?.trim()).toBe('Cancel activity');
    expect(cancelActivity).not.toHaveBeenCalled();

    await click(wrapper, 'Cancel activity');
    vi.mocked(getActivity).mockResolvedValue(hosting({ status: 'CANCELLED' }));
    await click(wrapper, 'Yes, cancel it');
    expect(cancelActivity).toHaveBeenCalledWith('act-1');
    expect(status(wrapper).text()).toBe('This activity has been cancelled.');
    expect(document.activeElement).toBe(status(wrapper).element);
  });

  it('words the dialog for one person', async () => {
    vi.mocked(getActivity).mockResolvedValue(
      hosting({ participants: [hostParticipation, makeParticipation({ user: LUCAS })] }),
    );
    const wrapper = await mountDetail();
    await click(wrapper, 'Cancel activity');
    expect(wrapper.get('dialog').text()).toContain('1 person will be told');
  });
});

describe('ActivityDetailView: live', () => {
  it('refetches on a live change and shows it without a reload', async () => {
    const wrapper = await mountDetail();
    expect(subscribeToActivity).toHaveBeenCalledWith('act-1', 'PUBLIC', expect.any(Function), expect.any(Function));
    vi.mocked(getActivity).mockResolvedValue(
      makeActivity({
        participantCount: 4,
        freePlaces: 4,
        participants: [hostParticipation, makeParticipation({ user: LUCAS })],
      }),
    );
    liveChange()(change('JOINED'));
    await flushPromises();
    expect(wrapper.text()).toContain('4 of 8 places taken');
    expect(wrapper.text()).toContain('Lucas Janssens');
  });

  it('coalesces a burst of changes into one fetch in flight and one queued', async () => {
    await mountDetail();
    expect(getActivity).toHaveBeenCalledTimes(1);
    const first = deferred<Activity>();
    vi.mocked(getActivity).mockReturnValueOnce(first.promise);
    for (let i = 0; i < 5; i += 1) liveChange()(change('JOINED'));
    expect(getActivity).toHaveBeenCalledTimes(2);
    first.resolve(makeActivity());
    await flushPromises();
    expect(getActivity).toHaveBeenCalledTimes(3);
  });

  it('shows "not found" when the activity disappears after a change', async () => {
    const wrapper = await mountDetail();
    vi.mocked(getActivity).mockRejectedValue(new ApiError('NotFound', 'The activity was not found.'));
    liveChange()(change('UPDATED'));
    await flushPromises();
    expect(wrapper.get('h1').text()).toBe('Activity not found');
  });

  it('keeps showing the activity when a background refetch fails for a passing reason', async () => {
    const wrapper = await mountDetail();
    vi.mocked(getActivity).mockRejectedValue(new ApiError('NetworkError', 'Network error'));
    liveChange()(change('LEFT'));
    await flushPromises();
    expect(wrapper.get('h1').text()).toBe('Beach volleyball at the Sportkot');
  });

  it('stops listening when the page closes, and follows the new id when it changes', async () => {
    const wrapper = await mountDetail();
    activityId.value = 'act-2';
    await flushPromises();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
    expect(subscribeToActivity).toHaveBeenLastCalledWith('act-2', 'PUBLIC', expect.any(Function), expect.any(Function));
    expect(getActivity).toHaveBeenLastCalledWith('act-2');
    mounted.splice(mounted.indexOf(wrapper), 1);
    wrapper.unmount();
    expect(unsubscribe).toHaveBeenCalledTimes(2);
  });
});

/** Timers faked too, for the tests that wait for a retry or for the start. */
function fakeTimers(): void {
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
  vi.setSystemTime(NOW);
}

/** The error callback the page gave its latest subscribeToActivity. */
function liveError(): (error: Error) => void {
  return vi.mocked(subscribeToActivity).mock.calls.at(-1)![3]!;
}
const connectionClosed = () => new ApiError('NetworkError', 'Connection closed');
const fetchesOf = (id: string) => vi.mocked(getActivity).mock.calls.filter(([asked]) => asked === id).length;

describe('ActivityDetailView: catching up after a drop', () => {
  it('reads the activity again when the tab becomes visible, not when it is hidden', async () => {
    await mountDetail();
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    await flushPromises();
    expect(getActivity).toHaveBeenCalledTimes(1);
    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    await flushPromises();
    expect(getActivity).toHaveBeenCalledTimes(2);
  });

  it('reads the activity again when the browser is back online', async () => {
    const wrapper = await mountDetail();
    vi.mocked(getActivity).mockResolvedValue(makeActivity({ participantCount: 4, freePlaces: 4 }));
    window.dispatchEvent(new Event('online'));
    await flushPromises();
    expect(getActivity).toHaveBeenCalledTimes(2);
    expect(wrapper.text()).toContain('4 of 8 places taken');
  });

  it('announces a lost connection, listens again after 2 s doubling up to 60 s, and catches up', async () => {
    fakeTimers();
    const wrapper = await mountDetail();
    const live = wrapper.get('.activity-detail__live');
    expect(live.attributes('role')).toBe('status');
    expect(live.text()).toBe('');

    let subscriptions = 1;
    for (const wait of [2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]) {
      liveError()(connectionClosed());
      await flushPromises();
      expect(live.text()).toBe(
        'Live updates stopped. Reconnecting… The page catches up as soon as the connection is back.',
      );
      expect(unsubscribe).toHaveBeenCalledTimes(subscriptions);
      vi.advanceTimersByTime(wait - 1);
      expect(subscribeToActivity).toHaveBeenCalledTimes(subscriptions);
      vi.advanceTimersByTime(1);
      subscriptions += 1;
      expect(subscribeToActivity).toHaveBeenCalledTimes(subscriptions);
      expect(subscribeToActivity).toHaveBeenLastCalledWith(
        'act-1',
        'PUBLIC',
        expect.any(Function),
        expect.any(Function),
      );
      await flushPromises();
      // Listening again, and reading what was missed in between.
      expect(getActivity).toHaveBeenCalledTimes(subscriptions);
      expect(live.text()).toBe('');
    }
  });

  it('starts again from 2 s once a change arrives, and at once when the browser is back online', async () => {
    fakeTimers();
    await mountDetail();
    liveError()(connectionClosed());
    vi.advanceTimersByTime(2_000);
    liveError()(connectionClosed());
    window.dispatchEvent(new Event('online'));
    expect(subscribeToActivity).toHaveBeenCalledTimes(3);

    liveChange()(change('JOINED'));
    liveError()(connectionClosed());
    vi.advanceTimersByTime(2_000);
    expect(subscribeToActivity).toHaveBeenCalledTimes(4);
  });

  it('ignores a late error from a subscription it already replaced', async () => {
    fakeTimers();
    await mountDetail();
    const firstError = liveError();
    firstError(connectionClosed());
    vi.advanceTimersByTime(2_000);
    firstError(connectionClosed());
    vi.advanceTimersByTime(60_000);
    expect(subscribeToActivity).toHaveBeenCalledTimes(2);
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });

  it('releases the retry timer, the start timer and the listeners when the page closes', async () => {
    fakeTimers();
    const wrapper = await mountDetail();
    liveError()(connectionClosed());
    mounted.splice(mounted.indexOf(wrapper), 1);
    wrapper.unmount();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(120_000);
    window.dispatchEvent(new Event('online'));
    document.dispatchEvent(new Event('visibilitychange'));
    await flushPromises();
    expect(subscribeToActivity).toHaveBeenCalledTimes(1);
    expect(getActivity).toHaveBeenCalledTimes(1);
  });

  it('drops the old id’s retry and listeners when the id changes', async () => {
    fakeTimers();
    await mountDetail();
    liveError()(connectionClosed());
    activityId.value = 'act-2';
    await flushPromises();
    vi.advanceTimersByTime(120_000);
    window.dispatchEvent(new Event('online'));
    await flushPromises();
    expect(vi.mocked(subscribeToActivity).mock.calls.map(([id]) => id)).toEqual(['act-1', 'act-2']);
    expect(fetchesOf('act-1')).toBe(1);
    expect(fetchesOf('act-2')).toBe(2);
  });
});

describe('ActivityDetailView: time and races', () => {
  const inOneHour = new Date(NOW.getTime() + 3_600_000).toISOString();
  const inTwoHours = new Date(NOW.getTime() + 7_200_000).toISOString();

  it('takes the actions away when the activity starts while the page is open', async () => {
    fakeTimers();
    vi.mocked(getActivity).mockResolvedValue(makeActivity({ startsAt: inOneHour }));
    const wrapper = await mountDetail();
    vi.advanceTimersByTime(3_599_999);
    await flushPromises();
    expect(buttonTexts(wrapper)).toEqual(['Join']);
    vi.advanceTimersByTime(1);
    await flushPromises();
    expect(status(wrapper).text()).toBe('This activity has already started: nobody can join or leave any more.');
    expect(buttonTexts(wrapper)).toEqual([]);
  });

  it('follows a start time moved by a refetch, keeping a single timer', async () => {
    fakeTimers();
    vi.mocked(getActivity).mockResolvedValue(makeActivity({ startsAt: inOneHour }));
    const wrapper = await mountDetail();
    vi.mocked(getActivity).mockResolvedValue(makeActivity({ startsAt: inTwoHours }));
    liveChange()(change('UPDATED'));
    await flushPromises();
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(3_600_000);
    await flushPromises();
    expect(buttonTexts(wrapper)).toEqual(['Join']);
    vi.advanceTimersByTime(3_600_000);
    await flushPromises();
    expect(buttonTexts(wrapper)).toEqual([]);
  });

  it('keeps loading the new activity when the id changes during the first load', async () => {
    const first = deferred<Activity>();
    const second = deferred<Activity>();
    vi.mocked(getActivity).mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise);
    const wrapper = await mountDetail();
    activityId.value = 'act-2';
    await flushPromises();
    first.resolve(makeActivity());
    await flushPromises();
    expect(wrapper.get('h1').text()).toBe('Activity');
    expect(wrapper.text()).toContain('Loading the activity…');

    second.resolve(makeActivity({ id: 'act-2', title: 'Padel at De Nayer' }));
    await flushPromises();
    expect(wrapper.get('h1').text()).toBe('Padel at De Nayer');
  });
});

describe('ActivityDetailView: calendar', () => {
  it('downloads an .ics file named after the title', async () => {
    const createObjectURL = vi.fn((blob: Blob) => (void blob, 'blob:ics'));
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const wrapper = await mountDetail();
    await click(wrapper, 'Add to calendar (.ics)');
    expect(clicked[0]!.download).toBe('beach-volleyball-at-the-sportkot.ics');
    expect(clicked[0]!.href).toBe('blob:ics');
    const blob = createObjectURL.mock.calls[0]![0];
    expect(blob.type).toBe('text/calendar;charset=utf-8');
    const ics = await blob.text();
    expect(ics).toContain('UID:act-1@huddle\r\n');
    expect(ics).toContain('URL:http://localhost:3000/activities/act-1\r\n');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:ics');
  });
});

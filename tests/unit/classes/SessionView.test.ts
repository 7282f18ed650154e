import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { bookSession, cancelBooking, getSession, subscribeToSession, type ClassSession } from '@/api/classes';
import { ApiError } from '@/api/errors';
import { getMe } from '@/api/profile';
import SessionView from '@/views/SessionView.vue';
import { makeOwnBooking, makeSession } from '../classFixtures';
import { makeProfile } from '../fixtures';
import { mountWithApp } from '../mountWithApp';

vi.mock('@/api/classes', () => ({
  getSession: vi.fn(),
  bookSession: vi.fn(),
  cancelBooking: vi.fn(),
  subscribeToSession: vi.fn(),
}));
vi.mock('@/api/profile', () => ({ getMe: vi.fn() }));

type Mounted = Awaited<ReturnType<typeof mountWithApp>>['wrapper'];
// Two days before the fixture session (Monday 30 November 2026, 18:00 in Brussels).
const NOW = new Date('2026-11-28T12:00:00.000Z');
const mounted: Mounted[] = [];

async function mountSession(session: ClassSession): Promise<Mounted> {
  vi.mocked(getSession).mockResolvedValue(session);
  const Page = defineComponent({ render: () => h(SessionView, { id: 'ses-1' }) });
  const { wrapper } = await mountWithApp(Page, { path: '/classes/sessions/ses-1' });
  mounted.push(wrapper);
  return wrapper;
}

const status = (wrapper: Mounted) => wrapper.get('section[aria-label="Your booking"] [role="status"]').text();
const buttons = (wrapper: Mounted) => wrapper.findAll('section[aria-label="Your booking"] button').map((b) => b.text());
const button = (wrapper: Mounted, name: string) => {
  const found = wrapper.findAll('button').find((b) => b.text() === name);
  expect(found, `button ${name}`).toBeDefined();
  return found!;
};

beforeEach(() => {
  vi.clearAllMocks();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  vi.mocked(getMe).mockResolvedValue(makeProfile());
  vi.mocked(subscribeToSession).mockReturnValue(() => {});
});
afterEach(() => {
  for (const wrapper of mounted.splice(0)) wrapper.unmount();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('SessionView: every state as a student sees it', () => {
  it.each([
    ['NOT_YET_OPEN', {}, 'Booking opens on Mon 23 Nov, 18:00.', []],
    ['OPEN', {}, '3 places left.', ['Book']],
    [
      'FULL',
      { placesLeft: 0, waitlistCount: 2 },
      'Full. Join the waitlist: 2 people are waiting.',
      ['Join the waitlist'],
    ],
    ['BOOKED', { myBooking: makeOwnBooking() }, "You're booked.", ['Cancel my booking']],
    [
      'WAITLISTED',
      { myBooking: makeOwnBooking({ status: 'WAITLISTED', position: 2, checkInCode: null }) },
      "You're on the waitlist: number 2.",
      ['Leave the waitlist'],
    ],
    ['CLOSED', { placesLeft: 0 }, 'Full, and the waitlist has closed.', []],
    [
      'CANCELLED',
      { status: 'CANCELLED' as const, cancelReason: 'The instructor is ill.' },
      'This session was cancelled: The instructor is ill.',
      [],
    ],
  ] as const)('%s', async (state, overrides, sentence, actions) => {
    const wrapper = await mountSession(makeSession({ state, ...overrides }));
    expect(status(wrapper)).toBe(sentence);
    expect(buttons(wrapper).filter((b) => !['Cancel anyway', 'Keep my booking'].includes(b))).toEqual(actions);
  });

  it('PAST: says it started, offers nothing', async () => {
    vi.setSystemTime(new Date('2026-11-30T17:10:00.000Z'));
    const wrapper = await mountSession(makeSession({ state: 'PAST' }));
    expect(status(wrapper)).toBe('This session has started.');
    expect(buttons(wrapper)).toEqual([]);
  });

  it('shows the class, its place, the rules in plain words, and the check-in code only when booked', async () => {
    const open = await mountSession(makeSession());
    const text = open.text();
    expect(open.get('h1').text()).toBe('Yoga flow');
    expect(text).toContain('Monday, 30 November 2026, 18:00–19:00');
    expect(text).toContain('Gentle flow for all levels.');
    expect(text).toContain('Booking opened on Mon 23 Nov, 18:00.');
    expect(text).toContain('Free cancellation until Mon 30 Nov, 17:00; after that a cancellation is a late cancel.');
    expect(open.find('[role="img"]').exists()).toBe(false);

    const booked = await mountSession(makeSession({ state: 'BOOKED', myBooking: makeOwnBooking() }));
    expect(booked.get('[role="img"]').attributes('aria-label')).toBe('QR code for check-in code K7Q M2X');
    expect(booked.text()).toContain('K7Q M2X');
  });
});

describe('SessionView: booking actions', () => {
  it('books, then shows the server’s new state', async () => {
    const wrapper = await mountSession(makeSession());
    vi.mocked(bookSession).mockResolvedValue({} as never);
    vi.mocked(getSession).mockResolvedValue(makeSession({ state: 'BOOKED', myBooking: makeOwnBooking() }));
    await button(wrapper, 'Book').trigger('click');
    await flushPromises();
    expect(bookSession).toHaveBeenCalledWith('ses-1');
    expect(status(wrapper)).toBe("You're booked.");
  });

  it('cancels at once while cancelling is free, saying until when', async () => {
    const wrapper = await mountSession(makeSession({ state: 'BOOKED', myBooking: makeOwnBooking() }));
    expect(wrapper.text()).toContain('Free cancellation until Mon 30 Nov, 17:00.');
    vi.mocked(cancelBooking).mockResolvedValue({} as never);
    vi.mocked(getSession).mockResolvedValue(makeSession());
    await button(wrapper, 'Cancel my booking').trigger('click');
    await flushPromises();
    expect(cancelBooking).toHaveBeenCalledWith('ses-1');
    expect(status(wrapper)).toBe('3 places left.');
  });

  it('warns before a late cancel, and cancels only once confirmed', async () => {
    vi.setSystemTime(new Date('2026-11-30T16:15:00.000Z'));
    const wrapper = await mountSession(makeSession({ state: 'BOOKED', myBooking: makeOwnBooking() }));
    await button(wrapper, 'Cancel my booking').trigger('click');
    const dialog = wrapper.get('dialog#late-cancel');
    expect(dialog.attributes('open')).toBeDefined();
    expect(dialog.text()).toContain('Free cancellation ended on Mon 30 Nov, 17:00.');
    expect(cancelBooking).not.toHaveBeenCalled();
    vi.mocked(cancelBooking).mockResolvedValue({} as never);
    await button(wrapper, 'Cancel anyway').trigger('click');
    await flushPromises();
    expect(cancelBooking).toHaveBeenCalledTimes(1);
  });

  it('says why a booking was refused, with the date in the university’s time', async () => {
    const wrapper = await mountSession(makeSession());
    vi.mocked(bookSession).mockRejectedValue(
      new ApiError('Conflict', "You can't book until …", {
        code: 'booking.noShowBlocked',
        until: '2026-12-04T09:00:00.000Z',
      }),
    );
    await button(wrapper, 'Book').trigger('click');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toBe(
      "You can't book until Fri 4 Dec, 10:00 because of missed sessions.",
    );
  });

  it('follows the session live: a change elsewhere is read again, and the subscription ends with the page', async () => {
    const stop = vi.fn();
    vi.mocked(subscribeToSession).mockReturnValue(stop);
    const wrapper = await mountSession(
      makeSession({ state: 'WAITLISTED', myBooking: makeOwnBooking({ status: 'WAITLISTED', position: 1 }) }),
    );
    vi.mocked(getSession).mockResolvedValue(makeSession({ state: 'BOOKED', myBooking: makeOwnBooking() }));
    const onChange = vi.mocked(subscribeToSession).mock.calls.at(-1)![1];
    onChange({ sessionId: 'ses-1', kind: 'PROMOTED', userId: 'sub-ann', at: NOW.toISOString() });
    await flushPromises();
    expect(status(wrapper)).toBe("You're booked.");
    wrapper.unmount();
    mounted.splice(0);
    expect(stop).toHaveBeenCalled();
  });
});

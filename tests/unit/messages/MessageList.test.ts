import { mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/api/errors';
import MessageList from '@/components/message/MessageList.vue';
import { i18n } from '@/i18n';
import { buildTimeline } from '@/messages/timeline';
import type { Message } from '@/api/messages';
import { ME, makeMessage, mine } from './fixtures';

const ZONE = 'Europe/Brussels';
/** Each message is drawn 50 px tall in a 200 px high list: enough layout to scroll through. */
const ROW = 50;
const VIEW = 200;

const days = (messages: Message[]) =>
  buildTimeline({ messages, outbox: [], me: ME, otherReadAt: null, timeZone: ZONE });

/** jsdom draws nothing: lay the list's messages out one under the other, and let it scroll. */
function layOut(wrapper: VueWrapper) {
  const scroller = wrapper.get('[role="log"]').element as HTMLElement;
  let top = 0;
  const rows = () => [...scroller.querySelectorAll<HTMLElement>('[data-key]')];
  Object.defineProperties(scroller, {
    scrollTop: {
      get: () => top,
      set: (value: number) => (top = Math.max(0, Math.min(value, rows().length * ROW - VIEW))),
      configurable: true,
    },
    scrollHeight: { get: () => rows().length * ROW, configurable: true },
    clientHeight: { get: () => VIEW, configurable: true },
    getBoundingClientRect: { value: () => ({ top: 0, bottom: VIEW }) as DOMRect, configurable: true },
  });
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const index = rows().indexOf(this);
    return { top: index * ROW - top, bottom: (index + 1) * ROW - top } as DOMRect;
  });
  return {
    scroller,
    /** The message at the top of the view and how far below the top it is. */
    topRow: () => {
      const row = rows().find((r) => r.getBoundingClientRect().bottom > 0)!;
      return { key: row.dataset.key, y: row.getBoundingClientRect().top };
    },
  };
}

function mountList(messages: Message[], props: Partial<InstanceType<typeof MessageList>['$props']> = {}) {
  return mount(MessageList, {
    props: {
      days: days(messages),
      otherName: 'Ben Claes',
      timeZone: ZONE,
      hasOlder: false,
      loadingOlder: false,
      olderError: null,
      refusalsReady: true,
      ...props,
    },
    global: { plugins: [i18n] },
    attachTo: document.body,
  });
}

/** n messages, a minute apart, ending at 10:00 on 26 November. */
const history = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) =>
    makeMessage({
      id: `m${from + i}`,
      text: `Message ${from + i}`,
      createdAt: new Date(Date.UTC(2026, 10, 26, 8, 0) + (from + i) * 60_000).toISOString(),
    }),
  );

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-27T12:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('MessageList', () => {
  it('is a polite log named after the other person', () => {
    const log = mountList(history(2)).get('[role="log"]');
    expect(log.attributes()).toMatchObject({
      'aria-live': 'polite',
      'aria-label': 'Messages with Ben Claes',
      tabindex: '0',
    });
  });

  it('puts a separator per day — Today, Yesterday, then the date — and the sender and time once per group', () => {
    const wrapper = mountList([
      makeMessage({ createdAt: '2026-11-20T09:00:00.000Z', text: 'A week ago' }),
      makeMessage({ createdAt: '2026-11-26T09:00:00.000Z', text: 'Yesterday 1' }),
      makeMessage({ createdAt: '2026-11-26T09:02:00.000Z', text: 'Yesterday 2' }),
      mine({ createdAt: '2026-11-27T08:00:00.000Z', text: 'Today' }),
    ]);
    expect(wrapper.findAll('h2').map((h) => h.text())).toEqual(['Friday, 20 November 2026', 'Yesterday', 'Today']);
    const rows = wrapper.findAll('li[data-key]');
    expect(rows.map((row) => row.find('.message__meta').exists())).toEqual([true, true, false, true]);
    expect(rows[1]!.get('.message__meta').text().replace(/\s+/g, ' ')).toBe('Ben Claes 10:00');
    expect(rows[3]!.get('.message__meta').text().replace(/\s+/g, ' ')).toBe('You 09:00');
    // The second of a group says who and when to screen readers only.
    expect(rows[2]!.get('.visually-hidden').text()).toBe('Ben Claes at 10:02:');
    expect(wrapper.text()).toContain('This is the start of your conversation with Ben Claes.');
  });

  it('asks for older messages when scrolled near the top, and keeps the message being read exactly in place', async () => {
    const wrapper = mountList(history(10, 20), { hasOlder: true });
    const { scroller, topRow } = layOut(wrapper);
    scroller.scrollTop = 60; // the reader scrolled up: m21 is at the top, 10 px under the edge
    const before = topRow();
    expect(before).toEqual({ key: 'm21', y: -10 });
    scroller.dispatchEvent(new Event('scroll'));
    expect(wrapper.emitted('loadOlder')).toHaveLength(1);

    await wrapper.setProps({
      days: days([...history(20, 0), ...history(10, 20)]),
      loadingOlder: false,
      hasOlder: false,
    });
    expect(topRow()).toEqual(before); // no jump: 20 messages above it, and it has not moved
    expect(scroller.scrollTop).toBe(60 + 20 * ROW);
  });

  it('keeps following new messages at the bottom; scrolled up, it offers to jump down instead', async () => {
    const wrapper = mountList(history(10));
    const { scroller } = layOut(wrapper);
    scroller.scrollTop = scroller.scrollHeight; // at the bottom
    await wrapper.setProps({ days: days(history(11)) });
    expect(scroller.scrollTop).toBe(11 * ROW - VIEW);
    expect(wrapper.text()).not.toContain('New messages below');

    scroller.scrollTop = 0; // reading back
    await wrapper.setProps({ days: days(history(12)) });
    expect(scroller.scrollTop).toBe(0);
    const jump = wrapper.findAll('button').find((b) => b.text() === 'New messages below')!;
    await jump.trigger('click');
    expect(scroller.scrollTop).toBe(12 * ROW - VIEW);
    expect(wrapper.text()).not.toContain('New messages below');
  });

  it('goes to the bottom for my own new message, even when scrolled up', async () => {
    const wrapper = mountList(history(10));
    const { scroller } = layOut(wrapper);
    scroller.scrollTop = 0;
    await wrapper.setProps({ days: days([...history(10), mine({ createdAt: '2026-11-26T09:00:00.000Z' })]) });
    expect(scroller.scrollTop).toBe(11 * ROW - VIEW);
  });

  it('offers a button for older messages, says when they load, and offers to retry when they could not', async () => {
    const wrapper = mountList(history(3), { hasOlder: true });
    const button = wrapper.findAll('button').find((b) => b.text() === 'Load earlier messages')!;
    await button.trigger('click');
    expect(wrapper.emitted('loadOlder')).toHaveLength(1);
    await wrapper.setProps({ loadingOlder: true });
    expect(wrapper.get('[role="status"]').text()).toBe('Loading earlier messages…');
    expect(wrapper.get('[role="log"]').attributes('aria-busy')).toBe('true');
    await wrapper.setProps({ loadingOlder: false, olderError: new ApiError('NetworkError', 'Network error') });
    expect(wrapper.get('[role="alert"]').text()).toContain('Earlier messages could not be loaded.');
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Try again')!
      .trigger('click');
    expect(wrapper.emitted('loadOlder')).toHaveLength(2);
  });
});

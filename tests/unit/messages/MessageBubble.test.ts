import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import MessageBubble from '@/components/message/MessageBubble.vue';
import { i18n, setLocale } from '@/i18n';
import type { TimelineItem } from '@/messages/timeline';
import { makeOutboxEntry } from './fixtures';

const ZONE = 'Europe/Brussels';

function item(overrides: Partial<TimelineItem> = {}): TimelineItem {
  return {
    key: 'm1',
    mine: true,
    text: 'See you at seven',
    at: '2026-11-26T17:30:00.000Z',
    startsGroup: true,
    status: null,
    pending: null,
    ...overrides,
  };
}

const mountBubble = (overrides: Partial<TimelineItem> = {}, refusalsReady = true) =>
  mount(MessageBubble, {
    props: { item: item(overrides), otherName: 'Ben Claes', timeZone: ZONE, refusalsReady },
    global: { plugins: [i18n] },
  });

afterEach(() => setLocale('en'));

describe('MessageBubble, each send state', () => {
  it('sending: shown at once, marked as sending', () => {
    const wrapper = mountBubble({ status: 'sending', pending: makeOutboxEntry() });
    expect(wrapper.get('.message__status').text()).toBe('Sending…');
    expect(wrapper.classes()).toContain('message--pending');
    expect(wrapper.find('button').exists()).toBe(false);
  });

  it('sent, then seen', async () => {
    const wrapper = mountBubble({ status: 'sent' });
    expect(wrapper.get('.message__status').text()).toBe('Sent');
    await wrapper.setProps({ item: item({ status: 'seen' }) });
    expect(wrapper.get('.message__status').text()).toBe('Seen');
  });

  it('not sent: says why in the reader’s language, with Retry and Delete for this message', async () => {
    const failed = makeOutboxEntry({
      state: 'failed',
      text: 'Are you there?',
      failure: {
        errorType: 'Forbidden',
        message: 'This person is not accepting messages from you.',
        info: { code: 'message.blockedByRecipient' },
      },
    });
    await setLocale('nl');
    const wrapper = mountBubble({ key: failed.clientId, status: 'failed', pending: failed, text: failed.text });
    expect(wrapper.get('.message__status').text()).toContain('Niet verstuurd');
    expect(wrapper.get('.message__reason').text()).not.toBe('This person is not accepting messages from you.');
    const [retry, remove] = wrapper.findAll('button');
    expect(retry!.attributes('aria-label')).toBe('“Are you there?” opnieuw versturen');
    await retry!.trigger('click');
    await remove!.trigger('click');
    expect(wrapper.emitted('retry')).toEqual([[failed.clientId]]);
    expect(wrapper.emitted('discard')).toEqual([[failed.clientId]]);
  });

  it('not sent, before the refusals’ sentences are loaded: the server’s own words', () => {
    const failed = makeOutboxEntry({
      state: 'failed',
      failure: { errorType: 'Forbidden', message: 'Server words.', info: { code: 'some.newCode' } },
    });
    expect(mountBubble({ status: 'failed', pending: failed }, false).get('.message__reason').text()).toBe(
      'Server words.',
    );
  });

  it('shows text as text and only http(s) addresses as links, opening apart', () => {
    const wrapper = mountBubble({ text: '<b>Map</b>: https://osm.org/x and javascript:alert(1)' });
    expect(wrapper.find('b').exists()).toBe(false);
    const link = wrapper.get('a');
    expect(link.attributes()).toMatchObject({
      href: 'https://osm.org/x',
      rel: 'noopener noreferrer nofollow',
      target: '_blank',
    });
    expect(wrapper.get('.message-text').text()).toBe('<b>Map</b>: https://osm.org/x and javascript:alert(1)');
  });

  it('shows the sender and time on the first of a group, and says them to screen readers on the others', () => {
    expect(mountBubble({ mine: false }).get('.message__meta').text().replace(/\s+/g, ' ')).toBe('Ben Claes 18:30');
    const follower = mountBubble({ mine: false, startsGroup: false });
    expect(follower.find('.message__meta').exists()).toBe(false);
    expect(follower.get('.visually-hidden').text()).toBe('Ben Claes at 18:30:');
  });
});

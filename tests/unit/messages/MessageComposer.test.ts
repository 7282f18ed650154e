import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import MessageComposer from '@/components/message/MessageComposer.vue';
import { i18n } from '@/i18n';

const mountComposer = () =>
  mount(MessageComposer, {
    props: { recipientName: 'Ben Claes' },
    global: { plugins: [i18n] },
    attachTo: document.body,
  });

describe('MessageComposer', () => {
  it('is labelled with whom the message is for, and explains the keys', () => {
    const wrapper = mountComposer();
    const field = wrapper.get('textarea');
    expect(wrapper.get(`label[for="${field.attributes('id')}"]`).text()).toBe('Message to Ben Claes');
    const described = field.attributes('aria-describedby')!.split(' ');
    expect(wrapper.get(`[id="${described[0]}"]`).text()).toBe('Enter sends; Shift+Enter starts a new line.');
  });

  it('sends the trimmed text on Enter and empties the field; Shift+Enter only adds a line', async () => {
    const wrapper = mountComposer();
    const field = wrapper.get('textarea');
    await field.setValue('  Hi!\nSee you  ');
    await field.trigger('keydown', { key: 'Enter', shiftKey: true });
    expect(wrapper.emitted('send')).toBeUndefined();
    await field.trigger('keydown', { key: 'Enter' });
    expect(wrapper.emitted('send')).toEqual([['Hi!\nSee you']]);
    expect((field.element as HTMLTextAreaElement).value).toBe('');
  });

  it('sends nothing empty, counts down near 2,000 characters, and refuses more', async () => {
    const wrapper = mountComposer();
    const field = wrapper.get('textarea');
    const send = wrapper.get('button[type="submit"]');
    expect(send.attributes('disabled')).toBeDefined();
    await field.setValue('   ');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.emitted('send')).toBeUndefined();

    await field.setValue('x'.repeat(1799));
    expect(wrapper.text()).not.toContain('left');
    await field.setValue('😀'.repeat(1999)); // an emoji counts once
    expect(wrapper.text()).toContain('1 character left');
    expect(send.attributes('disabled')).toBeUndefined();
    await field.setValue('x'.repeat(2003));
    expect(wrapper.text()).toContain('3 characters too many');
    expect(field.attributes('aria-invalid')).toBe('true');
    expect(send.attributes('disabled')).toBeDefined();
  });
});

import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import TheAppStatusBanner from '@/components/shell/TheAppStatusBanner.vue';
import { i18n } from '@/i18n';
import { followConnection, offerUpdate } from '@/pwa/appStatus';

function goOnline(online: boolean): void {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

followConnection();
afterEach(() => goOnline(true));

describe('TheAppStatusBanner', () => {
  it('says the app is offline while the browser is, and what that means for messages', async () => {
    const wrapper = mount(TheAppStatusBanner, { global: { plugins: [i18n] } });
    expect(wrapper.text()).toBe('');
    goOnline(false);
    await flushPromises();
    expect(wrapper.text()).toContain("You're offline");
    expect(wrapper.text()).toContain('messages you send are kept and sent later');
    goOnline(true);
    await flushPromises();
    expect(wrapper.text()).toBe('');
  });

  it('offers a waiting new version, and reloads into it only when asked', async () => {
    const wrapper = mount(TheAppStatusBanner, { global: { plugins: [i18n] } });
    const apply = vi.fn();
    offerUpdate(apply);
    await flushPromises();
    expect(wrapper.text()).toContain('A new version of Huddle is ready.');
    expect(apply).not.toHaveBeenCalled();
    await wrapper.get('button').trigger('click');
    expect(apply).toHaveBeenCalledOnce();
  });
});

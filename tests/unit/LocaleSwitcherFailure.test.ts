import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import LocaleSwitcher from '@/components/shell/LocaleSwitcher.vue';
import { i18n } from '@/i18n';

// The language's messages cannot be fetched (offline): setLocale rejects.
vi.mock('@/i18n', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/i18n')>()),
  setLocale: vi.fn().mockRejectedValue(new Error('Failed to fetch dynamically imported module')),
}));

describe('LocaleSwitcher when a language cannot be loaded', () => {
  it('stays on the current language, puts the select back and says why', async () => {
    const wrapper = mount(LocaleSwitcher, { global: { plugins: [i18n] }, attachTo: document.body });
    const select = wrapper.get<HTMLSelectElement>('select');
    await select.setValue('fr');
    await flushPromises();

    expect(select.element.value).toBe('en');
    const alert = wrapper.get('[role="alert"]');
    expect(alert.text()).toBe('That language could not be loaded. Check your connection and try again.');
    expect(select.attributes('aria-describedby')).toBe(alert.attributes('id'));
    wrapper.unmount();
  });
});

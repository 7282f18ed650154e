import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import LocaleSwitcher from '@/components/shell/LocaleSwitcher.vue';
import { i18n, setLocale } from '@/i18n';

afterEach(async () => {
  await setLocale('en');
  localStorage.clear();
  document.body.innerHTML = '';
});

function mountSwitcher() {
  return mount(LocaleSwitcher, { global: { plugins: [i18n] }, attachTo: document.body });
}

describe('LocaleSwitcher', () => {
  it('is a labelled select offering each language in its own language', () => {
    const wrapper = mountSwitcher();
    const select = wrapper.get<HTMLSelectElement>('select');
    expect(wrapper.get(`label[for="${select.attributes('id')}"]`).text()).toBe('Language');
    const options = wrapper.findAll('option').map((option) => [option.text(), option.attributes('lang')]);
    expect(options).toEqual([
      ['English', 'en'],
      ['Nederlands', 'nl'],
      ['Français', 'fr'],
    ]);
    expect(select.element.value).toBe('en');
  });

  it('switches the language when another is chosen, and remembers it', async () => {
    const wrapper = mountSwitcher();
    await wrapper.get('select').setValue('nl');
    // Dutch is a chunk of its own, loaded on demand.
    await vi.waitFor(() => expect(wrapper.get('label').text()).toBe('Taal'));
    expect(document.documentElement.lang).toBe('nl');
    expect(localStorage.getItem('huddle.locale')).toBe('nl');

    await wrapper.get('select').setValue('fr');
    await vi.waitFor(() => expect(wrapper.get('label').text()).toBe('Langue'));
    expect(wrapper.get<HTMLSelectElement>('select').element.value).toBe('fr');
  });
});

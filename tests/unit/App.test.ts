import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import App from '@/App.vue';
import { i18n } from '@/i18n';

const page = { template: '<div><input aria-label="Search" /></div>' };

async function mountApp() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'home', component: page },
      { path: '/activities', name: 'activities', component: page },
      { path: '/account', name: 'account', component: page },
    ],
  });
  await router.push('/activities');
  await router.isReady();
  const wrapper = mount(App, { global: { plugins: [createPinia(), router, i18n] }, attachTo: document.body });
  await flushPromises();
  // The page comes a task after the shell.
  await vi.waitFor(() => expect(wrapper.find('main input').exists()).toBe(true));
  return { wrapper, router };
}

describe('App start', () => {
  it('renders the shell first and the page in a task of its own after it', async () => {
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', name: 'home', component: page }] });
    await router.push('/');
    await router.isReady();
    const wrapper = mount(App, { global: { plugins: [createPinia(), router, i18n] }, attachTo: document.body });
    expect(wrapper.find('header').exists()).toBe(true);
    expect(wrapper.find('main input').exists()).toBe(false);
    await vi.waitFor(() => expect(wrapper.find('main input').exists()).toBe(true));
    wrapper.unmount();
  });
});

describe('App focus after navigation', () => {
  it('moves focus to the main content when the page changes', async () => {
    const { wrapper, router } = await mountApp();
    await router.push('/account');
    await flushPromises();
    expect(document.activeElement).toBe(wrapper.get('main').element);
    wrapper.unmount();
  });

  it('leaves focus where it is when only the query changes (filters written into the address)', async () => {
    const { wrapper, router } = await mountApp();
    const search = wrapper.get<HTMLInputElement>('input').element;
    search.focus();
    await router.replace({ query: { q: 'volley' } });
    await flushPromises();
    expect(document.activeElement).toBe(search);
    wrapper.unmount();
  });
});

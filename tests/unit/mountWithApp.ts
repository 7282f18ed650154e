import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import type { Component } from 'vue';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { i18n } from '@/i18n';
import type { RouteName } from '@/router/routeNames';

const PATHS: Record<RouteName, string> = {
  home: '/',
  activities: '/activities',
  'activity-new': '/activities/new',
  activity: '/activities/:id',
  'activity-edit': '/activities/:id/edit',
  'my-activities': '/my-activities',
  notifications: '/notifications',
  messages: '/messages',
  conversation: '/messages/:userId',
  person: '/people/:id',
  account: '/account',
  me: '/me',
  staff: '/staff',
  classes: '/classes',
  'class-session': '/classes/sessions/:id',
  'my-bookings': '/classes/mine',
  'staff-class-new': '/staff/classes/new',
  'staff-class': '/staff/classes/:id',
  'staff-class-edit': '/staff/classes/:id/edit',
  'staff-session': '/staff/sessions/:id',
  'staff-blocks': '/staff/blocks',
  'admin-staff': '/admin/staff',
  'admin-rules': '/admin/rules',
  'staff-area': '/staff/:rest(.*)*',
  'admin-area': '/admin/:rest(.*)*',
  'sign-in': '/sign-in',
  forbidden: '/forbidden',
  'not-found': '/:pathMatch(.*)*',
};

/**
 * Mounts a view the way the app does: with Pinia and a memory router that knows every route
 * name (as empty pages, so links resolve without loading the real views or their guards).
 */
export async function mountWithApp(
  component: Component,
  options: {
    path?: string;
    pinia?: Pinia;
    props?: Record<string, unknown>;
    global?: { components?: Record<string, Component> };
  } = {},
) {
  const pinia = options.pinia ?? createPinia();
  setActivePinia(pinia);
  const router: Router = createRouter({
    history: createMemoryHistory(),
    routes: Object.entries(PATHS).map(([name, path]) => ({ name, path, component: { render: () => null } })),
  });
  await router.push(options.path ?? '/');
  await router.isReady();
  const wrapper = mount(component, {
    props: options.props,
    global: { plugins: [pinia, router, i18n], components: options.global?.components },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, router, pinia };
}

import type { RouteRecordRaw } from 'vue-router';
import { STAFF_GROUPS } from '@/stores/session';
import type { RouteName } from './routeNames';

type AppRoute = RouteRecordRaw & { name: RouteName };

// Every view is its own chunk, so the entry stays free of the GraphQL client (needed by Home,
// not by sign-in) and of the Authenticator (needed by sign-in only). scripts/size.ts holds the budgets.
export const routes: AppRoute[] = [
  { path: '/', name: 'home', component: () => import('@/views/HomeView.vue'), meta: { title: 'Home' } },
  {
    path: '/activities',
    name: 'activities',
    component: () => import('@/views/FindActivitiesView.vue'),
    meta: { title: 'Find activities' },
  },
  {
    path: '/activities/new',
    name: 'activity-new',
    component: () => import('@/views/HostActivityView.vue'),
    meta: { title: 'Host an activity' },
  },
  {
    path: '/activities/:id',
    name: 'activity',
    component: () => import('@/views/ActivityDetailView.vue'),
    props: true,
    meta: { title: 'Activity' },
  },
  {
    path: '/activities/:id/edit',
    name: 'activity-edit',
    component: () => import('@/views/HostActivityView.vue'),
    props: true,
    meta: { title: 'Edit activity' },
  },
  {
    path: '/my-activities',
    name: 'my-activities',
    component: () => import('@/views/MyActivitiesView.vue'),
    meta: { title: 'My activities' },
  },
  {
    path: '/notifications',
    name: 'notifications',
    component: () => import('@/views/NotificationsView.vue'),
    meta: { title: 'Notifications' },
  },
  {
    path: '/account',
    name: 'account',
    component: () => import('@/views/AccountView.vue'),
    meta: { title: 'Your account' },
  },
  {
    path: '/staff',
    name: 'staff',
    component: () => import('@/views/StaffView.vue'),
    meta: { title: 'Sports centre', groups: STAFF_GROUPS },
  },
  {
    path: '/sign-in',
    name: 'sign-in',
    component: () => import('@/views/SignInView.vue'),
    meta: { title: 'Sign in', guestOnly: true },
  },
  {
    path: '/forbidden',
    name: 'forbidden',
    component: () => import('@/views/ForbiddenView.vue'),
    meta: { title: 'Not for your account' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/NotFoundView.vue'),
    meta: { title: 'Page not found', public: true },
  },
];

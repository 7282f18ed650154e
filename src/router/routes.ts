import type { RouteRecordRaw } from 'vue-router';
import { STAFF_GROUPS } from '@/stores/session';
import type { RouteName } from './routeNames';

type AppRoute = RouteRecordRaw & { name: RouteName };

// Every view is its own chunk, so the entry stays free of the GraphQL client (needed by Home,
// not by sign-in) and of the Authenticator (needed by sign-in only). scripts/size.ts holds the budgets.
export const routes: AppRoute[] = [
  {
    path: '/',
    name: 'home',
    component: () => import('@/views/HomeView.vue'),
    meta: { i18n: ['home'] },
  },
  {
    path: '/activities',
    name: 'activities',
    component: () => import('@/views/FindActivitiesView.vue'),
    meta: { i18n: ['activity', 'activityFind'] },
  },
  {
    path: '/activities/new',
    name: 'activity-new',
    component: () => import('@/views/HostActivityView.vue'),
    meta: { i18n: ['activity', 'activityForm', 'serverErrors'] },
  },
  {
    path: '/activities/:id',
    name: 'activity',
    component: () => import('@/views/ActivityDetailView.vue'),
    props: true,
    meta: { i18n: ['activity', 'activityDetail', 'serverErrors'] },
  },
  {
    path: '/activities/:id/edit',
    name: 'activity-edit',
    component: () => import('@/views/HostActivityView.vue'),
    props: true,
    meta: { i18n: ['activity', 'activityForm', 'serverErrors'] },
  },
  {
    path: '/my-activities',
    name: 'my-activities',
    component: () => import('@/views/MyActivitiesView.vue'),
    meta: { i18n: ['activity', 'activityFind', 'myActivities'] },
  },
  {
    path: '/notifications',
    name: 'notifications',
    component: () => import('@/views/NotificationsView.vue'),
    meta: { i18n: ['notifications'] },
  },
  {
    path: '/messages',
    name: 'messages',
    component: () => import('@/views/MessagesView.vue'),
    meta: { i18n: ['messages'] },
  },
  {
    path: '/messages/:userId',
    name: 'conversation',
    component: () => import('@/views/ConversationView.vue'),
    props: true,
    // serverErrors too, but only once a message is refused (useChat loads it then).
    meta: { i18n: ['messages'] },
  },
  {
    path: '/people/:id',
    name: 'person',
    component: () => import('@/views/PersonView.vue'),
    props: true,
    meta: { i18n: ['people', 'activity', 'activityFind'] },
  },
  {
    path: '/account',
    name: 'account',
    component: () => import('@/views/AccountView.vue'),
    meta: { i18n: ['account', 'activity', 'serverErrors'] },
  },
  {
    path: '/staff',
    name: 'staff',
    component: () => import('@/views/StaffView.vue'),
    meta: { i18n: ['staff'], groups: STAFF_GROUPS },
  },
  {
    path: '/sign-in',
    name: 'sign-in',
    component: () => import('@/views/SignInView.vue'),
    meta: { i18n: ['auth'], guestOnly: true },
  },
  {
    path: '/forbidden',
    name: 'forbidden',
    component: () => import('@/views/ForbiddenView.vue'),
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/NotFoundView.vue'),
    meta: { public: true },
  },
];

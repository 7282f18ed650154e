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
    meta: { titleKey: 'common.routeTitle.home', i18n: ['home'] },
  },
  {
    path: '/activities',
    name: 'activities',
    component: () => import('@/views/FindActivitiesView.vue'),
    meta: { titleKey: 'common.routeTitle.activities', i18n: ['activity', 'activityFind'] },
  },
  {
    path: '/activities/new',
    name: 'activity-new',
    component: () => import('@/views/HostActivityView.vue'),
    meta: { titleKey: 'common.routeTitle.activityNew', i18n: ['activity', 'activityForm'] },
  },
  {
    path: '/activities/:id',
    name: 'activity',
    component: () => import('@/views/ActivityDetailView.vue'),
    props: true,
    meta: { titleKey: 'common.routeTitle.activity', i18n: ['activity', 'activityDetail'] },
  },
  {
    path: '/activities/:id/edit',
    name: 'activity-edit',
    component: () => import('@/views/HostActivityView.vue'),
    props: true,
    meta: { titleKey: 'common.routeTitle.activityEdit', i18n: ['activity', 'activityForm'] },
  },
  {
    path: '/my-activities',
    name: 'my-activities',
    component: () => import('@/views/MyActivitiesView.vue'),
    meta: { titleKey: 'common.routeTitle.myActivities', i18n: ['activity', 'activityFind', 'myActivities'] },
  },
  {
    path: '/notifications',
    name: 'notifications',
    component: () => import('@/views/NotificationsView.vue'),
    meta: { titleKey: 'common.routeTitle.notifications', i18n: ['notifications'] },
  },
  {
    path: '/account',
    name: 'account',
    component: () => import('@/views/AccountView.vue'),
    meta: { titleKey: 'common.routeTitle.account', i18n: ['account'] },
  },
  {
    path: '/staff',
    name: 'staff',
    component: () => import('@/views/StaffView.vue'),
    meta: { titleKey: 'common.routeTitle.staff', i18n: ['staff'], groups: STAFF_GROUPS },
  },
  {
    path: '/sign-in',
    name: 'sign-in',
    component: () => import('@/views/SignInView.vue'),
    meta: { titleKey: 'common.routeTitle.signIn', i18n: ['auth'], guestOnly: true },
  },
  {
    path: '/forbidden',
    name: 'forbidden',
    component: () => import('@/views/ForbiddenView.vue'),
    meta: { titleKey: 'common.routeTitle.forbidden' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/NotFoundView.vue'),
    meta: { titleKey: 'common.routeTitle.notFound', public: true },
  },
];

import type { RouteRecordRaw } from 'vue-router';
import { ADMIN_GROUPS, STAFF_GROUPS } from '@/stores/session';
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
    meta: { tab: true, i18n: ['activity', 'activityFind'] },
  },
  {
    path: '/activities/new',
    name: 'activity-new',
    component: () => import('@/views/HostActivityView.vue'),
    meta: { back: 'activities', i18n: ['activity', 'activityForm', 'serverErrors'] },
  },
  {
    path: '/activities/:id',
    name: 'activity',
    component: () => import('@/views/ActivityDetailView.vue'),
    props: true,
    meta: { back: 'activities', i18n: ['activity', 'activityDetail', 'serverErrors'] },
  },
  {
    path: '/activities/:id/edit',
    name: 'activity-edit',
    component: () => import('@/views/HostActivityView.vue'),
    props: true,
    meta: { back: 'activity', i18n: ['activity', 'activityForm', 'serverErrors'] },
  },
  {
    path: '/my-activities',
    name: 'my-activities',
    component: () => import('@/views/MyActivitiesView.vue'),
    meta: { back: 'me', i18n: ['activity', 'activityFind', 'myActivities'] },
  },
  {
    path: '/notifications',
    name: 'notifications',
    component: () => import('@/views/NotificationsView.vue'),
    meta: { tab: true, i18n: ['notifications'] },
  },
  {
    path: '/messages',
    name: 'messages',
    component: () => import('@/views/MessagesView.vue'),
    meta: { tab: true, i18n: ['messages'] },
  },
  {
    path: '/messages/:userId',
    name: 'conversation',
    component: () => import('@/views/ConversationView.vue'),
    props: true,
    // serverErrors too, but only once a message is refused (useChat loads it then).
    meta: { back: 'messages', i18n: ['messages'] },
  },
  {
    path: '/people/:id',
    name: 'person',
    component: () => import('@/views/PersonView.vue'),
    props: true,
    meta: { back: 'messages', i18n: ['people', 'activity', 'activityFind'] },
  },
  {
    path: '/account',
    name: 'account',
    component: () => import('@/views/AccountView.vue'),
    meta: { back: 'me', i18n: ['account', 'activity', 'serverErrors'] },
  },
  // The phone's "Me" tab: the user's own pages, language and sign-out (see components/shell/).
  {
    path: '/me',
    name: 'me',
    component: () => import('@/views/MeView.vue'),
    meta: { tab: true, i18n: ['me'] },
  },
  // Classes: students' timetable, a session's page, their bookings; the sports centre's and
  // administrators' screens load (with their own API operations) only for those groups.
  {
    path: '/classes',
    name: 'classes',
    component: () => import('@/views/TimetableView.vue'),
    meta: { tab: true, i18n: ['activity', 'classes', 'timetable'] },
  },
  {
    path: '/classes/sessions/:id',
    name: 'class-session',
    component: () => import('@/views/SessionView.vue'),
    props: true,
    meta: { back: 'classes', i18n: ['activity', 'classes', 'session', 'serverErrors'] },
  },
  {
    path: '/classes/mine',
    name: 'my-bookings',
    component: () => import('@/views/MyBookingsView.vue'),
    meta: { back: 'me', i18n: ['classes', 'myBookings'] },
  },
  // The sports centre's and administrators' screens: their routes (src/router/staffRoutes.ts) load
  // only when someone allowed in opens one, so no student's entry carries them. Until then these
  // hold their paths, for the guard to check the group; the router swaps them for the real ones.
  {
    path: '/staff/:rest(.*)*',
    name: 'staff-area',
    component: () => import('@/views/NotFoundView.vue'),
    meta: { groups: STAFF_GROUPS, staffArea: true },
  },
  {
    path: '/admin/:rest(.*)*',
    name: 'admin-area',
    component: () => import('@/views/NotFoundView.vue'),
    meta: { groups: ADMIN_GROUPS, staffArea: true },
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

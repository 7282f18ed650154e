import type { RouteRecordRaw } from 'vue-router';
import { ADMIN_GROUPS, STAFF_GROUPS } from '@/stores/session';
import type { RouteName } from './routeNames';

type AppRoute = RouteRecordRaw & { name: RouteName };

/**
 * The sports centre's and administrators' screens. Loaded by the router (index.ts) the first time
 * someone allowed in opens one of their paths: a student's entry never lists them (about a
 * kilobyte gzipped of route records and chunk names on every page).
 */
export const staffRoutes: AppRoute[] = [
  {
    path: '/staff',
    name: 'staff',
    component: () => import('@/views/StaffView.vue'),
    meta: { back: 'me', i18n: ['activity', 'staff'], groups: STAFF_GROUPS },
  },
  {
    path: '/staff/classes/new',
    name: 'staff-class-new',
    component: () => import('@/views/StaffClassFormView.vue'),
    meta: { back: 'staff', i18n: ['activity', 'staff', 'serverErrors'], groups: STAFF_GROUPS },
  },
  {
    path: '/staff/classes/:id',
    name: 'staff-class',
    component: () => import('@/views/StaffClassView.vue'),
    props: true,
    meta: { back: 'staff', i18n: ['activity', 'classes', 'staff', 'serverErrors'], groups: STAFF_GROUPS },
  },
  {
    path: '/staff/classes/:id/edit',
    name: 'staff-class-edit',
    component: () => import('@/views/StaffClassFormView.vue'),
    props: true,
    meta: { back: 'staff-class', i18n: ['activity', 'staff', 'serverErrors'], groups: STAFF_GROUPS },
  },
  {
    path: '/staff/sessions/:id',
    name: 'staff-session',
    component: () => import('@/views/StaffSessionView.vue'),
    props: true,
    meta: { back: 'staff', i18n: ['classes', 'staff', 'serverErrors'], groups: STAFF_GROUPS },
  },
  {
    path: '/staff/blocks',
    name: 'staff-blocks',
    component: () => import('@/views/StaffBlocksView.vue'),
    meta: { back: 'staff', i18n: ['staff', 'serverErrors'], groups: STAFF_GROUPS },
  },
  {
    path: '/admin/staff',
    name: 'admin-staff',
    component: () => import('@/views/AdminStaffView.vue'),
    meta: { back: 'me', i18n: ['admin', 'serverErrors'], groups: ADMIN_GROUPS },
  },
  {
    path: '/admin/rules',
    name: 'admin-rules',
    component: () => import('@/views/AdminRulesView.vue'),
    meta: { back: 'me', i18n: ['admin', 'serverErrors'], groups: ADMIN_GROUPS },
  },
];

import type { RouteLocationRaw, RouteMeta } from 'vue-router';
import { safeRedirectPath } from './redirect';
import type { RouteName } from './routeNames';

export interface GuardTarget {
  fullPath: string;
  meta: RouteMeta;
  query: Record<string, unknown>;
}

export interface GuardSession {
  status: 'unknown' | 'signedIn' | 'signedOut';
  groups: readonly string[];
}

type Redirect = RouteLocationRaw & { name?: RouteName };

/**
 * Where a navigation may go, as a pure function of the target and the session (unit-tested).
 * Returns true to allow, or the location to go to instead.
 */
export function decideNavigation(to: GuardTarget, session: GuardSession): true | Redirect {
  const signedIn = session.status === 'signedIn';
  if (to.meta.guestOnly) {
    return signedIn ? { path: safeRedirectPath(to.query.redirect) } : true;
  }
  if (to.meta.public) return true;
  if (!signedIn) return { name: 'sign-in', query: { redirect: to.fullPath } };
  const required = to.meta.groups;
  if (required && !required.some((group) => session.groups.includes(group))) {
    return { name: 'forbidden', query: { from: to.fullPath } };
  }
  return true;
}

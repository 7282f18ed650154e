import { watch } from 'vue';
import {
  createRouter,
  createWebHistory,
  type RouteLocationNormalized,
  type Router,
  type RouterHistory,
} from 'vue-router';
import { loadAreas, onLocaleChange, t, type Locale } from '@/i18n';
import { useSessionStore } from '@/stores/session';
import { decideNavigation } from './guard';
import { routes } from './routes';
import { rememberScroll, scrollBehavior } from './scroll';
import { routeTitleKey } from './title';
import './routeNames';

export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)): Router {
  const router = createRouter({ history, routes, scrollBehavior });
  rememberScroll(router);

  router.beforeEach(async (to) => {
    // useSessionStore inside the guard, not at module top: Pinia is installed by then.
    const session = useSessionStore();
    await session.ensureLoaded();
    const decision = decideNavigation(to, { status: session.status, groups: session.user?.groups ?? [] });
    // About to refuse for want of a group: the token may predate an administrator naming this user
    // staff. Ask the server once (this costs a request only on a refusal), then decide again.
    if (decision !== true && decision.name === 'forbidden' && (await session.checkGroupsOnce())) {
      return retryInStaffArea(
        router,
        to,
        decideNavigation(to, { status: session.status, groups: session.user?.groups ?? [] }),
      );
    }
    return retryInStaffArea(router, to, decision);
  });

  // After the guards, so a refused page's messages are never fetched.
  router.beforeResolve((to) => loadAreas(to.meta.i18n ?? []));

  router.afterEach(showTitle);
  // The router lives as long as the app, so this listener is never released.
  onLocaleChange(() => showTitle(router.currentRoute.value));

  return router;
}

const staffRoutesLoaded = new WeakMap<Router, Promise<void>>();

/**
 * Allowed into a staff or admin path while only its placeholder is known: load the real routes
 * (once per router), drop the placeholders, so a path no
 * screen has is "not found", and navigate again to the same address.
 */
async function retryInStaffArea<T>(router: Router, to: RouteLocationNormalized, decision: T): Promise<T | string> {
  if (decision !== true || !to.meta.staffArea) return decision;
  let loaded = staffRoutesLoaded.get(router);
  if (!loaded) {
    loaded = import('./staffRoutes').then(({ staffRoutes }) => {
      for (const route of staffRoutes) router.addRoute(route);
      router.removeRoute('staff-area');
      router.removeRoute('admin-area');
    });
    staffRoutesLoaded.set(router, loaded);
    // A failed load is forgotten, so the next navigation tries again.
    loaded.catch(() => staffRoutesLoaded.delete(router));
  }
  await loaded;
  return to.fullPath;
}

function showTitle(route: RouteLocationNormalized): void {
  const key = routeTitleKey(route.name);
  document.title = key ? `${t(key)} · Huddle` : 'Huddle';
}

/**
 * When the session ends while a private page is open (sign-out, dead token, failed refresh),
 * run the guards again on the current page: they send the user to sign-in, keeping the path.
 */
export function followSessionChanges(router: Router): void {
  const session = useSessionStore();
  watch(
    () => session.status,
    (status, previous) => {
      // Only a session that ends; the first check (unknown → signedOut) is the guards' business.
      if (status !== 'signedOut' || previous !== 'signedIn') return;
      const current = router.currentRoute.value;
      if (current.meta.public || current.meta.guestOnly) return;
      void router.replace({ path: current.path, query: current.query, hash: current.hash, force: true });
    },
  );
}

/**
 * Starts fetching what the page at `path` shows (its view's chunk and its messages in `locale`)
 * without waiting for the session check and the shell's messages, which the router would otherwise
 * do first: the chunks then come in one round trip instead of three. The router's own navigation
 * reuses them. Failures are left to that navigation, which tries again and reports them.
 */
export function prefetchRoute(router: Router, path: string, locale: Locale): void {
  const route = router.resolve(path);
  for (const record of route.matched) {
    for (const component of Object.values(record.components ?? {})) {
      // A lazy view is a function returning its module; an eager one is the component itself.
      if (typeof component === 'function' && !('setup' in component) && !('render' in component)) {
        void (component as () => Promise<unknown>)().catch(() => {});
      }
    }
  }
  void loadAreas(route.meta.i18n ?? [], locale).catch(() => {});
}

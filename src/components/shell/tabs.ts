import type { RouteLocationNormalizedLoaded, Router } from 'vue-router';

/** The phone's tabs, in the order of the bar; each is also the name of its root page's route. */
export const TABS = ['activities', 'classes', 'messages', 'notifications', 'me'] as const;
export type TabName = (typeof TABS)[number];

const isTab = (name: unknown): name is TabName => (TABS as readonly unknown[]).includes(name);

/**
 * The tab a page belongs to: the tab root its back links lead to (meta.back, followed up), the
 * home page under Activities. Pages outside every tab (sign-in, not found) have none.
 */
export function tabOf(route: RouteLocationNormalizedLoaded, router: Router): TabName | null {
  let name: unknown = route.name;
  for (let step = 0; step < 5 && name; step += 1) {
    if (isTab(name)) return name;
    if (name === 'home') return 'activities';
    name = router.getRoutes().find((record) => record.name === name)?.meta.back;
  }
  return null;
}

import type { RouteLocationNormalized, Router, RouterScrollBehavior } from 'vue-router';

/**
 * Where each page was scrolled to when it was left, by path. The shell keeps the tabs' root pages
 * alive (App.vue), so coming back to one (its tab, or Back) shows the same list at the same place.
 */
const positions = new Map<string, number>();

/** Remembers the page being left's position, before the next page replaces it. */
export function rememberScroll(router: Router): void {
  router.beforeEach((_to, from) => {
    if (from.matched.length > 0) positions.set(from.path, window.scrollY);
  });
}

/**
 * Back/forward restores the browser's saved position; a tab's root page (kept alive) returns to
 * where it was left; a query change (filters) and the visit's first page stay put; any other page
 * starts at its top.
 */
export const scrollBehavior: RouterScrollBehavior = (to: RouteLocationNormalized, from, saved) => {
  if (saved) return saved;
  // The first page of a visit is already at its top: scrolling there would force a layout in the
  // task that renders it, the longest of the start.
  if (to.path === from.path || from.matched.length === 0) return false;
  const kept = to.meta.tab ? positions.get(to.path) : undefined;
  return { top: kept ?? 0 };
};

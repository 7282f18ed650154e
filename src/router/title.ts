import type { RouteRecordNameGeneric } from 'vue-router';

/** A route's title message: common.routeTitle.<name in camelCase> (activity-new → activityNew). */
export function routeTitleKey(name: RouteRecordNameGeneric | undefined): string | null {
  return typeof name === 'string'
    ? `common.routeTitle.${name.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase())}`
    : null;
}

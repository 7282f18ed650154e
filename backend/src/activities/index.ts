import type { Resolver } from '../resolver.js';

/** The activities fields of the API, keyed `Type.field` as AppSync names them. */
export const activitiesResolvers: Record<string, Resolver> = {};

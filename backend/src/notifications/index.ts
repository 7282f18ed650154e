import type { Resolver } from '../resolver.js';

/** The notifications fields of the API, keyed `Type.field` as AppSync names them. */
export const notificationsResolvers: Record<string, Resolver> = {};

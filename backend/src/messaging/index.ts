import type { Resolver } from '../resolver.js';

/** The messaging fields of the API, keyed `Type.field` as AppSync names them. */
export const messagingResolvers: Record<string, Resolver> = {};

import type { Resolver } from '../resolver.js';

/** The classes fields of the API, keyed `Type.field` as AppSync names them. */
export const classesResolvers: Record<string, Resolver> = {};

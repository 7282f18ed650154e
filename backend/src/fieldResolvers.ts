/**
 * The resolvers' argument and result types, from the schema (`npm run codegen` →
 * generated/graphql.ts, whose resolver signature is ours: caller, arguments, services, event).
 * Each domain's map is checked against them, keyed `Type.field` as AppSync names fields, so a
 * resolver that answers a shape the schema does not have fails the type check.
 */
import type { MutationResolvers, QueryResolvers } from './generated/graphql.js';
import type { Resolver } from './resolver.js';

type Callable<R> = Extract<NonNullable<R>, (...args: never[]) => unknown>;
type Keyed<TypeName extends string, R> = { [K in keyof R & string as `${TypeName}.${K}`]: Callable<R[K]> };

export type FieldResolvers = Keyed<'Query', QueryResolvers> & Keyed<'Mutation', MutationResolvers>;

/** A domain's share of the fields: each one typed by its schema field. */
export type DomainResolvers = Partial<FieldResolvers>;

/** Subscription fields run a resolver only to allow or refuse a subscriber: it answers null. */
export type SubscriptionAuthorizers = Partial<Record<`Subscription.${string}`, Resolver>>;

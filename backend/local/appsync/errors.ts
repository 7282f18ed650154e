/**
 * GraphQL errors shaped like AppSync's: errorType + message, path, locations with sourceName,
 * data and errorInfo. Resolver errors keep their type (and errorInfo) when intended (AppError, or
 * an error the response mapping raised); anything else is logged here and reaches the client only
 * as a generic InternalFailure.
 */
import { GraphQLError } from 'graphql';
import { INTERNAL_MESSAGE } from '../../src/appsync/lambdaResult.js';

export { INTERNAL_MESSAGE };

export interface AppSyncError {
  message: string;
  errorType?: string;
  path?: readonly (string | number)[] | null;
  locations?: { line: number; column: number; sourceName: null }[] | null;
  data?: unknown;
  errorInfo?: unknown;
}

const INTENDED = new Set(['ValidationError', 'NotFound', 'Forbidden', 'Conflict', 'Unauthorized', 'RateLimited']);

/** Raised by the resolver response mapping, as AppSync's util.error(message, type, data, errorInfo). */
export class MappedError extends Error {
  constructor(
    message: string,
    readonly errorType: string,
    readonly data: unknown,
    readonly errorInfo: unknown,
  ) {
    super(message);
    this.name = errorType;
  }
}

/** Thrown by the gateway itself for a field the caller may not touch. */
export class FieldUnauthorized extends Error {
  readonly errorType = 'Unauthorized';
  constructor(field: string, type: string) {
    super(`Not Authorized to access ${field} on type ${type}`);
    this.name = 'Unauthorized';
  }
}

/** The errorType to expose for an error thrown by a resolver, or null when it is a bug. */
export function intendedType(err: unknown): string | null {
  if (!(err instanceof Error)) return null;
  const t = (err as { errorType?: unknown }).errorType;
  if (typeof t === 'string') return t;
  return INTENDED.has(err.name) ? err.name : null;
}

export function formatError(e: GraphQLError, log: (line: string) => void): AppSyncError {
  const base = {
    path: e.path ?? null,
    data: null,
    errorInfo: null,
    locations: e.locations?.map((l) => ({ line: l.line, column: l.column, sourceName: null })) ?? null,
  };
  const orig = e.originalError;
  // graphql-js' own errors (validation, non-null, scalar serialization) carry a useful message.
  if (!orig || orig instanceof GraphQLError) return { ...base, message: e.message };
  const type = intendedType(orig);
  if (type) return { ...base, ...carried(orig), errorType: type, message: orig.message };
  log(`[appsync] resolver failure at ${(e.path ?? []).join('.')}: ${orig.stack ?? String(orig)}`);
  return { ...base, errorType: 'InternalFailure', message: INTERNAL_MESSAGE };
}

/** What an intended error brings besides its type and message: AppSync's data and errorInfo. */
function carried(error: Error): { data: unknown; errorInfo: unknown } {
  const { data = null, errorInfo = null } = error as { data?: unknown; errorInfo?: unknown };
  return { data, errorInfo };
}

/** For errors outside a field (realtime start, HTTP transport): {errorType, message} only. */
export function plainError(err: unknown, log: (line: string) => void): { errorType: string; message: string } {
  const type = intendedType(err);
  if (type && err instanceof Error) return { errorType: type, message: err.message };
  log(`[appsync] failure: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return { errorType: 'InternalFailure', message: INTERNAL_MESSAGE };
}

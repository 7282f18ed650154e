import { notifySessionExpired } from './sessionExpiry';

/**
 * What every API function throws: the server's errorType, a message a person can read, and the
 * refusal's machine-readable errorInfo. The screens decide by `info.code` and `info.field`; the
 * message is only shown for a code they do not know.
 */
export type ErrorInfo = {
  /** The refusal's stable code (`title.tooLong`, `booking.windowNotOpen`), when the server gave one. */
  code?: string;
  /** The input the refusal is about (`input.title`, `text`), for input errors. */
  field?: string;
} & Record<string, unknown>;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly info: ErrorInfo;

  constructor(
    readonly errorType: string,
    message: string,
    info?: ErrorInfo | null,
  ) {
    super(message);
    this.info = info ?? {};
  }
}

interface GraphQLErrorLike {
  message?: unknown;
  errorType?: unknown;
  errorInfo?: unknown;
  originalError?: { name?: unknown } | null;
}

function hasErrors(value: unknown): value is { errors: GraphQLErrorLike[] } {
  return typeof value === 'object' && value !== null && Array.isArray((value as { errors?: unknown }).errors);
}

/** HTTP 429 from an overloaded API. Amplify keeps only the x-amzn-ErrorType of an HTTP error, so its code is added here. */
const TOO_MANY_REQUESTS = 'TooManyRequestsException';
const BUSY: ErrorInfo = { code: 'api.busy' };

/**
 * Amplify rejects with a GraphQL result ({ data, errors }) for server and HTTP errors alike:
 * AppSync errors carry `errorType` and `errorInfo`; an HTTP failure carries the `x-amzn-ErrorType`
 * as the original error's name (a 401 arrives as message "Unauthorized", name "UnauthorizedException").
 */
export function toApiError(reason: unknown): ApiError {
  if (reason instanceof ApiError) return reason;
  if (hasErrors(reason) && reason.errors.length > 0) {
    const first = reason.errors[0] as GraphQLErrorLike;
    const message =
      typeof first.message === 'string' && first.message ? first.message : 'The server refused the request.';
    const errorType =
      typeof first.errorType === 'string'
        ? first.errorType
        : typeof first.originalError?.name === 'string'
          ? first.originalError.name
          : message === 'Unauthorized'
            ? 'Unauthorized'
            : 'Unknown';
    // errorInfo is AppSync's: an object with a string code and field, or null.
    const info = first.errorInfo as ErrorInfo | null;
    return new ApiError(errorType, message, info ?? (errorType === TOO_MANY_REQUESTS ? BUSY : null));
  }
  if (reason instanceof Error) return new ApiError(reason.name || 'Unknown', reason.message);
  return new ApiError('Unknown', 'Something went wrong talking to the server.');
}

/**
 * A dead session (expired or revoked token). Group checks on a single field also answer
 * 'Unauthorized' but with "Not Authorized to access …": that is a forbidden field, not a dead session.
 */
export function isSessionExpired(error: ApiError): boolean {
  if (error.errorType === 'UnauthorizedException') return true;
  return error.errorType === 'Unauthorized' && !error.message.startsWith('Not Authorized to access');
}

/** The API was too busy and ran nothing (HTTP 429): the same request may be sent again later. */
export function isTooManyRequests(error: ApiError): boolean {
  return error.errorType === TOO_MANY_REQUESTS;
}

/** Turns any failure into an ApiError, telling the app first when the session is dead. */
export function rethrowAsApiError(reason: unknown): never {
  const error = toApiError(reason);
  if (isSessionExpired(error)) notifySessionExpired();
  throw error;
}

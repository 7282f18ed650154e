/**
 * What every API function throws: the server's errorType, a message a person can read, and the
 * refusal's machine-readable errorInfo (`code`, `field`, and the numbers its sentence needs). The
 * screens decide by `code` and `field`; the message is only shown for a code they do not know.
 */
export type ErrorInfo = { code?: string; field?: string } & Record<string, unknown>;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly info: ErrorInfo;

  constructor(
    readonly errorType: string,
    message: string,
    info: ErrorInfo | null = null,
  ) {
    super(message);
    this.info = info ?? {};
  }

  /** The refusal's stable code (`title.tooLong`, `booking.windowNotOpen`), when the server gave one. */
  get code(): string | undefined {
    return typeof this.info.code === 'string' ? this.info.code : undefined;
  }

  /** The input the refusal is about (`input.title`, `text`), for input errors. */
  get field(): string | undefined {
    return typeof this.info.field === 'string' ? this.info.field : undefined;
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

const asInfo = (value: unknown): ErrorInfo | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as ErrorInfo) : null;

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
    return new ApiError(errorType, message, asInfo(first.errorInfo));
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
  return (
    error.errorType === 'Unauthorized' &&
    error.code !== 'auth.notAllowed' &&
    !error.message.startsWith('Not Authorized to access')
  );
}

let sessionExpiredHandler: (() => void) | undefined;

/** main.ts wires this to the session store; the API layer itself knows nothing of stores or routes. */
export function onSessionExpired(handler: () => void): void {
  sessionExpiredHandler = handler;
}

/** Turns any failure into an ApiError, telling the app first when the session is dead. */
export function rethrowAsApiError(reason: unknown): never {
  const error = toApiError(reason);
  if (isSessionExpired(error)) sessionExpiredHandler?.();
  throw error;
}

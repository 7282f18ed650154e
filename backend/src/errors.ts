/**
 * Errors a resolver raises on purpose. Each carries, besides its `errorType` (the GraphQL error's
 * type) and a sentence a person can read, a machine-readable `errorInfo`: a stable `code` the app
 * translates, the input `field` it is about (a path such as `input.title`), and the numbers its
 * sentence needs (`max`, `opensAt`, …). The app decides by `code` and `field`, never by the text.
 *
 * Thrown errors lose everything but type and message on their way through AWS Lambda and AppSync,
 * so the production entry returns them as a result instead (`lambdaResult.ts`) and a resolver
 * response step turns that into `util.error(message, type, data, errorInfo)`; the local gateway
 * runs the same mapping. Anything that is not an AppError is an internal failure: logged, never sent.
 */
import type { ErrorCode } from './rules/errorCodes.js';

export type ErrorType = 'ValidationError' | 'NotFound' | 'Forbidden' | 'Conflict' | 'Unauthorized' | 'RateLimited';

export type ErrorParam = string | number | boolean;

export interface ErrorInfo {
  code: ErrorCode;
  /** The argument path the error is about (`input.title`, `text`), for input errors. */
  field?: string;
  [param: string]: ErrorParam | undefined;
}

export type ErrorDetails = Omit<ErrorInfo, 'code'>;

export class AppError extends Error {
  readonly errorInfo: ErrorInfo;

  constructor(
    readonly errorType: ErrorType,
    message: string,
    code: ErrorCode,
    details: ErrorDetails = {},
  ) {
    super(message);
    this.name = errorType;
    this.errorInfo = { code, ...withoutUndefined(details) };
  }
}

function withoutUndefined(details: ErrorDetails): ErrorDetails {
  return Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined));
}

export const validation = (code: ErrorCode, message: string, details?: ErrorDetails) =>
  new AppError('ValidationError', message, code, details);
export const notFound = (code: ErrorCode, what: string) => new AppError('NotFound', `${what} was not found.`, code);
export const forbidden = (code: ErrorCode, message: string, details?: ErrorDetails) =>
  new AppError('Forbidden', message, code, details);
export const conflict = (code: ErrorCode, message: string, details?: ErrorDetails) =>
  new AppError('Conflict', message, code, details);
export const unauthorized = (code: ErrorCode, message: string) => new AppError('Unauthorized', message, code);
/** A limit on volume: `retryAt` says when the same request would be taken. */
export const rateLimited = (code: ErrorCode, message: string, retryAt: Date, now: Date, details?: ErrorDetails) =>
  new AppError('RateLimited', message, code, {
    ...details,
    retryAt: retryAt.toISOString(),
    retryAfterSeconds: Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000)),
  });

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

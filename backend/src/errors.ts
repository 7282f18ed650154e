/**
 * Errors a resolver may raise on purpose. In a direct Lambda resolver AppSync copies the Lambda
 * error's type (the thrown error's `name`) into the GraphQL error's `errorType`, and its message
 * into `message`; the local gateway does the same. Anything else is an internal failure whose
 * details are logged, never sent.
 */
export type ErrorType = 'ValidationError' | 'NotFound' | 'Forbidden' | 'Conflict' | 'Unauthorized';

export class AppError extends Error {
  constructor(
    readonly errorType: ErrorType,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = errorType;
  }
}

export const validation = (message: string, field?: string) => new AppError('ValidationError', message, field);
export const notFound = (what: string) => new AppError('NotFound', `${what} was not found.`);
export const forbidden = (message: string) => new AppError('Forbidden', message);
export const conflict = (message: string) => new AppError('Conflict', message);
export const unauthorized = (message: string) => new AppError('Unauthorized', message);

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

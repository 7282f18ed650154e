import { isAppError, type ErrorInfo } from '../errors.js';

/**
 * What the resolver Lambda answers AppSync: its data, or the refusal as data. A thrown error would
 * reach clients as `Lambda:Unhandled` with its raw message and without errorInfo, so every error
 * is caught here; the resolver's response step (`resolverCode.ts`) raises it with util.error.
 */
export type LambdaResult =
  { data: unknown } | { error: { errorType: string; message: string; errorInfo: ErrorInfo | null } };

export const INTERNAL_ERROR_TYPE = 'InternalFailure';
export const INTERNAL_MESSAGE = 'An internal error occurred. Please try again.';

/**
 * Runs one resolver call. Our own refusals (AppError) keep their type, message and errorInfo;
 * anything else (a database error, a bug) is logged with the request id and answered generically,
 * so no internal detail ever reaches a client.
 */
export async function toLambdaResult(
  run: () => Promise<unknown>,
  context: { requestId?: string; log?: (line: string) => void } = {},
): Promise<LambdaResult> {
  try {
    return { data: await run() };
  } catch (error) {
    if (isAppError(error)) {
      return { error: { errorType: error.errorType, message: error.message, errorInfo: error.errorInfo } };
    }
    const log = context.log ?? ((line: string) => console.error(line));
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(`[resolver] internal failure${context.requestId ? ` (request ${context.requestId})` : ''}: ${detail}`);
    return { error: { errorType: INTERNAL_ERROR_TYPE, message: INTERNAL_MESSAGE, errorInfo: null } };
  }
}

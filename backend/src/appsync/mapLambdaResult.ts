/**
 * The response step of every resolver, shared by AWS (bundled into `resolverCode.ts`) and the
 * local gateway: an error envelope from the Lambda (`lambdaResult.ts`) becomes a GraphQL error
 * with its type, message and errorInfo; data passes through. Written for the APPSYNC_JS runtime
 * (no try/catch, no throw, no classes).
 */

/** The part of AppSync's `util` the mapping needs: `error` ends the resolver with a GraphQL error. */
export interface ErrorUtil {
  error(message: string, errorType?: string, data?: unknown, errorInfo?: unknown): never;
}

interface Envelope {
  data?: unknown;
  error?: { errorType: string; message: string; errorInfo: unknown } | null;
}

export function mapLambdaResult(result: unknown, invokeError: unknown, errors: ErrorUtil): unknown {
  if (invokeError) errors.error('An internal error occurred. Please try again.', 'InternalFailure');
  const envelope = (result ?? {}) as Envelope;
  const failure = envelope.error;
  if (failure) errors.error(failure.message, failure.errorType, null, failure.errorInfo);
  return envelope.data ?? null;
}

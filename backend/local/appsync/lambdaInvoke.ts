/**
 * The local gateway calls the resolvers as AWS does: through the production entry's result
 * envelope (`toLambdaResult`) and the same response mapping the deployed resolvers run
 * (`mapLambdaResult`), with a stand-in for AppSync's `util.error` that raises the GraphQL error.
 * So errorType, message and errorInfo reach a client the same way here and in AWS.
 */
import { toLambdaResult } from '../../src/appsync/lambdaResult.js';
import { mapLambdaResult, type ErrorUtil } from '../../src/appsync/mapLambdaResult.js';
import type { AppSyncResolverEvent, ResolverHandler } from '../../src/event.js';
import { MappedError } from './errors.js';

const appSyncUtil: ErrorUtil = {
  error(message, errorType, data, errorInfo) {
    throw new MappedError(message, errorType ?? 'Unknown', data ?? null, errorInfo ?? null);
  },
};

export function invokeLikeAppSync(handler: ResolverHandler, log: (line: string) => void) {
  return async (event: AppSyncResolverEvent): Promise<unknown> =>
    mapLambdaResult(await toLambdaResult(() => handler(event), { log }), null, appSyncUtil);
}

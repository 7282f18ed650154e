/** The AppSync data source Lambda: AWS calls `handler` with the resolver's Invoke payload. */
import type { Context } from 'aws-lambda';
import type { Services } from './context.js';
import type { AppSyncResolverEvent, ResolverHandler } from './event.js';
import { toLambdaResult, type LambdaResult } from './appsync/lambdaResult.js';
import { createHandler } from './handler.js';
import { lambdaServices } from './runtime.js';

export type LambdaEntry = (
  event: AppSyncResolverEvent,
  context?: Pick<Context, 'awsRequestId'>,
) => Promise<LambdaResult>;

/**
 * The entry with its services given: production passes the per-container services of runtime.ts;
 * the API suites pass theirs (a recording publisher, a settable clock) over the Data API stand-in,
 * so they run this same entry, error envelope included.
 */
export function createLambdaHandler(services: () => Promise<Services>): LambdaEntry {
  let resolve: ResolverHandler | undefined;
  return (event, context) =>
    toLambdaResult(
      async () => {
        resolve ??= createHandler(await services());
        return resolve(event);
      },
      { requestId: context?.awsRequestId },
    );
}

export const handler = createLambdaHandler(lambdaServices);

/** The AppSync data source Lambda: AWS calls `handler` with the resolver's Invoke payload. */
import type { Context } from 'aws-lambda';
import type { AppSyncResolverEvent } from './event.js';
import { toLambdaResult, type LambdaResult } from './appsync/lambdaResult.js';
import { createHandler } from './handler.js';
import { lambdaServices } from './runtime.js';

let resolve: ReturnType<typeof createHandler> | undefined;

export async function handler(
  event: AppSyncResolverEvent,
  context?: Pick<Context, 'awsRequestId'>,
): Promise<LambdaResult> {
  return toLambdaResult(
    async () => {
      resolve ??= createHandler(await lambdaServices());
      return resolve(event);
    },
    { requestId: context?.awsRequestId },
  );
}

/** The AppSync data source Lambda: AWS calls `handler` with the direct resolver event. */
import type { AppSyncResolverEvent } from './event.js';
import { createHandler } from './handler.js';
import { lambdaServices } from './runtime.js';

let resolve: ReturnType<typeof createHandler> | undefined;

export async function handler(event: AppSyncResolverEvent): Promise<unknown> {
  resolve ??= createHandler(await lambdaServices());
  return resolve(event);
}

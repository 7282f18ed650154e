/**
 * The AppSync resolver (APPSYNC_JS runtime) on every field, in front of the one Lambda. Its
 * request step sends the Lambda the same event a direct Lambda resolver would; its response step
 * turns an error envelope (`lambdaResult.ts`) into a GraphQL error with errorType, message and
 * errorInfo — which a direct Lambda resolver cannot do. infra/ bundles this file with esbuild; the
 * local gateway runs `mapLambdaResult` itself, so both answer errors the same way.
 *
 * APPSYNC_JS is a subset of JavaScript: no try/catch, no throw, no classes. Keep it that way.
 */
import { util, type Context } from '@aws-appsync/utils';
import { mapLambdaResult } from './mapLambdaResult.js';

export function request(ctx: Context) {
  return {
    operation: 'Invoke',
    payload: {
      arguments: ctx.arguments,
      identity: ctx.identity,
      source: ctx.source,
      request: ctx.request,
      info: ctx.info,
      prev: ctx.prev,
      stash: ctx.stash,
    },
  };
}

export function response(ctx: Context) {
  return mapLambdaResult(ctx.result, ctx.error, util);
}

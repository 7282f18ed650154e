/**
 * A refusal's errorInfo (its code, the input field, the numbers of its sentence) reaches the app
 * the same way from the local gateway and from AWS. Locally: through HTTP and the real Amplify
 * client into the app's own seam (src/api). In AWS: the production entry's envelope
 * (`toLambdaResult`, what backend/src/lambda.ts answers) through the very APPSYNC_JS code the stack
 * deploys on every resolver (infra/resolverCode.ts), run here with a stand-in for AppSync's util.
 */
import { recordingGroups } from './harness.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { signIn, signOut } from 'aws-amplify/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toLambdaResult } from '../../../backend/src/appsync/lambdaResult.js';
import { recordingPublisher } from '../../../backend/src/events.js';
import type { AppSyncResolverEvent } from '../../../backend/src/event.js';
import { createHandler } from '../../../backend/src/handler.js';
import type { LocalCloud } from '../../../backend/local/cloud.js';
import { DEMO_PASSWORD } from '../../../backend/local/seed.js';
import { resolverCode } from '../../../infra/resolverCode.js';
import { createActivity, type ActivityInput } from '../../../src/api/activities.js';
import { ApiError } from '../../../src/api/errors.js';
import { startAmplifyCloud } from '../support/amplifyCloud.js';

let cloud: LocalCloud;
let stop: () => Promise<void>;
const scratch = mkdtempSync(join(tmpdir(), 'huddle-resolver-code-'));

beforeAll(async () => {
  ({ cloud, stop } = await startAmplifyCloud('error-info'));
  await signIn({ username: 'emma.peeters@student.kuleuven.be', password: DEMO_PASSWORD });
});

afterAll(async () => {
  await signOut().catch(() => {});
  await stop();
  rmSync(scratch, { recursive: true, force: true });
});

const input = (overrides: Partial<ActivityInput> = {}): ActivityInput => ({
  sport: 'VOLLEYBALL',
  title: 'Errors with codes',
  description: '',
  place: 'Sportkot',
  mapUrl: null,
  startsAt: new Date(Date.now() + 30 * 3_600_000).toISOString(),
  durationMinutes: 60,
  capacity: 4,
  skillLevel: 'ANY',
  joinPolicy: 'OPEN',
  ...overrides,
});

const TITLE_TOO_LONG = {
  errorType: 'ValidationError',
  message: 'Title can be at most 80 characters.',
  info: { code: 'title.tooLong', field: 'input.title', min: 3, max: 80 },
};

/** The deployed resolver code, with `@aws-appsync/utils` replaced by a util whose error() throws what it got. */
async function deployedResolver(): Promise<{
  request: (ctx: unknown) => { operation: string; payload: Record<string, unknown> };
  response: (ctx: { result: unknown; error: unknown }) => unknown;
}> {
  const fakeUtils = join(scratch, 'appsync-utils.mjs');
  writeFileSync(
    fakeUtils,
    'export const util = { error(message, errorType, data, errorInfo) { throw { message, errorType, data, errorInfo }; } };\n',
  );
  const code = resolverCode().replace(/(["'])@aws-appsync\/utils\1/, JSON.stringify(pathToFileURL(fakeUtils).href));
  expect(code).not.toContain('@aws-appsync/utils');
  const file = join(scratch, 'resolver.mjs');
  writeFileSync(file, code);
  return import(pathToFileURL(file).href);
}

describe('errorInfo', () => {
  it('reaches the app through the local gateway: code, field and the numbers, on an ApiError', async () => {
    const refusal = await createActivity(input({ title: 'x'.repeat(81) })).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject(TITLE_TOO_LONG);
    expect((refusal as ApiError).info).toMatchObject({ code: 'title.tooLong', field: 'input.title' });
  });

  it('comes out of the production mapping in the same shape', async () => {
    const resolver = await deployedResolver();
    const db = cloud.database.db;
    const handler = createHandler({
      db,
      events: recordingPublisher(),
      now: () => new Date(),
      userDirectory: { findBySub: async () => null, signOutEverywhere: async () => {} },
      userGroups: recordingGroups(),
    });
    const emma = await db
      .selectFrom('profiles')
      .select('id')
      .where('email', '=', 'emma.peeters@student.kuleuven.be')
      .executeTakeFirstOrThrow();
    // What AppSync hands the request step; the step must pass it on as the direct-resolver event.
    const ctx = {
      arguments: { input: input({ title: 'x'.repeat(81) }) },
      identity: {
        sub: emma.id,
        username: emma.id,
        issuer: 'local',
        claims: {},
        groups: null,
        sourceIp: [],
        defaultAuthStrategy: 'ALLOW',
      },
      source: null,
      request: { headers: {}, domainName: null },
      info: {
        fieldName: 'createActivity',
        parentTypeName: 'Mutation',
        variables: {},
        selectionSetList: ['id'],
        selectionSetGraphQL: '{ id }',
      },
      stash: {},
    };
    const { operation, payload } = resolver.request(ctx);
    expect(operation).toBe('Invoke');
    expect(payload).toMatchObject({ arguments: ctx.arguments, identity: ctx.identity, info: ctx.info });

    const envelope = await toLambdaResult(() => handler(payload as unknown as AppSyncResolverEvent));
    const raised = (() => {
      try {
        resolver.response({ result: envelope, error: null });
        return null;
      } catch (error) {
        return error as { message: string; errorType: string; errorInfo: unknown };
      }
    })();
    expect(raised).toEqual({
      message: TITLE_TOO_LONG.message,
      errorType: TITLE_TOO_LONG.errorType,
      data: null,
      errorInfo: TITLE_TOO_LONG.info,
    });
  });

  it('hides internal failures in production as the gateway does, and passes data through', async () => {
    const resolver = await deployedResolver();
    const logs: string[] = [];
    const failure = await toLambdaResult(
      async () => {
        throw new Error('relation "activities" does not exist (password hunter2)');
      },
      { requestId: 'req-1', log: (line) => logs.push(line) },
    );
    expect(() => resolver.response({ result: failure, error: null })).toThrow(
      expect.objectContaining({
        errorType: 'InternalFailure',
        message: 'An internal error occurred. Please try again.',
      }),
    );
    expect(JSON.stringify(failure)).not.toContain('hunter2');
    expect(logs.join('\n')).toContain('req-1');
    expect(resolver.response({ result: await toLambdaResult(async () => ({ id: 'a1' })), error: null })).toEqual({
      id: 'a1',
    });
  });
});

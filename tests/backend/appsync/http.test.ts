import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN, gql, startFixture, type Fixture } from './helpers.js';

let fx: Fixture;
beforeAll(async () => {
  fx = await startFixture();
});
afterAll(() => fx.close());

const UNAUTHORIZED = { errors: [{ errorType: 'UnauthorizedException', message: expect.any(String) }] };

describe('token verification (HTTP 401 + x-amzn-ErrorType)', () => {
  const cases: [string, () => Promise<string | undefined>][] = [
    ['missing header', async () => undefined],
    ['garbage', async () => 'not-a-jwt'],
    ['forged with another key', () => fx.token({ forged: true })],
    ['expired', () => fx.token({ expiresIn: -60 })],
    ['foreign issuer', () => fx.token({ issuer: 'http://evil.example/pool' })],
    ['id token', () => fx.token({ use: 'id' })],
    ['unknown app client', () => fx.token({ clientId: 'someone-else' })],
    ['"Bearer " prefix (AppSync does not accept it)', async () => `Bearer ${await fx.token()}`],
  ];
  it.each(cases)('%s → 401', async (_name, make) => {
    const res = await gql(fx.api, await make(), '{ me { id } }');
    expect(res.status).toBe(401);
    expect(res.headers.get('x-amzn-errortype')).toBe('UnauthorizedException');
    expect(res.body).toEqual(UNAUTHORIZED);
  });

  it('uses AppSync wordings', async () => {
    expect((await gql(fx.api, undefined, '{ me { id } }')).body.errors?.[0]?.message).toBe(
      'Valid authorization header not provided.',
    );
    expect((await gql(fx.api, await fx.token({ expiresIn: -5 }), '{ me { id } }')).body.errors?.[0]?.message).toBe(
      'Token has expired.',
    );
  });
});

describe('CORS', () => {
  it('answers the app’s preflight naming the app and echoing the requested headers', async () => {
    const res = await fetch(fx.api.url, {
      method: 'OPTIONS',
      headers: {
        origin: APP_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,x-amz-user-agent',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization,content-type,x-amz-user-agent');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
  });
});

describe('resolver events', () => {
  it('sends the direct-Lambda event shape for root and listed non-root fields', async () => {
    fx.events.length = 0;
    const token = await fx.token({ groups: ['members'] });
    const res = await gql(
      fx.api,
      token,
      'query Q($id: ID!) { activity(id: $id) { id title host { name } university { id name } } }',
      { id: 'a1' },
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: {
        activity: { id: 'a1', title: 'Hike', host: { name: 'Host of a1' }, university: { id: 'u1', name: 'Uni' } },
      },
    });
    const [root, host] = fx.events;
    expect(fx.events).toHaveLength(2); // university is default-resolved, not invoked
    expect(root).toMatchObject({
      arguments: { id: 'a1' },
      source: null,
      prev: null,
      stash: {},
      request: { headers: expect.objectContaining({ authorization: token }), domainName: null },
      info: {
        fieldName: 'activity',
        parentTypeName: 'Query',
        variables: { id: 'a1' },
        selectionSetList: ['id', 'title', 'host', 'host/name', 'university', 'university/id', 'university/name'],
      },
      identity: {
        sub: 'sub-alice',
        username: 'alice',
        groups: ['members'],
        sourceIp: ['127.0.0.1'],
        defaultAuthStrategy: 'ALLOW',
      },
    });
    expect(root!.info.selectionSetGraphQL).toContain('university {');
    expect((root!.identity as { claims: Record<string, unknown> }).claims.client_id).toBe('testclient');
    expect(host).toMatchObject({
      source: expect.objectContaining({ id: 'a1' }),
      info: { fieldName: 'host', parentTypeName: 'Activity' },
    });
  });

  it('passes groups null when the token has none', async () => {
    fx.events.length = 0;
    const token = await fx.token();
    await gql(fx.api, token, '{ me { id } }');
    expect((fx.events[0]!.identity as { groups: unknown }).groups).toBeNull();
  });
});

describe('field authorization', () => {
  it('refuses a group-restricted field to a non-member, with data null for it', async () => {
    const res = await gql(fx.api, await fx.token({ groups: ['members'] }), '{ adminStats me { id } }');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ adminStats: null, me: { id: 'sub-alice' } });
    expect(res.body.errors).toEqual([
      {
        path: ['adminStats'],
        data: null,
        errorType: 'Unauthorized',
        errorInfo: null,
        locations: [{ line: 1, column: 3, sourceName: null }],
        message: 'Not Authorized to access adminStats on type Query',
      },
    ]);
  });

  it('allows the group-restricted field to a member', async () => {
    const res = await gql(fx.api, await fx.token({ groups: ['admins'] }), '{ adminStats }');
    expect(res.body).toEqual({ data: { adminStats: 'ok' } });
  });

  it('refuses an @aws_iam-only field to user-pool callers', async () => {
    const res = await gql(fx.api, await fx.token({ groups: ['admins'] }), '{ iamOnly }');
    expect(res.body.errors![0]).toMatchObject({
      errorType: 'Unauthorized',
      message: 'Not Authorized to access iamOnly on type Query',
    });
  });

  it('executeAsIam reaches @aws_iam fields and is refused elsewhere', async () => {
    expect(await fx.api.executeAsIam('{ iamOnly }')).toEqual({ data: { iamOnly: 'ok' } });
    const denied = await fx.api.executeAsIam('{ me { id } }');
    expect(denied.errors![0]).toMatchObject({
      errorType: 'Unauthorized',
      message: 'Not Authorized to access me on type Query',
    });
    fx.events.length = 0;
    await fx.api.executeAsIam('mutation { publishActivity(universityId: "u1", id: "x", title: "t") { id } }');
    expect(fx.events[0]!.identity).toEqual({
      accountId: '000000000000',
      userArn: 'arn:aws:iam::000000000000:role/huddle-local',
      sourceIp: ['127.0.0.1'],
      username: 'huddle-local',
      cognitoIdentityPoolId: '',
      cognitoIdentityId: '',
      cognitoIdentityAuthType: '',
      cognitoIdentityAuthProvider: '',
    });
  });
});

describe('errors', () => {
  it('maps intended resolver errors to errorType + message', async () => {
    const res = await gql(fx.api, await fx.token(), '{ missing }');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: { missing: null },
      errors: [
        {
          path: ['missing'],
          data: null,
          errorType: 'NotFound',
          errorInfo: { code: 'activity.notFound' },
          locations: [{ line: 1, column: 3, sourceName: null }],
          message: 'Activity was not found.',
        },
      ],
    });
  });

  it('hides unexpected failures and logs them', async () => {
    const res = await gql(fx.api, await fx.token(), '{ boom }');
    expect(res.body.errors![0]).toMatchObject({
      errorType: 'InternalFailure',
      message: 'An internal error occurred. Please try again.',
    });
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
    expect(fx.logs.some((l) => l.includes('hunter2'))).toBe(true);
  });

  it('answers malformed requests like AppSync', async () => {
    const token = await fx.token();
    const post = (body: string) => fetch(fx.api.url, { method: 'POST', headers: { authorization: token }, body });
    const empty = await post('');
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({
      errors: [{ errorType: 'MalformedHttpRequestException', message: 'Request body is empty.' }],
    });
    const meow = await post('meow');
    expect(meow.status).toBe(400);
    expect(meow.headers.get('x-amzn-errortype')).toBe('MalformedHttpRequestException');
    expect((await post(JSON.stringify({ query: '{ me { ' }))).status).toBe(400);
    const invalid = await gql(fx.api, token, '{ badfield }');
    expect(invalid.status).toBe(200);
    expect(invalid.body.data).toBeNull();
    expect(invalid.body.errors?.[0]?.message).toContain('badfield');
  });

  it('sends JSON answers with a Content-Length, not chunked', async () => {
    const res = await gql(fx.api, await fx.token(), '{ me { id } }');
    expect(res.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    expect(res.headers.get('transfer-encoding')).toBeNull();
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(JSON.stringify(res.body)));
    const refused = await gql(fx.api, undefined, '{ me { id } }');
    expect(refused.headers.get('x-amzn-errortype')).toBe('UnauthorizedException');
    expect(refused.headers.get('content-length')).not.toBeNull();
  });
});

describe('AWS scalars', () => {
  it('refuses malformed AWSDateTime output and literal input', async () => {
    const token = await fx.token();
    const out = await gql(fx.api, token, '{ badDate }');
    expect(out.body.data).toEqual({ badDate: null });
    expect(out.body.errors?.[0]?.message).toContain('AWSDateTime');
    const bad = await gql(fx.api, token, '{ echoJson(value: "{not json") }');
    expect(bad.body.errors).toBeDefined();
  });

  it('parses AWSJSON for the resolver and serialises it back to a string', async () => {
    fx.events.length = 0;
    const res = await gql(fx.api, await fx.token(), 'query($v: AWSJSON!) { echoJson(value: $v) }', {
      v: '{"a":[1,2]}',
    });
    expect(fx.events[0]!.arguments).toEqual({ value: { a: [1, 2] } });
    expect(res.body).toEqual({ data: { echoJson: '{"a":[1,2]}' } });
  });
});

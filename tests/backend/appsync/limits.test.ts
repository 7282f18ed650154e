// AppSync's queryDepthLimit and resolverCountLimit in the local gateway: a request over either is
// refused before any resolver (so any mutation) runs.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, getNamedType, getOperationAST, parse } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { measure, overLimit } from '../../../backend/local/appsync/limits.js';
import { loadSchema } from '../../../backend/local/appsync/schema.js';
import { API_LIMITS } from '../../../backend/src/apiLimits.js';
import { connect, gql, startFixture, type Fixture } from './helpers.js';

describe('query depth and resolver count (AppSync queryDepthLimit / resolverCountLimit)', () => {
  let fx: Fixture; // resolver count 5
  let shallow: Fixture; // depth 2
  beforeAll(async () => {
    fx = await startFixture(60_000, { limits: { queryDepth: 10, resolverCount: 5 } });
    shallow = await startFixture(60_000, { limits: { queryDepth: 2, resolverCount: 100 } });
  });
  afterAll(async () => {
    await fx.close();
    await shallow.close();
  });
  afterEach(() => {
    fx.events.length = 0;
    shallow.events.length = 0;
  });

  it('refuses a request with 200 aliased mutations before any resolver runs', async () => {
    const aliases = Array.from(
      { length: 200 },
      (_, i) => `m${i}: createActivity(universityId: "u1", title: "t${i}") { id }`,
    );
    const res = await gql(fx.api, await fx.token(), `mutation { ${aliases.join('\n')} }`);
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('BadRequestException');
    expect(res.body).toEqual({
      errors: [
        {
          errorType: 'BadRequestException',
          message: 'The request would run 200 resolvers; this API allows 5 per request.',
        },
      ],
    });
    expect(fx.events).toEqual([]);
  });

  it('counts resolvers through fragments and nested resolved fields, and lets a request within the limit run', async () => {
    const token = await fx.token();
    const within = await gql(fx.api, token, '{ a: activity(id: "1") { id } b: activity(id: "2") { id } }');
    expect(within.status).toBe(200);
    expect(fx.events).toHaveLength(2);

    fx.events.length = 0;
    // 3 root fields, each with a resolved `host` below: 6 resolvers.
    const spread = await gql(
      fx.api,
      token,
      'fragment F on Activity { host { id } } { a: activity(id: "1") { ...F } b: activity(id: "2") { ...F } c: activity(id: "3") { ...F } }',
    );
    expect(spread.status).toBe(400);
    expect(spread.body.errors?.[0]?.message).toBe('The request would run 6 resolvers; this API allows 5 per request.');
    expect(fx.events).toEqual([]);
  });

  it('refuses a query nested deeper than allowed, fragments included', async () => {
    const token = await shallow.token();
    expect((await gql(shallow.api, token, '{ activity(id: "1") { id title } }')).status).toBe(200);
    shallow.events.length = 0;
    for (const query of [
      '{ activity(id: "1") { university { id } } }',
      'fragment U on Activity { university { name } } { activity(id: "1") { ...U } }',
      '{ activity(id: "1") { ... on Activity { university { id } } } }',
    ]) {
      const res = await gql(shallow.api, token, query);
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]).toEqual({
        errorType: 'BadRequestException',
        message: 'The query is nested 3 levels deep; this API allows 2.',
      });
    }
    expect(shallow.events).toEqual([]);
  });

  it('applies to subscriptions too: no subscription resolver runs for a refused start', async () => {
    const ws = await connect(shallow.api, await shallow.token());
    ws.send({ type: 'connection_init' });
    await ws.next((f) => f.type === 'connection_ack');
    ws.start('deep', 'subscription { onActivity(universityId: "u1") { university { id } } }');
    const refused = await ws.next((f) => f.id === 'deep');
    expect(refused).toMatchObject({ type: 'error', payload: { errors: [{ errorType: 'BadRequestException' }] } });
    expect(shallow.events).toEqual([]);
    ws.ws.close();
  });
});

describe('the app’s own documents', () => {
  it('all stay within the API’s limits (backend/src/apiLimits.ts), with room to spare', async () => {
    const { schema } = loadSchema(
      readFileSync(fileURLToPath(new URL('../../../backend/schema.graphql', import.meta.url)), 'utf8'),
    );
    // Every operation the app sends, as codegen wrote it (fragments included) from src/api/operations.
    const dir = fileURLToPath(new URL('../../../src/api/generated/documents/', import.meta.url));
    const documents: { name: string; text: string }[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const exported = (await import(join(dir, file))) as Record<string, string>;
      for (const [name, text] of Object.entries(exported)) documents.push({ name: `${file} ${name}`, text });
    }
    expect(documents.length).toBeGreaterThan(15);
    let deepest = 0;
    for (const { name, text } of documents) {
      const document = parse(text);
      const operation = getOperationAST(document)!;
      const fragments = Object.fromEntries(
        document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
      );
      const root = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' }[operation.operation];
      const m = measure(
        operation,
        fragments,
        root,
        (typeName) => typeName === root,
        (typeName, fieldName) => {
          const type = schema.getType(typeName);
          const field = type && 'getFields' in type ? type.getFields()[fieldName] : undefined;
          return field ? getNamedType(field.type).name : null;
        },
      );
      expect(overLimit(m, API_LIMITS), name).toBeNull();
      expect(m.resolvers, name).toBeLessThanOrEqual(2);
      deepest = Math.max(deepest, m.depth);
    }
    expect(deepest).toBeLessThanOrEqual(API_LIMITS.queryDepth / 2);
  });
});

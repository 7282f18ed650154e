/**
 * The gateway's per-request caches must not change what a client sees: a remembered token is
 * still refused once it expires, a changed query text is parsed and validated anew, and mutation
 * fan-out follows subscribers as they come and go.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Lru } from '../../../backend/local/appsync/lru.js';
import { connect, gql, startFixture, type Fixture } from './helpers.js';

const spies = vi.hoisted(() => ({ jwtVerify: 0, validate: 0 }));

vi.mock('jose', async (importOriginal) => {
  const jose = await importOriginal<typeof import('jose')>();
  return {
    ...jose,
    jwtVerify: (...args: Parameters<typeof jose.jwtVerify>) => {
      spies.jwtVerify++;
      return jose.jwtVerify(...args);
    },
  };
});

vi.mock('graphql', async (importOriginal) => {
  const graphql = await importOriginal<typeof import('graphql')>();
  return {
    ...graphql,
    validate: (...args: Parameters<typeof graphql.validate>) => {
      spies.validate++;
      return graphql.validate(...args);
    },
  };
});

let fx: Fixture;
beforeAll(async () => {
  fx = await startFixture();
});
afterAll(() => fx.close());
afterEach(() => {
  vi.useRealTimers();
});

describe('Lru', () => {
  it('keeps at most its bound, dropping the least recently used', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('c', 3);
    expect(lru.size).toBe(2);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(lru.get('c')).toBe(3);
  });
});

describe('access-token cache', () => {
  it('verifies a token once, then serves it from the cache', async () => {
    const token = await fx.token({ sub: 'sub-cached' });
    const before = spies.jwtVerify;
    for (let i = 0; i < 3; i++) {
      const res = await gql(fx.api, token, '{ me { id } }');
      expect(res.body).toEqual({ data: { me: { id: 'sub-cached' } } });
    }
    expect(spies.jwtVerify - before).toBe(1);
  });

  it('gives each request its own identity and source IP, as a full verification does', async () => {
    const token = await fx.token({ groups: ['members'], sub: 'sub-identity' });
    fx.events.length = 0;
    await gql(fx.api, token, '{ me { id } }');
    await gql(fx.api, token, '{ me { id } }');
    const [first, second] = fx.events.map((e) => e.identity as { groups: string[]; claims: object });
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    expect(second!.groups).not.toBe(first!.groups);
    expect(second!.claims).not.toBe(first!.claims);
    expect(first).toMatchObject({ sub: 'sub-identity', groups: ['members'], sourceIp: ['127.0.0.1'] });
  });

  it('still refuses a cached token once it expires (HTTP and realtime start)', async () => {
    const token = await fx.token({ expiresIn: 60, sub: 'sub-expiring' });
    expect((await gql(fx.api, token, '{ me { id } }')).status).toBe(200);
    const c = await connect(fx.api, token);
    c.send({ type: 'connection_init' });
    await c.next((f) => f.type === 'connection_ack');

    const exp = (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number }).exp;
    vi.useFakeTimers({ toFake: ['Date'], now: exp * 1000 }); // jose's rule: expired once exp <= now
    const before = spies.jwtVerify;
    const res = await gql(fx.api, token, '{ me { id } }');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ errors: [{ errorType: 'UnauthorizedException', message: 'Token has expired.' }] });

    c.start('late', 'subscription { onAnyActivity { id } }', {}, token);
    const err = await c.next((f) => f.id === 'late');
    expect(err).toEqual({
      id: 'late',
      type: 'error',
      payload: { errors: [{ errorType: 'UnauthorizedException', message: 'Token has expired.' }] },
    });
    // Once expired it is dropped and goes back through jose, which refuses it the same way.
    expect(spies.jwtVerify - before).toBe(1);
    c.ws.close();
  });

  it('never caches refused tokens: forged, foreign and expired ones are refused every time', async () => {
    const bad = [
      await fx.token({ forged: true }),
      await fx.token({ issuer: 'http://evil.example/pool' }),
      await fx.token({ clientId: 'someone-else' }),
      await fx.token({ use: 'id' }),
      await fx.token({ expiresIn: -60 }),
    ];
    for (const token of bad) {
      const before = spies.jwtVerify;
      const first = await gql(fx.api, token, '{ me { id } }');
      const second = await gql(fx.api, token, '{ me { id } }');
      expect(first.status).toBe(401);
      // Status and body, not headers: the Date header may tick between the two answers.
      expect({ status: second.status, body: second.body }).toEqual({ status: first.status, body: first.body });
      expect(spies.jwtVerify - before).toBe(2);
    }
  });
});

describe('document cache', () => {
  it('validates a query text once and a changed text anew', async () => {
    const token = await fx.token();
    const query = 'query Q($id: ID!) { activity(id: $id) { id title } }';
    const before = spies.validate;
    expect((await gql(fx.api, token, query, { id: 'a1' })).body).toEqual({
      data: { activity: { id: 'a1', title: 'Hike' } },
    });
    expect((await gql(fx.api, token, query, { id: 'a2' })).body).toEqual({
      data: { activity: { id: 'a2', title: 'Hike' } },
    });
    expect(spies.validate - before).toBe(1);

    // One more field, and one that does not exist: the new text is validated, and refused.
    const changed = 'query Q($id: ID!) { activity(id: $id) { id title nope } }';
    const refused = await gql(fx.api, token, changed, { id: 'a1' });
    expect(refused.status).toBe(200);
    expect(refused.body.data).toBeNull();
    expect(refused.body.errors?.[0]?.message).toMatch(/Cannot query field "nope" on type "Activity"/);
    expect(spies.validate - before).toBe(2);
    // Invalid texts are not remembered: the same answer again, from a fresh validation.
    expect(await gql(fx.api, token, changed, { id: 'a1' })).toMatchObject({ status: 200, body: refused.body });
    expect(spies.validate - before).toBe(3);
  });

  it('picks the operation by name on every request, cached document or not', async () => {
    const token = await fx.token();
    const query = 'query A { me { id } } query B { iamOnly }';
    const post = (operationName: string) =>
      fetch(fx.api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: token },
        body: JSON.stringify({ query, operationName }),
      }).then((r) => r.json() as Promise<{ data: unknown; errors?: { errorType?: string }[] }>);
    expect((await post('A')).data).toEqual({ me: { id: 'sub-alice' } });
    expect((await post('B')).errors?.[0]?.errorType).toBe('Unauthorized');
    expect((await post('A')).data).toEqual({ me: { id: 'sub-alice' } });
  });

  it('gives every resolver event its own selectionSetList', async () => {
    const token = await fx.token();
    fx.events.length = 0;
    const query = '{ activity(id: "a1") { id host { name } } }';
    await gql(fx.api, token, query);
    await gql(fx.api, token, query);
    const roots = fx.events.filter((e) => e.info.fieldName === 'activity');
    expect(roots).toHaveLength(2);
    expect(roots[0]!.info.selectionSetList).toEqual(['id', 'host', 'host/name']);
    expect(roots[1]!.info.selectionSetList).toEqual(roots[0]!.info.selectionSetList);
    expect(roots[1]!.info.selectionSetList).not.toBe(roots[0]!.info.selectionSetList);
  });
});

describe('mutation fan-out', () => {
  it('follows subscribers as they stop and start again', async () => {
    const token = await fx.token();
    const c = await connect(fx.api, token);
    c.send({ type: 'connection_init' });
    await c.next((f) => f.type === 'connection_ack');
    const create = (title: string) =>
      gql(fx.api, token, 'mutation { createActivity(universityId: "u9", title: "' + title + '") { id universityId } }');

    c.start('a', 'subscription { onActivity(universityId: "u9") { id } }');
    await c.next((f) => f.id === 'a' && f.type === 'start_ack');
    c.send({ id: 'a', type: 'stop' });
    await c.next((f) => f.id === 'a' && f.type === 'complete');
    await create('unheard');

    c.start('b', 'subscription { onActivity(universityId: "u9") { id } }');
    await c.next((f) => f.id === 'b' && f.type === 'start_ack');
    await create('heard');
    expect(await c.next((f) => f.id === 'b' && f.type === 'data')).toEqual({
      id: 'b',
      type: 'data',
      payload: { data: { onActivity: { id: 'a-heard' } } },
    });
    expect(c.frames.filter((f) => f.type === 'data')).toEqual([]);
    c.ws.close();
  });
});

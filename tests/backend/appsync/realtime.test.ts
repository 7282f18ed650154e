import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, gql, startFixture, type Fixture } from './helpers.js';

let fx: Fixture;
beforeAll(async () => {
  fx = await startFixture(50); // fast keep-alive so the test can watch several ka frames
});
afterAll(() => fx.close());

const ON_ACTIVITY =
  'subscription S($u: ID!) { onActivity(universityId: $u) { id universityId title startsAt host { name } } }';

async function ready(groups?: string[]) {
  const c = await connect(fx.api, await fx.token({ groups }));
  c.send({ type: 'connection_init' });
  await c.next((f) => f.type === 'connection_ack');
  return c;
}

describe('connection', () => {
  it('selects graphql-ws, acks with connectionTimeoutMs and sends ka on the configured interval', async () => {
    const c = await connect(fx.api, await fx.token());
    expect(c.protocol()).toBe('graphql-ws');
    c.send({ type: 'connection_init' });
    expect(await c.next((f) => f.type === 'connection_ack')).toEqual({
      type: 'connection_ack',
      payload: { connectionTimeoutMs: 300000 },
    });
    await c.next((f) => f.type === 'ka');
    await c.next((f) => f.type === 'ka');
    await c.next((f) => f.type === 'ka');
    c.ws.close();
  });

  it('accepts the older ?header= query form', async () => {
    const c = await connect(fx.api, await fx.token(), 'query');
    c.send({ type: 'connection_init' });
    await c.next((f) => f.type === 'connection_ack');
    c.ws.close();
  });

  it('refuses a bad connection token with connection_error, then closes', async () => {
    const c = await connect(fx.api, await fx.token({ forged: true }));
    c.send({ type: 'connection_init' });
    const err = await c.next((f) => f.type === 'connection_error');
    expect(err.payload?.errors?.[0]).toMatchObject({ errorType: 'UnauthorizedException', errorCode: 401 });
    await c.closed;
  });
});

describe('subscriptions', () => {
  it('start → start_ack, data projected from the mutation selection, argument filter, stop → complete', async () => {
    const c = await ready();
    c.start('s1', ON_ACTIVITY, { u: 'u1' });
    expect(await c.next((f) => f.id === 's1')).toEqual({ id: 's1', type: 'start_ack' });
    const subEvent = fx.events.find((e) => e.info.parentTypeName === 'Subscription');
    expect(subEvent).toMatchObject({ arguments: { universityId: 'u1' }, info: { fieldName: 'onActivity' } });

    const token = await fx.token();
    // other university: filtered out; ours: delivered with only what the mutation selected
    await gql(
      fx.api,
      token,
      'mutation { createActivity(universityId: "u2", title: "Other") { id universityId title } }',
    );
    await gql(
      fx.api,
      token,
      'mutation { createActivity(universityId: "u1", title: "Climb") { id universityId t: title } }',
    );
    const data = await c.next((f) => f.type === 'data');
    expect(data).toEqual({
      id: 's1',
      type: 'data',
      // startsAt / host were not selected by the mutation → null; the alias did not matter
      payload: {
        data: { onActivity: { id: 'a-Climb', universityId: 'u1', title: 'Climb', startsAt: null, host: null } },
      },
    });
    expect(c.frames.filter((f) => f.type === 'data')).toEqual([]);

    c.send({ id: 's1', type: 'stop' });
    expect(await c.next((f) => f.type === 'complete')).toEqual({ id: 's1', type: 'complete' });
    await gql(fx.api, token, 'mutation { createActivity(universityId: "u1", title: "After") { id universityId } }');
    await new Promise((r) => setTimeout(r, 100));
    expect(c.frames.filter((f) => f.type === 'data')).toEqual([]);
    c.ws.close();
  });

  it('does not deliver when the mutation did not select the argument field', async () => {
    const c = await ready();
    c.start('s2', 'subscription { onActivity(universityId: "u1") { id } }');
    await c.next((f) => f.type === 'start_ack');
    await gql(fx.api, await fx.token(), 'mutation { createActivity(universityId: "u1", title: "NoArg") { id } }');
    await new Promise((r) => setTimeout(r, 100));
    expect(c.frames.filter((f) => f.type === 'data')).toEqual([]);
    c.ws.close();
  });

  it('executeAsIam mutations fire subscriptions too', async () => {
    const c = await ready();
    c.start('s3', ON_ACTIVITY, { u: 'u9' });
    await c.next((f) => f.type === 'start_ack');
    const out = await fx.api.executeAsIam(
      'mutation P($u: ID!) { publishActivity(universityId: $u, id: "p1", title: "Pushed") { id universityId title } }',
      { u: 'u9' },
    );
    expect(out.errors).toBeUndefined();
    const data = await c.next((f) => f.type === 'data');
    expect(data.payload?.data?.onActivity).toEqual({
      id: 'p1',
      universityId: 'u9',
      title: 'Pushed',
      startsAt: null,
      host: null,
    });
    c.ws.close();
  });

  it('refuses a start with a bad or expired token', async () => {
    const c = await ready();
    c.start('bad', ON_ACTIVITY, { u: 'u1' }, await fx.token({ expiresIn: -1 }));
    const err = await c.next((f) => f.id === 'bad');
    expect(err).toEqual({
      id: 'bad',
      type: 'error',
      payload: { errors: [{ errorType: 'UnauthorizedException', message: 'Token has expired.' }] },
    });
    c.ws.close();
  });

  it('lets the subscription resolver deny at start', async () => {
    const c = await ready();
    c.start('deny', ON_ACTIVITY, { u: 'forbidden' });
    const err = await c.next((f) => f.id === 'deny');
    expect(err).toEqual({
      id: 'deny',
      type: 'error',
      payload: { errors: [{ errorType: 'Forbidden', message: 'You are not a member of this university.' }] },
    });
    c.ws.close();
  });

  it('enforces group rules on the subscription field', async () => {
    const member = await ready(['members']);
    member.start('adm', 'subscription { onAdminActivity { id } }');
    const err = await member.next((f) => f.id === 'adm');
    expect(err.payload?.errors?.[0]).toEqual({
      errorType: 'Unauthorized',
      message: 'Not Authorized to access onAdminActivity on type Subscription',
    });
    member.ws.close();
    const admin = await ready(['admins']);
    admin.start('adm', 'subscription { onAdminActivity { id } }');
    expect(await admin.next((f) => f.id === 'adm')).toEqual({ id: 'adm', type: 'start_ack' });
    admin.ws.close();
  });

  it('refuses queries on the realtime channel', async () => {
    const c = await ready();
    c.start('q', '{ me { id } }');
    const err = await c.next((f) => f.id === 'q');
    expect(err.payload?.errors?.[0]?.errorType).toBe('UnsupportedOperation');
    c.ws.close();
  });
});

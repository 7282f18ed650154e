// The wire format around every operation: errors, unsupported operations, CORS, JWKS/OIDC discovery.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ListDevicesCommand } from '@aws-sdk/client-cognito-identity-provider';
import { LOCAL_KEY_HEADER } from '../../../backend/local/cognito/localKey.js';
import { APP_ORIGIN, startHarness, type Harness } from './helpers.js';
import { postOperation } from '../support/cognitoWire.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});

test('an unsupported operation is named, Cognito-style, to the SDK and on the wire', async () => {
  await expect(h.sdk.send(new ListDevicesCommand({ AccessToken: 'x' }))).rejects.toMatchObject({
    name: 'UnsupportedOperationException',
    message: "Huddle's local Cognito does not support ListDevices",
  });
  const res = await postOperation(h.cognito.url, 'AdminListDevices', {}, { [LOCAL_KEY_HEADER]: h.cognito.localKey });
  expect(res.status).toBe(400);
  expect(res.headers.get('x-amzn-errortype')).toBe('UnsupportedOperationException');
  expect(await res.json()).toEqual({
    __type: 'UnsupportedOperationException',
    message: "Huddle's local Cognito does not support AdminListDevices",
  });
});

test('every error: HTTP 400, x-amzn-ErrorType and {__type, message}', async () => {
  const res = await postOperation(h.cognito.url, 'SignUp', { ClientId: 'nope', Username: 'a@uni.test', Password: 'Secret123' });
  expect(res.status).toBe(400);
  expect(res.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
  expect(await res.json()).toEqual({
    __type: 'ResourceNotFoundException',
    message: 'User pool client nope does not exist.',
  });
  const bad = await fetch(h.cognito.url, {
    method: 'POST',
    headers: { 'x-amz-target': 'AWSCognitoIdentityProviderService.SignUp' },
    body: '{',
  });
  expect(bad.status).toBe(400);
  expect(bad.headers.get('x-amzn-errortype')).toBe('SerializationException');
});

test('CORS preflight from the app names the app and echoes the requested headers', async () => {
  const res = await fetch(h.cognito.url, {
    method: 'OPTIONS',
    headers: {
      origin: APP_ORIGIN,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,x-amz-target,x-amz-user-agent',
    },
  });
  expect(res.status).toBe(204);
  expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
  expect(res.headers.get('access-control-allow-headers')).toBe('content-type,x-amz-target,x-amz-user-agent');
  expect(res.headers.get('access-control-allow-methods')).toContain('POST');
});

test('JWKS and OpenID configuration are served for the pool', async () => {
  const jwks = await (await fetch(h.cognito.jwksUrl)).json();
  expect(jwks.keys).toHaveLength(1);
  expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String) });
  expect(jwks.keys[0]).not.toHaveProperty('d');
  const oidc = await (await fetch(`${h.cognito.issuer}/.well-known/openid-configuration`)).json();
  expect(oidc).toMatchObject({ issuer: h.cognito.issuer, jwks_uri: h.cognito.jwksUrl });
});

/**
 * The wire clients of the authorization suite: Cognito's JSON protocol for tokens, GraphQL over
 * HTTP with a raw access token, and the realtime socket's start frame, as a browser would use them.
 */
import WebSocket from 'ws';
import type { CloudInfo } from '../../../backend/local/cloud.js';
import { postOperation } from '../support/cognitoWire.js';

export type Json = Record<string, unknown>;

export interface GraphQLError {
  errorType?: string;
  message: string;
}

export interface Answer {
  status: number;
  data?: Json | null;
  errors?: GraphQLError[];
}

/** Signs in with the plain password flow (SRP would only slow the suite down) and returns the access token. */
export async function signIn(info: CloudInfo, email: string, password: string): Promise<string> {
  const response = await postOperation(info.cognitoUrl, 'InitiateAuth', {
    ClientId: info.userPoolClientId,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: email, PASSWORD: password },
  });
  const json = (await response.json()) as { AuthenticationResult?: { AccessToken?: string }; message?: string };
  const token = json.AuthenticationResult?.AccessToken;
  if (!response.ok || !token) throw new Error(`sign-in of ${email} failed: ${json.message ?? response.status}`);
  return token;
}

/** POST /graphql; a missing token sends no authorization header at all. */
export async function graphql(info: CloudInfo, token: string | null, query: string, variables: Json = {}) {
  const response = await fetch(info.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: token }) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<Answer, 'status'>;
  return { status: response.status, ...body } satisfies Answer;
}

/** A realtime frame as the gateway sends it. */
export interface Frame {
  type: string;
  id?: string;
  payload?: { errors?: (GraphQLError & { errorCode?: number })[] };
}

/**
 * Opens the realtime socket as Amplify does (graphql-ws + base64url header sub-protocol), sends
 * connection_init, and answers the first frame that settles it: connection_ack or connection_error.
 */
export async function openRealtime(info: CloudInfo, token: string | null) {
  const host = new URL(info.graphqlUrl).host;
  const header = Buffer.from(JSON.stringify(token === null ? { host } : { Authorization: token, host })).toString(
    'base64url',
  );
  const ws = new WebSocket(info.realtimeUrl, ['graphql-ws', `header-${header}`]);
  const frames: Frame[] = [];
  const waiters: { match: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
  ws.on('message', (raw) => {
    const frame = JSON.parse(String(raw)) as Frame;
    const waiter = waiters.find((w) => w.match(frame));
    if (waiter) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(frame);
    } else frames.push(frame);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });

  const next = (match: (f: Frame) => boolean, ms = 5000) =>
    new Promise<Frame>((resolve, reject) => {
      const seen = frames.find(match);
      if (seen) {
        frames.splice(frames.indexOf(seen), 1);
        return resolve(seen);
      }
      const timer = setTimeout(() => reject(new Error(`no matching frame; got ${JSON.stringify(frames)}`)), ms);
      waiters.push({ match, resolve: (f) => (clearTimeout(timer), resolve(f)) });
    });

  ws.send(JSON.stringify({ type: 'connection_init' }));
  const opened = await next((f) => f.type === 'connection_ack' || f.type === 'connection_error');

  /** Sends a start and answers start_ack or the error frame for it. */
  const start = (id: string, query: string, variables: Json) => {
    ws.send(
      JSON.stringify({
        id,
        type: 'start',
        payload: {
          data: JSON.stringify({ query, variables }),
          extensions: { authorization: token === null ? { host } : { Authorization: token, host } },
        },
      }),
    );
    return next((f) => f.id === id && (f.type === 'start_ack' || f.type === 'error'));
  };
  /** Frames nobody waited for (data pushed to a subscription, ka…). */
  const unclaimed = () => frames.filter((f) => f.type !== 'ka');
  return { opened, start, next, unclaimed, close: () => ws.close() };
}

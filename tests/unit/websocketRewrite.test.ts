import { afterEach, describe, expect, it } from 'vitest';
import { installLocalWebSocketRewrite, rewriteLocalWebSocketUrl } from '@/local/websocketRewrite';

describe('rewriteLocalWebSocketUrl', () => {
  it.each([
    ['wss://localhost:4000/graphql/realtime', 'ws://localhost:4000/graphql/realtime'],
    ['wss://127.0.0.1:4000/graphql/realtime', 'ws://127.0.0.1:4000/graphql/realtime'],
    ['wss://[::1]:4000/graphql/realtime', 'ws://[::1]:4000/graphql/realtime'],
    ['wss://localhost/graphql/realtime?x=1', 'ws://localhost/graphql/realtime?x=1'],
  ])('downgrades a socket to this machine: %s', (url, expected) => {
    expect(rewriteLocalWebSocketUrl(url)).toBe(expected);
  });

  it.each([
    'wss://abc.appsync-realtime-api.eu-west-1.amazonaws.com/graphql',
    'wss://localhost.evil.example/graphql/realtime',
    'wss://127.0.0.1.nip.io/graphql',
    'ws://localhost:4000/graphql/realtime',
  ])('leaves every other URL alone: %s', (url) => {
    expect(rewriteLocalWebSocketUrl(url)).toBe(url);
  });

  it('accepts URL objects', () => {
    expect(rewriteLocalWebSocketUrl(new URL('wss://127.0.0.1:4000/x'))).toBe('ws://127.0.0.1:4000/x');
  });
});

describe('installLocalWebSocketRewrite', () => {
  const original = globalThis.WebSocket;
  afterEach(() => {
    globalThis.WebSocket = original;
  });

  it('makes new sockets open the rewritten URL, with the same subprotocols', () => {
    const opened: { url: string; protocols?: string | string[] }[] = [];
    class RecordingWebSocket {
      constructor(url: string, protocols?: string | string[]) {
        opened.push({ url, protocols });
      }
    }
    globalThis.WebSocket = RecordingWebSocket as unknown as typeof WebSocket;
    installLocalWebSocketRewrite();
    new WebSocket('wss://127.0.0.1:4000/graphql/realtime', ['graphql-ws', 'header-abc']);
    expect(opened).toEqual([{ url: 'ws://127.0.0.1:4000/graphql/realtime', protocols: ['graphql-ws', 'header-abc'] }]);
  });
});

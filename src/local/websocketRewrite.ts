/**
 * LOCAL CLOUD ONLY — main.ts imports this file behind `import.meta.env.VITE_LOCAL_CLOUD === 'true'`,
 * so a production build contains none of it (scripts/check-no-local-rewrite.ts proves that).
 *
 * Why: Amplify v6 always turns the GraphQL URL into a secure socket URL
 * (http://127.0.0.1:4000/graphql → wss://127.0.0.1:4000/graphql/realtime) and has no switch for it.
 * The local server speaks plain ws://, so sockets to this machine are downgraded before they open.
 * See docs/local-cloud.md, "AppSync realtime".
 */
export const LOCAL_WEBSOCKET_REWRITE_MARKER = 'huddle-local-websocket-rewrite';

const LOCAL_SECURE_SOCKET = /^wss:\/\/(localhost|127\.0\.0\.1|\[::1\])(?=[:/?#]|$)/i;

/** wss://localhost… and wss://127.0.0.1… become ws://…; every other URL is returned unchanged. */
export function rewriteLocalWebSocketUrl(url: string | URL): string {
  const href = typeof url === 'string' ? url : url.href;
  return LOCAL_SECURE_SOCKET.test(href) ? `ws://${href.slice('wss://'.length)}` : href;
}

/** Replaces globalThis.WebSocket; must run before Amplify opens its first socket. */
export function installLocalWebSocketRewrite(): void {
  const NativeWebSocket = globalThis.WebSocket;
  if (!NativeWebSocket || 'localRewrite' in NativeWebSocket) return;

  class LocalCloudWebSocket extends NativeWebSocket {
    static readonly localRewrite = LOCAL_WEBSOCKET_REWRITE_MARKER;
    constructor(url: string | URL, protocols?: string | string[]) {
      super(rewriteLocalWebSocketUrl(url), protocols);
    }
  }
  globalThis.WebSocket = LocalCloudWebSocket;
  console.info(`[${LOCAL_WEBSOCKET_REWRITE_MARKER}] wss://localhost sockets are opened as ws:// (local cloud mode)`);
}

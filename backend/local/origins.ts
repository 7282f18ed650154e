/**
 * Who may talk to the local cloud's servers. They listen on 127.0.0.1, but any web page a
 * developer visits runs on the same machine: with `Access-Control-Allow-Origin: *` it could drive
 * the local Cognito or read the dev mailbox. So a request that names an Origin is served only when
 * that origin is the app's; scripts and tests (Node, curl) send no Origin and are served as before.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The app's origin in both spellings a developer may type: 127.0.0.1 and localhost. */
export function appOrigins(appUrl: string): string[] {
  const url = new URL(appUrl);
  const twin = new URL(appUrl);
  if (url.hostname === '127.0.0.1') twin.hostname = 'localhost';
  else if (url.hostname === 'localhost') twin.hostname = '127.0.0.1';
  return [...new Set([url.origin, twin.origin])];
}

/** The request's Origin header, or null when it sent none (a script, a same-origin navigation). */
export function originOf(req: IncomingMessage): string | null {
  const origin = req.headers.origin;
  return typeof origin === 'string' && origin ? origin : null;
}

/** True when the request names no origin or an allowed one. */
export function originAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = originOf(req);
  return origin === null || allowed.includes(origin);
}

/**
 * CORS headers for an allowed origin only: the origin itself, never `*`. `Vary: Origin` keeps a
 * cache from handing one origin's answer to another.
 */
export function setCorsHeaders(
  req: IncomingMessage,
  res: ServerResponse,
  allowed: readonly string[],
  extra: { methods: string; exposeHeaders?: string; defaultHeaders?: string },
): void {
  res.setHeader('Vary', 'Origin');
  const origin = originOf(req);
  if (origin === null || !allowed.includes(origin)) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Methods', extra.methods);
  // Browsers ask for amz-sdk-*, x-amz-user-agent…; `*` would not cover Authorization, so echo.
  const asked = req.headers['access-control-request-headers'];
  if (asked) res.setHeader('Access-Control-Allow-Headers', String(asked));
  else if (extra.defaultHeaders) res.setHeader('Access-Control-Allow-Headers', extra.defaultHeaders);
  if (extra.exposeHeaders) res.setHeader('Access-Control-Expose-Headers', extra.exposeHeaders);
}

const LOOPBACK_PEER = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/** The connection comes from this machine. */
export function fromLoopback(req: IncomingMessage): boolean {
  return LOOPBACK_PEER.test(req.socket.remoteAddress ?? '');
}

/**
 * The Host header names this machine. A page on evil.example whose DNS name is re-pointed at
 * 127.0.0.1 ("DNS rebinding") reaches a loopback server as same-origin and sends no Origin on a
 * GET, but its Host header still says evil.example.
 */
export function loopbackHost(req: IncomingMessage): boolean {
  const host = String(req.headers.host ?? '');
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  return name === '127.0.0.1' || name === 'localhost' || name === '[::1]';
}

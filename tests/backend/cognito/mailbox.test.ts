// The dev mailbox: newest first, per address, JSON for scripts, HTML for people, kept across restarts.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { Mailbox } from '../../../backend/local/mailbox.js';

const dir = mkdtempSync(join(tmpdir(), 'huddle-mailbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('lists newest first, filters case-insensitively, persists to its file', () => {
  const file = join(dir, 'mail.json');
  const box = new Mailbox(file);
  box.add({ to: 'A@uni.test', subject: 'Your Huddle verification code', code: '111111' });
  box.add({ to: 'b@uni.test', subject: 'Your Huddle verification code', code: '222222' });
  box.add({ to: 'a@uni.test', subject: 'Your Huddle password reset code', code: '333333' });
  expect(box.list('a@UNI.test').map((m) => m.code)).toEqual(['333333', '111111']);
  expect(box.list().map((m) => m.code)).toEqual(['333333', '222222', '111111']);
  expect(new Mailbox(file).list().map((m) => m.code)).toEqual(['333333', '222222', '111111']);
});

test('Mailbox.open reads the file; a damaged one is logged and replaced, not fatal', async () => {
  const file = join(dir, 'damaged.json');
  writeFileSync(file, '{not json');
  const lines: string[] = [];
  const box = await Mailbox.open(file, (line) => lines.push(line));
  expect(box.list()).toEqual([]);
  expect(lines).toEqual([`[mailbox] ignoring unreadable ${file}`]);
  box.add({ to: 'c@uni.test', subject: 's', code: '444444' });
  expect((await Mailbox.open(file)).list('c@uni.test')).toHaveLength(1);
});

test('serves JSON with ?to= or Accept: application/json, HTML otherwise, and declines other paths', async () => {
  const box = new Mailbox();
  box.add({ to: 'a@uni.test', subject: 'Your Huddle verification code', code: '<b>1</b>' });
  const server = createServer((req, res) => {
    if (!box.handle(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const json = await fetch(`${base}/__dev/mailbox?to=A@uni.test`);
    expect(json.headers.get('content-type')).toBe('application/json');
    expect(await json.json()).toMatchObject([{ to: 'a@uni.test', code: '<b>1</b>', sentAt: expect.any(String) }]);
    const accept = await fetch(`${base}/__dev/mailbox`, { headers: { accept: 'application/json' } });
    expect(await accept.json()).toHaveLength(1);
    const html = await fetch(`${base}/__dev/mailbox`);
    expect(html.headers.get('content-type')).toContain('text/html');
    const page = await html.text();
    expect(page).toContain('&#60;b&#62;1&#60;/b&#62;');
    expect(page).not.toContain('<b>1</b>');
    expect((await fetch(`${base}/__dev/mailbox?to=a@uni.test&format=html`)).headers.get('content-type')).toContain(
      'text/html',
    );
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
  } finally {
    server.close();
  }
});

/** A GET through node:http, which (unlike fetch) lets a test set Host as a browser would send it. */
function get(base: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: IncomingMessage['headers']; body: string }>((resolve, reject) => {
    const req = request(`${base}/__dev/mailbox?to=a@uni.test`, { headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('answers only this machine and the app: other origins, other Host names and remote peers are refused', async () => {
  const app = 'http://127.0.0.1:5173';
  const box = new Mailbox(undefined, undefined, [app]);
  box.add({ to: 'a@uni.test', subject: 'Your Huddle password reset code', code: '424242' });
  const server = createServer((req, res) => {
    if (!box.handle(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  try {
    const script = await get(base, {});
    expect(script.status).toBe(200);
    expect(script.body).toContain('424242');
    expect(script.headers['access-control-allow-origin']).toBeUndefined();
    expect((await get(base, { origin: app })).status).toBe(200);

    // Any page a developer visits: its fetch carries its Origin.
    const page = await get(base, { origin: 'https://evil.example' });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain('424242');
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    // DNS rebinding: evil.example re-pointed at 127.0.0.1 is same-origin and sends no Origin on a GET.
    const rebound = await get(base, { host: `evil.example:${port}` });
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toContain('424242');
    expect((await get(base, { host: `localhost:${port}` })).status).toBe(200);
  } finally {
    server.close();
  }

  // A peer on the network (the cloud binds 127.0.0.1, but a mailbox must not rely on that alone).
  let status = 0;
  const remote = {
    url: '/__dev/mailbox?to=a@uni.test',
    method: 'GET',
    headers: { host: '127.0.0.1:4000' },
    socket: { remoteAddress: '192.168.1.20' },
  } as unknown as IncomingMessage;
  const res = {
    writeHead(code: number) {
      status = code;
      return this;
    },
    end() {},
  } as unknown as ServerResponse;
  expect(box.handle(remote, res)).toBe(true);
  expect(status).toBe(403);
});

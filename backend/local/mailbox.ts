/**
 * The dev mailbox: in local mode nothing is ever emailed, so every code the local Cognito would
 * send (sign-up, resend, password reset) lands here instead, where the developer (or an e2e test)
 * can read it at GET /__dev/mailbox. Mails are kept in a JSON file when one is given, so a
 * restart of `npm run cloud` does not lose a code that was just sent.
 *
 * The codes in it take over accounts, so it answers only this machine: a loopback peer, a Host
 * that names loopback (no DNS rebinding), and no Origin but the app's (no other web page). It sends
 * no CORS headers at all: the app only links to it, nothing reads it cross-origin.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fromLoopback, loopbackHost, originAllowed } from './origins.js';

export interface Mail {
  to: string;
  subject: string;
  code: string;
  sentAt: string;
}

/** Old mails are dropped beyond this, so the file cannot grow without bound. */
const KEEP = 200;
const PATH = '/__dev/mailbox';

export class Mailbox {
  private mails: Mail[] = [];

  /**
   * @param file optional JSON file to persist mails in (e.g. `.local/mailbox.json`)
   * @param allowedOrigins the app's origins; a request with any other Origin is refused
   */
  constructor(
    private readonly file?: string,
    log?: (line: string) => void,
    private readonly allowedOrigins: readonly string[] = [],
  ) {
    if (file && existsSync(file)) {
      try {
        const stored: unknown = JSON.parse(readFileSync(file, 'utf8'));
        if (Array.isArray(stored)) this.mails = stored as Mail[];
      } catch {
        // A damaged dev mailbox is not worth failing start-up for: start empty.
        log?.(`[mailbox] ignoring unreadable ${file}`);
        this.mails = [];
      }
    }
  }

  /** The form cloud.ts uses: a mailbox kept in `file`. */
  static async open(file: string, log?: (line: string) => void, allowedOrigins?: readonly string[]): Promise<Mailbox> {
    return new Mailbox(file, log, allowedOrigins);
  }

  add(mail: Omit<Mail, 'sentAt'>): void {
    this.mails.push({ ...mail, to: mail.to.toLowerCase(), sentAt: new Date().toISOString() });
    if (this.mails.length > KEEP) this.mails.splice(0, this.mails.length - KEEP);
    if (this.file) {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(this.file, JSON.stringify(this.mails, null, 2));
    }
  }

  /** Newest first; `to` is compared case-insensitively, as the pool treats emails. */
  list(to?: string): Mail[] {
    const wanted = to?.toLowerCase();
    return this.mails.filter((m) => !wanted || m.to === wanted).reverse();
  }

  /**
   * Serves GET /__dev/mailbox. JSON when `?to=` or `?format=json` is given or the client accepts
   * application/json (scripts, e2e tests); a small HTML page otherwise (a developer's browser)
   * or with `?format=html`.
   * Returns false for any other request so the caller can try its own routes.
   */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== PATH && url.pathname !== `${PATH}/`) return false;
    if (!fromLoopback(req) || !loopbackHost(req) || !originAllowed(req, this.allowedOrigins)) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end('The dev mailbox answers only this machine, and no web page but the app.');
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET' }).end();
      return true;
    }
    const to = url.searchParams.get('to') ?? undefined;
    // ?format= wins, so the HTML page's own filter form (which sends ?to=) stays HTML.
    const format = url.searchParams.get('format');
    const json =
      format === 'json' ||
      (format !== 'html' && (to !== undefined || (req.headers.accept ?? '').includes('application/json')));
    const mails = this.list(to);
    const headers = { 'cache-control': 'no-store', vary: 'Origin' };
    if (json) {
      res.writeHead(200, { ...headers, 'content-type': 'application/json' });
      res.end(JSON.stringify(mails));
    } else {
      res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' });
      res.end(renderHtml(mails));
    }
    return true;
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function renderHtml(mails: Mail[]): string {
  const rows = mails
    .map(
      (m) =>
        `<tr><td>${escapeHtml(m.sentAt)}</td><td>${escapeHtml(m.to)}</td>` +
        `<td>${escapeHtml(m.subject)}</td><td><code>${escapeHtml(m.code)}</code></td></tr>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Huddle dev mailbox</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}
td,th{padding:.4rem .8rem;border-bottom:1px solid #ddd;text-align:left}code{font-size:1.3em}</style>
</head><body><h1>Dev mailbox</h1>
<p>Codes the local Cognito would have emailed. Newest first. <a href="${PATH}">Refresh</a></p>
<form method="get" action="${PATH}"><label>Only for <input name="to" type="email"></label>
<input type="hidden" name="format" value="html"><button>Filter</button></form>
<table><thead><tr><th>Sent</th><th>To</th><th>Subject</th><th>Code</th></tr></thead>
<tbody>${rows || '<tr><td colspan="4">No mail yet.</td></tr>'}</tbody></table></body></html>`;
}

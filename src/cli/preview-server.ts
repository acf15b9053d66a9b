// The preview's HTTP server: the built pages from one folder, on loopback only. It answers only requests
// whose Host is a loopback name with our port (a page on another site that rebinds its DNS name to 127.0.0.1
// sends its own name: 403), a malformed URL with 400, and no request can make it throw.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.woff2': 'font/woff2',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.svg': 'image/svg+xml', '.gif': 'image/gif', '.webp': 'image/webp',
};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface PreviewServerOptions {
  /** The folder served at `/` (build/html). */
  htmlDir: string;
  /** Put before `</body>` of every HTML page. */
  inject: string;
  /** `/__preview/events`: the server-sent events stream; called with an open response. */
  onEvents: (req: IncomingMessage, res: ServerResponse) => void;
}

/** True when the Host header names this machine's loopback interface at the port the request came in on. */
export function loopbackHost(host: string | undefined, port: number | undefined): boolean {
  if (!host || port === undefined) return false;
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+):(\d{1,5})$/i.exec(host);
  return !!m && LOOPBACK.has(m[1].toLowerCase()) && Number(m[2]) === port;
}

/** The file under `htmlDir` that `rawUrl` names, or an HTTP status when there is none to look for. */
export function resolveRequest(htmlDir: string, rawUrl: string | undefined): string | 400 | 403 {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(rawUrl ?? '/', 'http://127.0.0.1').pathname);
  } catch {
    return 400; // "/%", "/%E0%A4%A", a URL the parser refuses
  }
  if (pathname.includes('\0')) return 400;
  const rel = normalize(pathname).replace(/^([/\\])+/, '') || 'index.html';
  const file = join(htmlDir, rel.endsWith('/') ? `${rel}index.html` : rel);
  return file.startsWith(htmlDir + sep) ? file : 403;
}

export function createPreviewServer(options: PreviewServerOptions): Server {
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    if (!loopbackHost(req.headers.host, req.socket.localPort)) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('forbidden: open the preview as http://127.0.0.1:<port>/ or http://localhost:<port>/\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('method not allowed\n');
      return;
    }
    if ((req.url ?? '/').split('?')[0] === '/__preview/events') {
      options.onEvents(req, res);
      return;
    }
    const file = resolveRequest(options.htmlDir, req.url);
    if (typeof file === 'number') {
      res.writeHead(file, { 'content-type': 'text/plain' }).end(file === 400 ? 'bad request: malformed URL\n' : 'forbidden\n');
      return;
    }
    let body: Buffer | string;
    try {
      body = await readFile(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found (has the first build succeeded?)\n');
      return;
    }
    if (extname(file) === '.html') body = body.toString('utf8').replace('</body>', `${options.inject}</body>`);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  };
  return createServer((req, res) => {
    answer(req, res).catch((err: Error) => {
      // A fault of ours, not of the request: answer 500 and keep serving.
      process.stderr.write(`preview: ${req.method} ${req.url}: ${err.message}\n`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end();
    });
  });
}

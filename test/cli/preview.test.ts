// The live preview, for real: serves the pages on 127.0.0.1, rebuilds on save, tells the page to reload,
// and on a broken save keeps the last good pages and sends the errors.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { loopbackHost, resolveRequest } from '../../src/cli/preview-server.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

function fetchText(url: string): Promise<string> {
  return fetch(url).then((r) => r.text());
}

/** One raw HTTP/1.1 request (any Host, any target); resolves with the status code. */
function rawStatus(port: number, target: string, host: string | undefined, method = 'GET'): Promise<number> {
  return new Promise((ok, fail) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`${method} ${target} HTTP/1.1\r\n${host === undefined ? '' : `Host: ${host}\r\n`}Connection: close\r\n\r\n`);
    });
    let reply = '';
    socket.setEncoding('latin1');
    socket.on('data', (d) => (reply += d));
    socket.on('error', fail);
    socket.on('close', () => {
      const m = /^HTTP\/1\.1 (\d{3})/.exec(reply);
      if (m) ok(Number(m[1]));
      else fail(new Error(`no HTTP status in reply: ${JSON.stringify(reply)}`));
    });
  });
}

test('preview: only loopback Host names with our port are answered', () => {
  for (const host of ['127.0.0.1:8787', 'localhost:8787', 'LOCALHOST:8787', '[::1]:8787']) assert.ok(loopbackHost(host, 8787), host);
  for (const host of [undefined, '', 'evil.example:8787', 'evil.example', '127.0.0.1', '127.0.0.1:80', 'localhost:8788',
    '127.0.0.1.evil.example:8787', 'localhost.:8787', '[::2]:8787', '0.0.0.0:8787', 'localhost:8787:8787']) {
    assert.equal(loopbackHost(host, 8787), false, String(host));
  }
});

test('preview: malformed or escaping URLs resolve to 400 or 403, never throw', () => {
  const dir = '/srv/html';
  assert.equal(resolveRequest(dir, '/'), '/srv/html/index.html');
  assert.equal(resolveRequest(dir, '/a%20b.css'), '/srv/html/a b.css');
  for (const url of ['/%', '/%E0%A4%A', '/%zz', '/a%00b']) assert.equal(resolveRequest(dir, url), 400, url);
  for (const url of ['/..%2f..%2fetc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/a/..%2f..%2f..%2fetc/passwd']) {
    const file = resolveRequest(dir, url);
    assert.ok(typeof file === 'string' && file.startsWith(`${dir}/`), `${url} → ${file}`);
  }
});

/** Collects server-sent events from the preview. */
function listen(url: string): { events: string[]; next: (name: string, timeoutMs: number) => Promise<string>; close: () => void } {
  const events: string[] = [];
  const waiters: (() => void)[] = [];
  const req = get(url, (res) => {
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        events.push(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        for (const w of waiters.splice(0)) w();
      }
    });
  });
  req.on('error', () => {});
  const next = (name: string, timeoutMs: number) =>
    new Promise<string>((ok, fail) => {
      const seen = events.length;
      const timer = setTimeout(() => fail(new Error(`no "${name}" event within ${timeoutMs} ms; got ${JSON.stringify(events)}`)), timeoutMs);
      const check = () => {
        const found = events.slice(seen).find((e) => e.startsWith(`event: ${name}`));
        if (found) {
          clearTimeout(timer);
          ok(found);
        } else waiters.push(check);
      };
      check();
    });
  return { events, next, close: () => req.destroy() };
}

test('preview: serves on 127.0.0.1, reloads after a save, reports a broken save and keeps the pages', async () => {
  const work = await mkdtemp(join(tmpdir(), 'preview-'));
  const manuscript = join(work, 'manuscript');
  await cp(join(ROOT, 'test', 'fixtures', 'small-book'), manuscript, { recursive: true });
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'preview.ts'), manuscript, '--port', '0', '--out', join(work, 'build')], {
    cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  try {
    const url = await new Promise<string>((ok, fail) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = /preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) ok(m[1]);
      });
      child.on('exit', (code) => fail(new Error(`preview exited with ${code} before serving:\n${stderr}`)));
    });
    const page = await fetchText(url);
    assert.match(page, /The First Chapter/);
    assert.match(page, /__preview\/events/);

    // Hostile requests: each is answered, and the server keeps serving.
    const port = Number(new URL(url).port);
    const self = `127.0.0.1:${port}`;
    assert.equal(await rawStatus(port, '/%', self), 400, 'GET /% is a bad request');
    assert.equal(await rawStatus(port, '/%E0%A4%A', self), 400);
    assert.equal(await rawStatus(port, '/..%2f..%2f..%2fetc%2fpasswd', self), 404, 'dots stay inside the pages folder');
    assert.equal(await rawStatus(port, '/', 'evil.example'), 403, 'a DNS-rebinding Host is refused');
    assert.equal(await rawStatus(port, '/', `evil.example:${port}`), 403);
    assert.equal(await rawStatus(port, '/__preview/events', 'evil.example'), 403, 'the events stream too');
    assert.equal(await rawStatus(port, '/', `localhost:${port}`), 200);
    assert.equal(await rawStatus(port, '/', `[::1]:${port}`), 200);
    assert.equal(await rawStatus(port, '/', self, 'DELETE'), 405);
    assert.equal(await rawStatus(port, '/no-such-page.html', self), 404);
    assert.equal(child.exitCode, null, `the preview is still running; stderr:\n${stderr}`);
    assert.match(await fetchText(url), /The First Chapter/, 'and still serves the pages');

    const events = listen(`${url}__preview/events`);
    const chapter = join(manuscript, 'chapters', 'one.md');
    const text = await readFile(chapter, 'utf8');
    await writeFile(chapter, text.replace('# The First Chapter', '# A Renamed Chapter'));
    await events.next('reload', 60_000);
    assert.match(await fetchText(url), /A Renamed Chapter/);

    await writeFile(chapter, `${text}\nA call to a note that does not exist.[^nowhere]\n`);
    const failed = await events.next('failed', 60_000);
    assert.match(failed, /chapters\/one\.md:\d+:\d+: error: .*\[footnote-undefined\]/);
    assert.match(await fetchText(url), /A Renamed Chapter/, 'the last good pages stay');
    events.close();
  } finally {
    child.kill('SIGINT');
    await new Promise((done) => child.once('exit', done));
    await rm(work, { recursive: true, force: true });
  }
});

// The live preview, for real: serves the pages on 127.0.0.1, rebuilds on save, tells the page to reload,
// and on a broken save keeps the last good pages and sends the errors.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(import.meta.dirname, '..', '..');

function fetchText(url: string): Promise<string> {
  return fetch(url).then((r) => r.text());
}

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

// The speed-ups of the validators find exactly what the plain tools find, on an EPUB full of faults:
// EPUBCheck with its JVM flags and class-data-sharing archive (written, then used, then damaged) against a
// plain `java -jar`, and Ace in the build's own Chromium against Ace's own `ace-puppeteer` command.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import JSZip from 'jszip';
import { BrowserPool } from '../../src/browser.ts';
import { ace } from '../../src/check/ace.ts';
import { EPUBCHECK_JVM_FLAGS, epubcheck, epubcheckJar } from '../../src/check/epubcheck.ts';
import { startEpubcheckServer } from '../../src/check/epubcheck-server.ts';
import { execFileSync } from 'node:child_process';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { renderEpub } from '../../src/render/epub/index.ts';
import { makeBook } from '../epub/make-book.ts';

let dir: string;
let broken: string;
const savedCache = process.env.BOOKPIPE_CACHE_DIR;

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'validation-speed-ups-'));
  process.env.BOOKPIPE_CACHE_DIR = path.join(dir, 'cache');
  const pool = new BrowserPool();
  const good = path.join(dir, 'good.epub');
  try {
    await renderEpub(makeBook({ images: true }), good, { browser: pool, log: () => {}, signal: new AbortController().signal });
  } finally {
    await pool.close();
  }
  // Faults in the package and in two content documents, so that Ace checks several documents with findings.
  const zip = await JSZip.loadAsync(await readFile(good));
  const opf = await zip.file('OEBPS/content.opf')!.async('string');
  zip.file('OEBPS/content.opf', opf.replace(/\s*<meta property="schema:access[^\n]*/g, ''));
  const one = await zip.file('OEBPS/ch-01-chapter-1.xhtml')!.async('string');
  zip.file('OEBPS/ch-01-chapter-1.xhtml', one.replace(/ alt="[^"]*"/, '').replace('href="#n1"', 'href="#missing"'));
  const two = await zip.file('OEBPS/ch-02-chapter-2.xhtml')!.async('string');
  zip.file('OEBPS/ch-02-chapter-2.xhtml', two.replace('</h1>', '</h1><h4>Skipped levels</h4>' +
    '<p style="color:#c8c8c8;background-color:#ffffff">Pale text on white.</p><p><a href="#n2"></a></p><blink>old</blink>'));
  broken = path.join(dir, 'broken.epub');
  // JSZip's default compresses every entry, the mimetype too: PKG-007.
  await writeFile(broken, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
});
after(async () => {
  if (savedCache === undefined) delete process.env.BOOKPIPE_CACHE_DIR;
  else process.env.BOOKPIPE_CACHE_DIR = savedCache;
  await rm(dir, { recursive: true, force: true });
});

const archives = async () => (await readdir(path.join(dir, 'cache')).catch(() => [])).filter((f) => f.endsWith('.jsa'));

test('EPUBCheck finds the same with its archive and flags as a plain java -jar: written, used, damaged, not an archive', async () => {
  const plain = await epubcheck(broken, { fast: false });
  const rules = plain.map((d) => d.rule);
  for (const rule of ['PKG-007', 'RSC-012', 'RSC-005']) assert.ok(rules.includes(rule), `${rule} in ${rules.join(', ')}`);

  const modes: string[] = [];
  const onArchive = (m: string) => modes.push(m);
  const writing = await epubcheck(broken, { onArchive });
  assert.deepEqual(writing, plain);
  const [archive] = await archives();
  assert.ok(archive, 'the first run writes an archive');
  assert.match(archive, /^epubcheck-\d+-java17[\w.+-]*-[0-9a-f]{16}\.jsa$/);

  assert.deepEqual(await epubcheck(broken, { onArchive }), plain);
  assert.deepEqual(modes, ['write', 'use']);

  // Truncated: Java crashes on it; the run goes again without it, and the archive is deleted.
  const file = path.join(dir, 'cache', archive);
  await truncate(file, 1_000_000);
  modes.length = 0;
  assert.deepEqual(await epubcheck(broken, { onArchive }), plain);
  assert.deepEqual(modes, ['use', 'retried']);
  assert.equal(existsSync(file), false);
  assert.equal((await readdir(dir)).some((f) => f.startsWith('hs_err')), false);

  // Not an archive at all (Java would ignore it silently, forever): replaced by a fresh one.
  await writeFile(file, 'not an archive');
  modes.length = 0;
  assert.deepEqual(await epubcheck(broken, { onArchive }), plain);
  assert.deepEqual(modes, ['write']);
  assert.equal((await readFile(file)).readUInt32LE(0), 0xf00baba8);
});

test('the warm EPUBCheck server finds what a plain java -jar finds, run after run in one JVM; a dead server falls back', async () => {
  const plain = await epubcheck(broken, { fast: false });
  const good = await epubcheck(path.join(dir, 'good.epub'), { fast: false });
  assert.ok(plain.some((d) => d.severity === 'error'));
  const started = startEpubcheckServer(epubcheckJar(), EPUBCHECK_JVM_FLAGS);
  const server = await started;
  assert.ok(server, 'javac compiled the server and Java started it');
  const failed: string[] = [];
  const onServerFailed = (why: string) => failed.push(why);
  try {
    // Alternating a faulty and a clean EPUB: nothing one run found is carried into the next.
    assert.deepEqual(await epubcheck(broken, { server: started, onServerFailed }), plain);
    assert.deepEqual(await epubcheck(path.join(dir, 'good.epub'), { server: started, onServerFailed }), good);
    assert.deepEqual(await epubcheck(broken, { server: started, onServerFailed }), plain);
    assert.deepEqual(failed, []);
  } finally {
    await server.close();
  }
  // Closed (or dead): EPUBCheck runs the usual way, and says so.
  assert.deepEqual(await epubcheck(broken, { server: started, onServerFailed }), plain);
  assert.equal(failed.length, 1);
  assert.match(failed[0]!, /server was closed/);
  // The JVM and its temp folder are gone.
  await new Promise((r) => setTimeout(r, 300));
  const java = execFileSync('ps', ['-eo', 'args']).toString().split('\n').filter((l) => l.includes(`epubcheck-server-${process.pid}-`));
  assert.deepEqual(java, []);
  assert.deepEqual((await readdir(os.tmpdir())).filter((f) => f.startsWith(`epubcheck-server-${process.pid}-`)), []);
});

test('a server stopped during its warm-up leaves nothing behind (no zipped warm-up EPUB beside our sources)', async () => {
  const source = path.resolve(import.meta.dirname, '../../src/check');
  const before = await readdir(source);
  const server = await startEpubcheckServer(epubcheckJar(), EPUBCHECK_JVM_FLAGS);
  assert.ok(server);
  // EPUBCheck zips the unpacked warm-up EPUB within its first second or so: stopped while it does.
  await new Promise((r) => setTimeout(r, 1500));
  await server.close();
  assert.deepEqual((await readdir(source)).filter((f) => !before.includes(f)), []);
  assert.deepEqual((await readdir(os.tmpdir())).filter((f) => f.startsWith(`epubcheck-server-${process.pid}-`)), []);
});

test('Ace finds the same in the build\'s Chromium as its own ace-puppeteer command', async () => {
  const own = await ace(broken);
  const rules = own.map((d) => `${d.rule} ${d.severity}`);
  for (const rule of ['image-alt error', 'metadata-accessmode error', 'color-contrast error', 'link-name error']) {
    assert.ok(rules.includes(rule), `${rule} in ${rules.join(', ')}`);
  }
  const pool = new BrowserPool();
  let shared: Diagnostic[];
  let oneAtATime: Diagnostic[];
  try {
    shared = await ace(broken, { browser: () => pool.get() });
    oneAtATime = await ace(broken, { browser: () => pool.get(), concurrency: 1 });
    // Every tab Ace opened is closed again; the browser stays open for the build.
    assert.equal((await (await pool.get()).pages()).filter((p) => p.url() !== 'about:blank').length, 0);
  } finally {
    await pool.close();
  }
  assert.deepEqual(shared, own);
  assert.deepEqual(oneAtATime, own);
});

test('Ace in the build\'s Chromium stops at once when the build is stopped, and prints nothing', async () => {
  const pool = new BrowserPool();
  const controller = new AbortController();
  // Ace prints a failed document's error with console.log (on the build's stdout, now that it runs inside it).
  const printed: unknown[][] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => void printed.push(args);
  try {
    const browser = await pool.get();
    const checking = ace(broken, { browser: () => Promise.resolve(browser), signal: controller.signal });
    // Once its tabs are open, the build is stopped: the browser goes, as the build's abort handler closes it.
    while ((await browser.pages()).length < 2) await new Promise((r) => setTimeout(r, 20));
    const t0 = performance.now();
    const stopped = assert.rejects(checking, /stopped/);
    controller.abort(new Error('stopped'));
    await browser.close();
    await stopped;
    assert.ok(performance.now() - t0 < 2000, `stopped in ${Math.round(performance.now() - t0)} ms`);
    await new Promise((r) => setTimeout(r, 500));
  } finally {
    console.log = log;
    await pool.close();
  }
  assert.deepEqual(printed, []);
});

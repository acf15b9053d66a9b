// The EPUB opened the way a reading system without popups shows it: its XHTML served to real Chromium.
// A reader clicks a note call, lands on the note, and its back-link returns to the call.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import JSZip from 'jszip';
import type { Page } from 'puppeteer-core';
import { BrowserPool } from '../../src/browser.ts';
import type { RenderContext } from '../../src/render/context.ts';
import { renderEpub } from '../../src/render/epub/index.ts';
import { makeBook } from './make-book.ts';

const TYPES: Record<string, string> = {
  '.xhtml': 'application/xhtml+xml',
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.jpeg': 'image/jpeg',
};

let dir: string;
let pool: BrowserPool;
let ctx: RenderContext;
let server: Server;
let base: string;

/** Renders the book and unpacks it under dir/<name>/. */
async function unpack(name: string, notes: 'chapter' | 'book'): Promise<void> {
  const file = path.join(dir, `${name}.epub`);
  await renderEpub(makeBook({ notes, images: true, paragraphs: 25 }), file, ctx);
  const zip = await JSZip.loadAsync(await readFile(file));
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const target = path.join(dir, name, entry.name);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, await entry.async('nodebuffer'));
  }
}

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'epub-reader-'));
  pool = new BrowserPool();
  ctx = { browser: pool, log: () => {}, signal: new AbortController().signal };
  await unpack('chapter', 'chapter');
  await unpack('book', 'book');
  server = createServer(async (req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  await pool.close();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

async function open(url: string): Promise<Page> {
  const page = await (await pool.get()).newPage();
  await page.setViewport({ width: 480, height: 640 });
  await page.goto(url, { waitUntil: 'load' });
  const kind = await page.evaluate(() => document.contentType);
  assert.equal(kind, 'application/xhtml+xml', 'served and parsed as XHTML, as reading systems do');
  return page;
}

/** Is the element (at least partly) on screen? */
function inView(page: Page, selector: string): Promise<boolean> {
  return page.$eval(selector, (e) => {
    const r = e.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight;
  });
}

async function followAndReturn(page: Page, noteId: string, notesPath: string, chapterPath: string): Promise<void> {
  const call = `#nref-${noteId}`;
  const type = await page.$eval(call, (a) => a.getAttributeNS('http://www.idpf.org/2007/ops', 'type'));
  assert.equal(type, 'noteref', 'epub:type is in the OPS namespace, where reading systems look for it');
  if (notesPath === chapterPath) assert.equal(await inView(page, `#${noteId}`), false, 'the note starts out of view');
  else assert.equal(await page.$(`#${noteId}`), null, 'the note is in another document');

  const away = page.url().split('#')[0] !== `${base}${notesPath}` ? page.waitForNavigation() : Promise.resolve(null);
  await page.click(call);
  await away;
  await page.waitForFunction((id) => location.hash === `#${id}`, {}, noteId);
  assert.equal(new URL(page.url()).pathname, notesPath);
  assert.equal(await inView(page, `#${noteId}`), true, 'the note is on screen');
  const role = await page.$eval(`#${noteId}`, (e) => `${e.localName} ${e.getAttribute('role')} ${e.getAttributeNS('http://www.idpf.org/2007/ops', 'type')}`);
  // notes: book puts the notes in an endnotes list (a footnote aside stays hidden outside pop-ups in some readers).
  assert.equal(role, notesPath === chapterPath ? 'aside doc-footnote footnote' : 'li null endnote');

  if (notesPath === chapterPath) assert.equal(await inView(page, call), false, 'the call is off screen while reading the note');
  const back = `#${noteId} a[role="doc-backlink"]`;
  const home = notesPath !== chapterPath ? page.waitForNavigation() : Promise.resolve(null);
  await page.click(back);
  await home;
  await page.waitForFunction((id) => location.hash === `#nref-${id}`, {}, noteId);
  assert.equal(new URL(page.url()).pathname, chapterPath);
  assert.equal(await inView(page, call), true, 'back at the note call');
}

describe('a reader follows a note and comes back', () => {
  test('notes at the end of the chapter', async () => {
    const chapter = '/chapter/OEBPS/ch-02-chapter-2.xhtml';
    const page = await open(`${base}${chapter}`);
    try {
      await followAndReturn(page, 'n5', chapter, chapter);
    } finally {
      await page.close();
    }
  });

  test('notes at the end of the book (another document)', async () => {
    const chapter = '/book/OEBPS/ch-03-chapter-3.xhtml';
    const page = await open(`${base}${chapter}`);
    try {
      await followAndReturn(page, 'n8', '/book/OEBPS/notes.xhtml', chapter);
    } finally {
      await page.close();
    }
  });

  test('the contents page leads to a nested section', async () => {
    const page = await open(`${base}/book/OEBPS/toc.xhtml`);
    try {
      await Promise.all([page.waitForNavigation(), page.click('a[href="ch-01-chapter-1.xhtml#ch-01-chapter-1-riga"]')]);
      assert.equal(await inView(page, '#ch-01-chapter-1-riga'), true);
      const fonts = await page.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family} ${f.weight} ${f.style}`);
      });
      assert.ok(fonts.includes('Literata 400 normal'), `embedded Literata loaded: ${fonts.join(', ')}`);
    } finally {
      await page.close();
    }
  });
});

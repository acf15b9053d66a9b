// The generated cover: a real JPEG at 1600×2560 from Chromium, for short and very long titles.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BrowserPool } from '../../src/browser.ts';
import type { RenderContext } from '../../src/render/context.ts';
import { COVER_HEIGHT, COVER_WIDTH, coverHtml, renderEbookCover } from '../../src/render/cover/ebook-cover.ts';
import { makeBook } from './make-book.ts';

let pool: BrowserPool;
let ctx: RenderContext;
before(() => {
  pool = new BrowserPool();
  ctx = { browser: pool, log: () => {}, signal: new AbortController().signal };
});
after(() => pool.close());

/** Width and height from the JPEG's start-of-frame marker. */
function jpegSize(data: Buffer): { width: number; height: number } {
  assert.equal(data.readUInt16BE(0), 0xffd8, 'JPEG signature');
  let at = 2;
  while (at < data.length) {
    const marker = data.readUInt16BE(at);
    const length = data.readUInt16BE(at + 2);
    if (marker >= 0xffc0 && marker <= 0xffc3) return { height: data.readUInt16BE(at + 5), width: data.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  throw new Error('no SOF marker');
}

test('a 1600×2560 JPEG with the title drawn on it', async () => {
  const jpeg = await renderEbookCover(makeBook(), ctx);
  assert.deepEqual(jpegSize(jpeg), { width: COVER_WIDTH, height: COVER_HEIGHT });
  assert.ok(jpeg.length > 30_000, `a plain background would compress to almost nothing (${jpeg.length} bytes)`);
  const pages = await (await pool.get()).pages();
  assert.ok(pages.every((p) => p.url() === 'about:blank'), 'the cover page was closed');
});

test('metadata is escaped into the template; a very long title still renders', async () => {
  const book = makeBook();
  book.config.title = `Of <Forgeries> & ${'Very '.repeat(30)}Long Titles`;
  const html = await coverHtml(book);
  assert.match(html, /Of &lt;Forgeries&gt; &amp; Very/);
  assert.match(html, /<html lang="en-GB">/);
  const jpeg = await renderEbookCover(book, ctx);
  assert.deepEqual(jpegSize(jpeg), { width: COVER_WIDTH, height: COVER_HEIGHT });
});

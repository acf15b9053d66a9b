// The text guard of the PDF renderer: a chapter that Paged.js 0.4.3 lays out with lost lines (our handlers
// taken out of its document) is refused with the page and the text; with the handlers it lays out whole.
// A paragraph that repeats one sentence over several pages (Paged.js looks the break up by its text and
// finds the first occurrence) is laid out once, not with a page printed twice.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { BrowserPool } from '../../src/browser.ts';
import { renderHtml } from '../../src/render/html/index.ts';
import { layout } from '../../src/render/pdf/layout.ts';
import { splitBook, writeParts } from '../../src/render/pdf/parts.ts';
import { TextLossError } from '../../src/render/pdf/text-guard.ts';
import { makeBook } from './make-book.ts';

const pool = new BrowserPool();
after(() => pool.close());

test('the guard refuses a laid-out chapter that lost lines, and our handlers keep them', { timeout: 300_000 }, async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'bp-guard-'));
  try {
    const book = makeBook({ chapters: 1, paragraphs: 40, noteEvery: 1, longNoteParagraphs: 4 });
    const ctx = { browser: pool, log: () => {}, signal: new AbortController().signal };
    const { indexFile } = await renderHtml(book, dir, ctx);
    const parts = await writeParts(splitBook(await readFile(indexFile, 'utf8')), dir);
    const chapter = parts[1]!;
    const page = await (await pool.get()).newPage();
    try {
      const whole = await layout(page, chapter.file, 120_000, ctx.signal);
      assert.ok(whole.pages > 20, `${whole.pages} pages`);

      const handlers = 'Paged.registerHandlers(VerseAndFigures, HeadingsKeepTheirText, WholeWordBreaks, RepeatedTextBreaks, KeepOverset);';
      const html = await readFile(chapter.file, 'utf8');
      assert.ok(html.includes(handlers), 'the handlers are in the document');
      await writeFile(chapter.file, html.replace(handlers, ''));
      await assert.rejects(layout(page, chapter.file, 120_000, ctx.signal), (err: unknown) => {
        assert.ok(err instanceof TextLossError, String(err));
        assert.ok(err.losses.length > 0);
        assert.match(err.message, /Paged\.js lost text in .*_print-part-001\.html: on page \d+ of that part, “\w+” is laid out outside the text block/);
        return true;
      });
    } finally {
      await page.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a paragraph repeating one sentence over three pages is laid out once, its break found at the right repeat', { timeout: 300_000 }, async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'bp-repeat-'));
  try {
    const book = makeBook({ chapters: 1, paragraphs: 1, noteEvery: 0 });
    const sentence = 'The quick brown fox jumps over the lazy dog and keeps running into the distance. ';
    const chapter = book.chapters[0]!;
    chapter.content.children.splice(1, Infinity,
      { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: sentence.repeat(46).trim() }] },
      { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: 'After.' }] });
    const ctx = { browser: pool, log: () => {}, signal: new AbortController().signal };
    const { indexFile } = await renderHtml(book, dir, ctx);
    const parts = await writeParts(splitBook(await readFile(indexFile, 'utf8')), dir);
    const part = parts[1]!;
    const page = await (await pool.get()).newPage();
    try {
      const laid = await layout(page, part.file, 120_000, ctx.signal);
      const text = await page.evaluate(() => [...document.querySelectorAll('.pagedjs_page_content')].map((c) => (c as HTMLElement).innerText).join(' '));
      const norm = text.replace(/[\s\u00AD\u2010\u2011-]+/g, '');
      assert.equal(norm.split('Thequickbrownfox').length - 1, 46, 'each repeat printed once');
      assert.ok(norm.endsWith('After.'), norm.slice(-80));
      assert.ok(laid.pages >= 3 && laid.pages <= 4, `${laid.pages} pages`);

      // Without the handler, Paged.js starts a page too early: the guard sees the text twice.
      const handlers = 'Paged.registerHandlers(VerseAndFigures, HeadingsKeepTheirText, WholeWordBreaks, RepeatedTextBreaks, KeepOverset);';
      const html = await readFile(part.file, 'utf8');
      await writeFile(part.file, html.replace(handlers, handlers.replace('RepeatedTextBreaks, ', '')));
      await assert.rejects(layout(page, part.file, 120_000, ctx.signal), TextLossError);
    } finally {
      await page.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

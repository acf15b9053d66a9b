// A book of more than 300 pages with a note in every paragraph (every third note long), laid out by parts:
// the same read-back guarantees as the short fixtures, plus what joining the parts must keep (bookmarks for
// every chapter, the contents entries as links to the chapter openings, the tag tree) and the same bytes
// on a second build.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString, PDFHexString } from 'pdf-lib';
import type { Book } from '../../src/book/model.ts';
import { BrowserPool } from '../../src/browser.ts';
import { renderHtml } from '../../src/render/html/index.ts';
import { kdpGutter } from '../../src/render/html/page-geometry.ts';
import { lastPdfTimings, renderPdf } from '../../src/render/pdf/index.ts';
import { makeBook } from './make-book.ts';
import { assertPrintGuarantees, assertTextAndNotes } from './print-guarantees.ts';

const pool = new BrowserPool();
after(() => pool.close());
const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function print(book: Book, log: (s: string) => void): Promise<{ pdf: string; pages: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bp-long-'));
  dirs.push(dir);
  const ctx = { browser: pool, log, signal: new AbortController().signal };
  await renderHtml(book, path.join(dir, 'html'), ctx);
  const pdf = path.join(dir, 'book.pdf');
  const { pages } = await renderPdf(book, path.join(dir, 'html'), pdf, ctx);
  const t = lastPdfTimings!;
  log(`${pages} pages, ${t.parts} parts in ${t.tabs} tabs: layout ${t.layoutMs.map(Math.round).join(' + ')} ms, print ${Math.round(t.printMs)} ms (summed), finish ${Math.round(t.finishMs)} ms, total ${Math.round(t.totalMs)} ms`);
  return { pdf, pages };
}
const sha256 = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');
const text = (o: unknown) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : '');

const NUMBERS = 'One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen Sixteen'.split(' ');
const book = makeBook({ chapters: 16, paragraphs: 40, noteEvery: 1, titles: NUMBERS.map((n) => `Part ${n} of the Affair`) });
let first: { pdf: string; pages: number } | undefined;

test('a 300-page book with many notes: every note on the page of its call, every word printed', { timeout: 900_000 }, async (t) => {
  first ??= await print(book, (s) => t.diagnostic(s));
  await assertPrintGuarantees(book, first.pdf, first.pages);
});

test('a 300-page book with many notes keeps every other print guarantee, and rebuilds byte-identical', { timeout: 900_000 }, async (t) => {
  first ??= await print(book, (s) => t.diagnostic(s));
  assert.ok(first.pages >= 300, `only ${first.pages} pages`);
  assert.match(await readFile(path.join(path.dirname(first.pdf), 'html', 'index.html'), 'utf8'), new RegExp(`gutter ${kdpGutter(first.pages)}in for`));
  await assertPrintGuarantees(book, first.pdf, first.pages, { notes: false, text: false });

  const doc = await PDFDocument.load(await readFile(first.pdf), { updateMetadata: false });
  // Bookmarks: one per chapter (and the bibliography), in order, each to the chapter's opening page.
  const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
  const titles: string[] = [];
  for (let item = outlines.get(PDFName.of('First')); item instanceof PDFRef; ) {
    const dict = doc.context.lookup(item, PDFDict);
    titles.push(text(dict.lookup(PDFName.of('Title'))));
    item = dict.get(PDFName.of('Next'));
  }
  const headings = [...book.chapters.map((c) => c.title), 'Bibliography'];
  assert.deepEqual(titles.filter((x) => headings.includes(x)), headings);
  // The contents entries link to the chapters' opening pages.
  const pages = doc.getPages();
  const contents = pages.findIndex((p) => p.node.lookup(PDFName.of('Annots')) instanceof PDFArray);
  const annots = pages[contents]!.node.lookup(PDFName.of('Annots'), PDFArray);
  assert.equal(annots.size(), headings.length, 'one link per contents entry');
  // A link's destination: an explicit array, or a name in the catalog's /Dests (Chromium's own links).
  const named = doc.catalog.lookup(PDFName.of('Dests'));
  const targets = annots.asArray().map((a) => {
    let dest = (doc.context.lookup(a, PDFDict)).lookup(PDFName.of('Dest'));
    if (dest instanceof PDFName && named instanceof PDFDict) dest = named.lookup(dest);
    assert.ok(dest instanceof PDFArray, `a contents link to a page (${String(dest)})`);
    return pages.findIndex((p) => p.ref === dest.get(0)) + 1;
  });
  assert.ok(targets.every((n) => n % 2 === 1), `links to odd pages: ${targets.join(', ')}`);
  assert.deepEqual([...targets].sort((a, b) => a - b), targets, 'links in book order');
  // One tag tree: a /Document element holding every part's elements.
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  const documentElem = root.lookup(PDFName.of('K'), PDFDict);
  assert.equal(documentElem.get(PDFName.of('S')), PDFName.of('Document'));
  assert.ok(documentElem.lookup(PDFName.of('K'), PDFArray).size() > book.chapters.length);

  const second = await print(book, (s) => t.diagnostic(s));
  assert.equal(await sha256(second.pdf), await sha256(first.pdf), 'two builds give the same bytes');
});

// The book where Paged.js used to drop lines (the line with call 221 on page 235, and others): a note call
// near the foot of a page, a long note, the page break inside a soft-hyphenated word (see
// src/render/html/paged-handlers.js). Its chapter titles repeat, so only text and notes are checked.
test('long notes at page feet: no line is lost, every note on the page of its call', { timeout: 900_000 }, async (t) => {
  const lossy = makeBook({ chapters: 9, paragraphs: 40, noteEvery: 1, longNoteParagraphs: 4 });
  const { pdf, pages } = await print(lossy, (s) => t.diagnostic(s));
  await assertTextAndNotes(lossy, pdf, pages);
});

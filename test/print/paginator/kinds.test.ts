// The measuring paginator on a real book with every kind of page (test/fixtures/frankenstein: half title,
// dedication and epigraph display pages, parts, letters with datelines and signatures, an afterword in the
// back matter): its contents match the Paged.js path's entry for entry, and each number is the folio printed on
// a right-hand page that opens with that title. Real Chromium, real poppler.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { after, test } from 'node:test';
import { loadBook } from '../../../src/book/load.ts';
import { BrowserPool } from '../../../src/browser.ts';
import { pageGeometry } from '../../../src/render/html/page-geometry.ts';
import { folio, linesAtSize, readPages, runningHead, tool } from '../read-back.ts';
import { printWith } from './print-with.ts';

const pool = new BrowserPool();
after(() => pool.close());
const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function contents(pdf: string): Promise<Array<{ title: string; page: string }>> {
  const read = await readPages(pdf);
  const at = read.find((p) => linesAtSize(p, 16)[0] === 'Contents');
  assert.ok(at, 'contents page found');
  const text = await tool('pdftotext', ['-layout', '-f', String(at.number), '-l', String(at.number), pdf, '-']);
  return [...text.matchAll(/^\s*(\S.*?)\s{2,}(\d+)\s*$/gm)].map((m) => ({ title: m[1]!, page: m[2]! }));
}

test('paginator chromium: Frankenstein’s contents equal the Paged.js path’s and the folios printed', { timeout: 600_000 }, async (t) => {
  const { book } = await loadBook(path.join(import.meta.dirname, '..', '..', 'fixtures', 'frankenstein'));
  const ours = await printWith(book, 'chromium', pool, dirs, (s) => t.diagnostic(s));
  const paged = await printWith(book, 'pagedjs', pool, dirs);
  const entries = await contents(ours.pdf);
  assert.ok(entries.length >= 8, `contents entries: ${JSON.stringify(entries)}`);
  assert.deepEqual(entries, await contents(paged.pdf));
  const g = pageGeometry(book.config.print, ours.pages);
  const read = await readPages(ours.pdf);
  for (const entry of entries) {
    const opening = read.find((p) => folio(p, g.height * 72 - g.bottom * 72) === entry.page);
    assert.ok(opening, `a page with folio ${entry.page} (${entry.title})`);
    assert.equal(opening.number % 2, 1, `${entry.title} opens on page ${opening.number}, a left-hand page`);
    const words = opening.words.map((w) => w.text).join(' ');
    assert.ok(words.includes(entry.title.split(':')[0]!.split(' ').slice(-1)[0]!), `${entry.title} on the page with folio ${entry.page}: ${words.slice(0, 80)}`);
    assert.equal(runningHead(opening, g.top * 72), undefined, `no running head on the opening of ${entry.title}`);
  }
  // Layout numbers for the EPUB: the first body page is folio 1.
  assert.equal(ours.layout.pages.find((p) => p.label === '1')?.physical, read.find((p) => folio(p, g.height * 72 - g.bottom * 72) === '1')?.number);
});

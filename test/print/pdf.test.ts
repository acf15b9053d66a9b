// The print PDF, read back with poppler: trim on every page, fonts embedded, notes on the page of their
// call, contents numbers equal to the printed folios, chapters on odd pages, no text outside the text
// block, running heads, reproducible bytes. Real Chromium, real poppler.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { Book } from '../../src/book/model.ts';
import { fileURLToPath } from 'node:url';
import { loadBook } from '../../src/book/load.ts';
import { BrowserPool } from '../../src/browser.ts';
import { renderHtml } from '../../src/render/html/index.ts';
import { lastPdfTimings, renderPdf } from '../../src/render/pdf/index.ts';
import { makeBook } from './make-book.ts';
import { assertPrintGuarantees } from './print-guarantees.ts';

const pool = new BrowserPool();
after(() => pool.close());
const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function print(book: Book, log: (s: string) => void = () => {}): Promise<{ pdf: string; pages: number; html: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bp-print-'));
  dirs.push(dir);
  const ctx = { browser: pool, log, signal: new AbortController().signal };
  const t0 = performance.now();
  await renderHtml(book, path.join(dir, 'html'), ctx);
  const htmlMs = performance.now() - t0;
  const pdf = path.join(dir, 'book.pdf');
  const { pages } = await renderPdf(book, path.join(dir, 'html'), pdf, ctx);
  const t = lastPdfTimings!;
  log(`timings: html ${ms(htmlMs)}, browser ${ms(t.launchMs)}, layout ${t.layoutMs.map(ms).join(' + ')}, print ${ms(t.printMs)}, finish ${ms(t.finishMs)}; ${pages} pages`);
  return { pdf, pages, html: path.join(dir, 'html', 'index.html') };
}
const ms = (x: number) => `${Math.round(x)} ms`;
const sha256 = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

const manuscript = (await loadBook(fileURLToPath(new URL('../../manuscript', import.meta.url)))).book;
const FIXTURES: Array<[string, Book]> = [
  ['the manuscript', manuscript],
  ['small book', makeBook({ chapters: 3, paragraphs: 14, noteEvery: 3 })],
  ['many long notes', makeBook({ chapters: 5, paragraphs: 40, noteEvery: 1, longNoteParagraphs: 4 })],
];

for (const [name, book] of FIXTURES) {
  test(`print PDF read back: ${name}`, { timeout: 600_000 }, async (t) => {
    const { pdf, pages } = await print(book, (s) => t.diagnostic(s));
    await assertPrintGuarantees(book, pdf, pages);
  });
}

test('two renders of the same book are byte-identical', { timeout: 300_000 }, async () => {
  const book = makeBook({ chapters: 2, paragraphs: 10, noteEvery: 2 });
  const a = await print(book);
  const b = await print(book);
  assert.equal(await sha256(a.pdf), await sha256(b.pdf));
  assert.equal(await sha256(a.html), await sha256(b.html));
});

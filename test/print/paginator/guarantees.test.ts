// The measuring paginator (book.yaml `print.paginator: chromium`) on books it supports: every print
// guarantee read back from the PDF with poppler, as the Paged.js path passes them; and the constructs it does
// not support yet stop the build with an error naming them. Real Chromium, real poppler.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { after, test } from 'node:test';
import { BrowserPool } from '../../../src/browser.ts';
import { BuildError } from '../../../src/diagnostics.ts';
import { makeBook } from '../make-book.ts';
import { assertPrintGuarantees } from '../print-guarantees.ts';
import { printWith } from './print-with.ts';

const pool = new BrowserPool();
after(() => pool.close());
const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

test('paginator chromium: a book without notes keeps every print guarantee', { timeout: 300_000 }, async (t) => {
  const book = makeBook({ chapters: 3, paragraphs: 14, noteEvery: 0 });
  const { pdf, pages, layout } = await printWith(book, 'chromium', pool, dirs, (s) => t.diagnostic(s));
  await assertPrintGuarantees(book, pdf, pages);
  // Page starts for the EPUB's page-list: every chapter's first page, counted from its start.
  for (const c of book.chapters) assert.ok(layout.pages.some((p) => p.chapterId === c.id && p.offset === 0), `page start of ${c.id}`);
  assert.equal(layout.folios.get(book.chapters[0]!.id), 1);
});

test('paginator chromium: a longer book (chapters over many pages) keeps every print guarantee', { timeout: 300_000 }, async (t) => {
  const book = makeBook({ chapters: 5, paragraphs: 60, noteEvery: 0 });
  const { pdf, pages } = await printWith(book, 'chromium', pool, dirs, (s) => t.diagnostic(s));
  await assertPrintGuarantees(book, pdf, pages);
});

test('paginator chromium: footnotes stop the build with an error naming them and the way out', { timeout: 300_000 }, async () => {
  const book = makeBook({ chapters: 2, paragraphs: 6, noteEvery: 2 });
  await assert.rejects(printWith(book, 'chromium', pool, dirs), (err: unknown) => {
    assert.ok(err instanceof BuildError);
    const d = err.diagnostics[0]!;
    assert.equal(d.rule, 'paginator-footnotes');
    assert.equal(d.file, 'chapters/ch-01.md');
    assert.match(d.message, /footnotes/);
    assert.match(d.hint!, /paginator: pagedjs/);
    return true;
  });
});

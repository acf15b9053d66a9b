// The measuring paginator (book.yaml `print.paginator: chromium`) on the books it supports, with and without
// footnotes: every print guarantee read back from the PDF with poppler, as the Paged.js path passes them; and
// what it does not support yet stops the build with an error naming it. Real Chromium, real poppler.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { after, test } from 'node:test';
import { BrowserPool } from '../../../src/browser.ts';
import { BuildError } from '../../../src/diagnostics.ts';
import { makeBook } from '../make-book.ts';
import { assertPrintGuarantees } from '../print-guarantees.ts';
import { printWith } from './print-with.ts';

const producer = (pdf: string) => /^Producer:\s*(.*)$/m.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1] ?? '';

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

// The note fixtures of test/print/pdf.test.ts: every note at the foot of the page of its call.
for (const [name, options] of [
  ['small book with notes', { chapters: 3, paragraphs: 14, noteEvery: 3 }],
  ['many long notes', { chapters: 5, paragraphs: 40, noteEvery: 1, longNoteParagraphs: 4 }],
] as const) {
  test(`paginator chromium: ${name} keeps every print guarantee`, { timeout: 300_000 }, async (t) => {
    const book = makeBook(options);
    const { pdf, pages } = await printWith(book, 'chromium', pool, dirs, (s) => t.diagnostic(s));
    await assertPrintGuarantees(book, pdf, pages);
  });
}

test('paginator chromium: what it cannot set yet stops the build with an error naming it and the way out', { timeout: 300_000 }, async () => {
  const book = makeBook({ chapters: 2, paragraphs: 6, noteEvery: 0 });
  book.config = { ...book.config, print: { ...book.config.print, bleed: true } };
  await assert.rejects(printWith(book, 'chromium', pool, dirs), (err: unknown) => {
    assert.ok(err instanceof BuildError);
    const d = err.diagnostics[0]!;
    assert.equal(d.rule, 'paginator-bleed');
    assert.equal(d.file, 'book.yaml');
    assert.match(d.message, /bleed/);
    assert.match(d.hint!, /paginator: pagedjs/);
    return true;
  });
});

test('by default, a book with what the measuring paginator cannot set is laid out by Paged.js, and the build says why', { timeout: 300_000 }, async () => {
  const book = makeBook({ chapters: 2, paragraphs: 6, noteEvery: 0 });
  book.config = { ...book.config, print: { ...book.config.print, bleed: true } };
  const said: string[] = [];
  const { pdf, pages } = await printWith(book, undefined, pool, dirs, (s) => said.push(s));
  assert.ok(said.some((s) => /laid out by Paged\.js: the measuring paginator does not yet support bleed or crop marks/.test(s)), said.join('\n'));
  assert.match(producer(pdf), /Paged\.js/);
  assert.ok(pages >= 2);
  // Without bleed the same book is set by the measuring paginator.
  const plain = makeBook({ chapters: 2, paragraphs: 6, noteEvery: 0 });
  said.length = 0;
  const measured = await printWith(plain, undefined, pool, dirs, (s) => said.push(s));
  assert.ok(said.some((s) => /paginator: chromium/.test(s)), said.join('\n'));
  assert.match(producer(measured.pdf), /measuring paginator/);
});

test('paginator chromium: page references in a book with a design are set, with their folios', { timeout: 300_000 }, async () => {
  const book = makeBook({ chapters: 2, paragraphs: 6, noteEvery: 0 });
  book.config = { ...book.config, design: { name: 'classic', settings: {} } };
  book.chapters[1]!.content.children.push({ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: 'As shown in ' }, { type: 'element', tagName: 'a', properties: { href: '#ch-01-title', className: ['page-ref'] }, children: [{ type: 'text', value: 'the first chapter' }] }, { type: 'text', value: ', it holds.' }] });
  const said: string[] = [];
  const { pdf, pages, layout } = await printWith(book, 'chromium', pool, dirs, (s) => said.push(s));
  assert.ok(said.some((s) => /paginator: chromium/.test(s)), said.join('\n'));
  assert.equal(layout.folios.get('ch-01-title'), 1);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, ' ');
  assert.match(text, /the first chapter[^,]*\b1\b[^,]*, it holds/);
  assert.ok(pages >= 4);
});

test('paginator chromium: two renders of the same book are byte-identical', { timeout: 300_000 }, async () => {
  const book = makeBook({ chapters: 2, paragraphs: 10, noteEvery: 2 });
  const a = await printWith(book, 'chromium', pool, dirs);
  const b = await printWith(book, 'chromium', pool, dirs);
  assert.equal(createHash('sha256').update(await readFile(a.pdf)).digest('hex'), createHash('sha256').update(await readFile(b.pdf)).digest('hex'));
});

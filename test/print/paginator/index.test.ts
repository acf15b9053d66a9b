// The measuring paginator (book.yaml `print.paginator: chromium`) sets an index and page references: the
// index book (test/fixtures/index-book) and the essay (manuscript/) built with it. Every number the printed
// index gives is the folio of a page where the marked words are, and every page reference prints the folio of
// the page its target is on (pdftotext, page by page: test/index/printed-index.ts, as the index tests read
// the Paged.js path's); the index is in two columns with its running head; every print guarantee holds.
// Real Chromium, real poppler.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { after, test } from 'node:test';
import { loadBook } from '../../../src/book/load.ts';
import type { Book } from '../../../src/book/model.ts';
import { BrowserPool } from '../../../src/browser.ts';
import { assertIndexLocators, folioOf, letters, lines, wordsAfter } from '../../index/printed-index.ts';
import { assertPrintGuarantees } from '../print-guarantees.ts';
import { readPages, tool } from '../read-back.ts';
import { printWith } from './print-with.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const pool = new BrowserPool();
after(() => pool.close());
const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

/** Each page reference in the book: its link's words and its target's id, with the chapter the target is in. */
function pageRefs(book: Book): Array<{ words: string; id: string; target: Root }> {
  const refs: Array<{ words: string; id: string }> = [];
  const text = (n: RootContent): string => (n.type === 'text' ? n.value : 'children' in n ? n.children.map(text).join('') : '');
  const visit = (n: Root | RootContent) => {
    if (n.type === 'element' && n.tagName === 'a' && [(n as Element).properties.className ?? []].flat().includes('page-ref')) {
      refs.push({ words: n.children.map(text).join(''), id: decodeURIComponent(String(n.properties.href).replace(/^[^#]*#/, '')) });
    }
    if ('children' in n) for (const c of n.children) visit(c);
  };
  for (const c of book.chapters) visit(c.content);
  const has = (root: Root, id: string) => JSON.stringify(root).includes(`"id":${JSON.stringify(id)}`);
  return refs.map((r) => ({ ...r, target: book.chapters.find((c) => has(c.content, r.id))!.content }));
}

// The index book's figure caption and table are set at the notes' size, which the guarantees' text streams
// (body and notes, told apart by size) cannot place: its every word is checked by the paginator's text guard.
// The index book has a forward and a backward page reference; the essay has none (only its index).
for (const [name, folder, minimum, text, minRefs] of [['the index book', 'test/fixtures/index-book', 55, false, 2], ['the essay', 'manuscript', 80, true, 0]] as const) {
  test(`paginator chromium: ${name}: the index's numbers and the page references are the folios where they point`, { timeout: 600_000 }, async (t) => {
    const { book } = await loadBook(path.join(ROOT, folder));
    const { pdf, pages } = await printWith(book, 'chromium', pool, dirs, (s) => t.diagnostic(s));
    await assertPrintGuarantees(book, pdf, pages, { text });
    const read = await readPages(pdf);
    const pdfText = ['', ...(await tool('pdftotext', [pdf, '-'])).split('\f')];
    const checked = assertIndexLocators(book, read, pdfText);
    assert.ok(checked >= minimum, `${checked} index numbers checked`);
    // The index: two columns, nothing across the gutter, its running head after its first page.
    const first = read.findIndex((p) => lines(p)[0]?.text === 'Index');
    for (const page of read.slice(first)) {
      const middle = page.width / 2;
      // Its lines but the first (the heading or the running head) and the last (the folio).
      const body = lines(page).slice(1, -1).map((l) => l.y);
      const words = page.words.filter((w) => body.some((y) => Math.abs(y - w.y1) < 2));
      assert.ok(words.some((w) => w.x1 < middle - 5) && words.some((w) => w.x0 > middle + 5), `page ${page.number}: two columns`);
      assert.ok(words.every((w) => w.x1 < middle + 3 || w.x0 > middle - 3), `page ${page.number}: nothing crosses the gutter between the columns`);
    }
    for (const page of read.slice(first + 1)) assert.equal(lines(page)[0]?.text, 'Index', `page ${page.number}: running head`);
    // Page references: “words (page N)”, and the target's first words on the page with folio N.
    const refs = pageRefs(book);
    assert.ok(refs.length >= minRefs, `${refs.length} page references`);
    const all = letters(pdfText.join(' '));
    const byFolio = new Map(read.map((p) => [folioOf(p), p.number] as const));
    for (const ref of refs) {
      const m = new RegExp(`${letters(ref.words)}page(\\d+)`).exec(all);
      assert.ok(m, `“${ref.words} (page N)” printed`);
      const physical = byFolio.get(Number(m[1]));
      assert.ok(physical, `${ref.words}: a page with folio ${m[1]}`);
      const target = wordsAfter(ref.target, ref.id);
      const here = letters(pdfText[physical]!);
      assert.ok(target && here.includes(letters(target.split(' ')[0]!)) && (here + letters(pdfText[physical + 1] ?? '')).includes(letters(target)), `${ref.words} (page ${m[1]}): its target “${target}” is not on that page`);
    }
  });
}

// The measuring paginator (book.yaml `print.paginator: chromium`) on books of long plain paragraphs, the
// cases that stopped the endnotes book's build (issue 19):
// - no italic anywhere in the text: the running heads are set in italic by Chromium's own margin boxes, which
//   no layout asks for before the print, so the italic face was still loading (`font-display: block`) when
//   the sheets were printed, and they came out with their folios but no heads (the print check stopped it);
// - a code block of wrapped prose: `white-space: pre-wrap` keeps the spaces where its lines wrap, hanging past
//   the text block's right edge; the text guard took them for text laid out outside the block and stopped the
//   build (both paginators), though a space prints nothing.
// Real Chromium, real poppler.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import type { Element, ElementContent } from 'hast';
import { after, test } from 'node:test';
import { BrowserPool } from '../../../src/browser.ts';
import { makeBook, prose } from '../make-book.ts';
import { assertPrintGuarantees } from '../print-guarantees.ts';
import { squash, tool } from '../read-back.ts';
import { printWith } from './print-with.ts';

const pool = new BrowserPool();
after(() => pool.close());
const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const hasItalic = (nodes: ElementContent[]): boolean => nodes.some((n) => n.type === 'element' && (n.tagName === 'em' || n.tagName === 'i' || hasItalic(n.children)));
const roman = (nodes: ElementContent[]): ElementContent[] => nodes.flatMap((n) => (n.type === 'element' && n.tagName === 'em' ? roman(n.children) : [n]));

/**
 * Long paragraphs only: no notes, no subtitle (the title page sets it in italic), and the bibliography's
 * titles (the fixture's only other italic) set in roman.
 */
function plainBook() {
  const book = makeBook({ chapters: 3, paragraphs: 14, noteEvery: 0 });
  const { subtitle: _, ...config } = book.config;
  book.config = config;
  book.bibliography = book.bibliography.map((e) => ({ ...e, content: roman(e.content) }));
  return book;
}

test('paginator chromium: a book with no italic text prints the running heads in italic on every page that has one', { timeout: 300_000 }, async (t) => {
  const book = plainBook();
  assert.ok(!book.chapters.some((c) => hasItalic(c.content.children as ElementContent[])) && !book.bibliography.some((e) => hasItalic(e.content)), 'the book has no italic text');
  const { pdf, pages } = await printWith(book, 'chromium', pool, dirs, (s) => t.diagnostic(s));
  // The running heads' face is embedded (it was not when the sheets printed before it had loaded).
  assert.match(await tool('pdffonts', [pdf]), /\+Literata-Italic\s/);
  await assertPrintGuarantees(book, pdf, pages);
});

for (const paginator of ['chromium', 'pagedjs'] as const) {
  test(`paginator ${paginator}: a code block of wrapped prose (spaces hanging at its lines' ends) is printed, every word`, { timeout: 300_000 }, async (t) => {
    const book = plainBook();
    const code = [prose(9001, 90), prose(9002, 60)].join('\n\n');
    const pre: Element = { type: 'element', tagName: 'pre', properties: {}, children: [{ type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value: code }] }] };
    book.chapters[0]!.content.children.splice(3, 0, pre);
    const { pdf } = await printWith(book, paginator, pool, dirs, (s) => t.diagnostic(s));
    const printed = squash(await tool('pdftotext', [pdf, '-']));
    assert.ok(printed.includes(squash(code)), 'the code block is printed whole, in order');
  });
}

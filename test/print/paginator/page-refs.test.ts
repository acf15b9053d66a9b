// The measuring paginator (book.yaml `print.paginator: chromium`) sets page references (`{.page-ref}`): each
// prints the folio of the page its target was really laid out on (read back with poppler, page by page),
// forward and backward, after the folios written into the text (`00` before the first layout) have settled;
// every print guarantee holds. Real Chromium, real poppler.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import type { ElementContent } from 'hast';
import { after, test } from 'node:test';
import { BrowserPool } from '../../../src/browser.ts';
import { makeBook } from '../make-book.ts';
import { assertPrintGuarantees } from '../print-guarantees.ts';
import { arabicFolio as folioOf, baselines as lines, readPages } from '../read-back.ts';
import { printWith } from './print-with.ts';

const pool = new BrowserPool();
after(() => pool.close());
const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const ref = (href: string, words: string): ElementContent => ({ type: 'element', tagName: 'a', properties: { href, className: ['page-ref'] }, children: [{ type: 'text', value: words }] });
const para = (...children: ElementContent[]): ElementContent => ({ type: 'element', tagName: 'p', properties: {}, children });

test('paginator chromium: page references print the folio their target was laid out on', { timeout: 300_000 }, async (t) => {
  const book = makeBook({ chapters: 3, paragraphs: 20, noteEvery: 4 });
  // Forward from the first chapter's opening, backward from the last chapter's end, and to a chapter itself.
  book.chapters[0]!.content.children.splice(2, 0, para({ type: 'text', value: 'As told in ' }, ref('#ch-03-s13', 'the harbour survey'), { type: 'text', value: ', the rest follows.' }));
  book.chapters[2]!.content.children.push(para({ type: 'text', value: 'Compare ' }, ref('#ch-02-s7', 'the dredging account'), { type: 'text', value: ' and ' }, ref('#ch-02-title', 'the second chapter'), { type: 'text', value: '.' }));
  const logged: string[] = [];
  const { pdf, pages } = await printWith(book, 'chromium', pool, dirs, (s) => {
    logged.push(s);
    t.diagnostic(s);
  });
  await assertPrintGuarantees(book, pdf, pages);
  const read = await readPages(pdf);
  // Where each target really is: the first page (with an arabic folio: not the contents) with its heading as a
  // line (a chapter's title is also the running head of its later pages).
  const whereIs = (heading: string) => {
    const found = read.find((p) => folioOf(p) !== undefined && lines(p).some((l) => l.text === heading));
    assert.ok(found, `a body page with the heading "${heading}"`);
    return folioOf(found)!;
  };
  const printed = read.map((p) => p.words.map((w) => w.text).join(' ')).join(' ');
  const says = (words: string) => {
    const m = new RegExp(`${words.replace(/ /g, '\\s+')}\\s+\\(page\\s+(\\d+)\\)`).exec(printed);
    assert.ok(m, `"${words} (page N)" printed`);
    return Number(m[1]);
  };
  const targets = { 'the harbour survey': 'Section 3.3', 'the dredging account': 'Section 2.2', 'the second chapter': book.chapters[1]!.title };
  for (const [words, heading] of Object.entries(targets)) assert.equal(says(words), whereIs(heading), `${words} → ${heading}`);
  // The first layout wrote `00`: the folios had to be written in and the book laid out again.
  assert.ok(logged.some((s) => /page references' folios written in/.test(s)), 'laid out again with the folios');
});

// insertPageBreaks: a marker at the letter a printed page begins with, counted as print counts them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Element } from 'hast';
import type { PrintPage } from '../../src/book/print-pages.ts';
import { el, serialize, text } from '../../src/render/epub/hast.ts';
import { insertPageBreaks } from '../../src/render/epub/page-breaks.ts';

const page = (label: string, offset: number): PrintPage => ({ label, physical: Number(label), chapterId: 'c', offset });
const mark = (n: string) => `<span epub:type="pagebreak" role="doc-pagebreak" id="page-${n}" aria-label="${n}"></span>`;

function section(): Element {
  return el('section', {}, [
    el('h1', {}, [text('Title')]),
    el('p', {}, [
      text('One “two” thr'),
      el('sup', { className: ['noteref'] }, [el('a', {}, [text('12')])]),
      text('ee, '),
      el('em', {}, [text('four')]),
    ]),
    el('p', {}, [text('Five.')]),
  ]);
}

test('a page that begins a block gets its marker before the block', () => {
  const s = section();
  const placed = insertPageBreaks(s, [page('1', 0), page('2', 20)]);
  assert.deepEqual(placed.map((p) => p.label), ['1', '2']);
  assert.equal(serialize(s), `<section>${mark('1')}<h1>Title</h1><p>One “two” three, <em>four</em></p>${mark('2')}<p>Five.</p></section>`.replace('three', 'thr<sup class="noteref"><a>12</a></sup>ee'));
});

test('inside a paragraph: before the word with its opening quote, or inside a word split over pages; note calls do not count', () => {
  const s = section();
  // Letters before: Title 5, One 3 → “two” at 8; two 3, thr 3 → “ee” at 14; four ends at 20.
  insertPageBreaks(s, [page('3', 8), page('4', 14)]);
  const html = serialize(s);
  assert.ok(html.includes(`One ${mark('3')}“two” thr<sup class="noteref"><a>12</a></sup>${mark('4')}ee, `), html);
});

test('the Book’s text nodes are replaced, never changed; a page past the end is not placed', () => {
  const s = section();
  const first = (s.children[1] as Element).children[0]!;
  const placed = insertPageBreaks(s, [page('5', 9), page('6', 999)]);
  assert.deepEqual(placed.map((p) => p.label), ['5']);
  assert.deepEqual(first, text('One “two” thr'));
});

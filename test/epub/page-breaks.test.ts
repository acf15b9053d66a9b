// insertPageBreaks: a marker at the letter a printed page begins with, counted as print counts them;
// placeByWords for pages the EPUB lays out differently; contentsPageBreaks for the printed contents in the nav.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Element } from 'hast';
import type { PrintPage } from '../../src/book/print-pages.ts';
import { el, serialize, text } from '../../src/render/epub/hast.ts';
import type { TocItem } from '../../src/render/epub/navigation.ts';
import { contentsPageBreaks, insertPageBreaks, placeByWords } from '../../src/render/epub/page-breaks.ts';

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

test('pages the EPUB lays out differently begin where their first line’s words are, searched on from the page before', () => {
  const s = el('section', {}, [
    el('h1', { className: ['hidden-heading'] }, [text('Copyright')]),
    el('p', {}, [text('The Book: A Subtitle')]),
    el('p', {}, [text('© 2024 A. Writer')]),
    el('p', {}, [text('Set in Literata.')]),
  ]);
  const pages: PrintPage[] = [
    { ...page('iv', 0), physical: 4, words: '2024AWriter' },
    { ...page('v', 0), physical: 5, words: 'SetinLiterata' },
    { ...page('vi', 0), physical: 6, words: 'NotThere' },
  ];
  const placed = insertPageBreaks(s, placeByWords(s, pages));
  assert.deepEqual(placed.map((p) => p.label), ['iv', 'v'], 'a later page whose words are not found is left out');
  assert.equal(serialize(s), `<section><h1 class="hidden-heading">Copyright</h1><p>The Book: A Subtitle</p>${mark('iv')}<p>© 2024 A. Writer</p>${mark('v')}<p>Set in Literata.</p></section>`);
  // A first page whose words are not there at all begins at the start.
  const t = el('section', {}, [el('p', {}, [text('Title')])]);
  insertPageBreaks(t, placeByWords(t, [{ ...page('i', 0), physical: 1, words: 'Other' }]));
  assert.equal(serialize(t), `<section>${mark('i')}<p>Title</p></section>`);
});

test('the printed contents’ pages: before the nav when a page begins with the heading, inside the entry’s link otherwise', () => {
  const item = (title: string, target: string, children: TocItem[] = []): TocItem => ({ title, href: `${target}.xhtml`, target, id: target, playOrder: 0, children });
  const toc = [item('One', 'one', [item('“Quoted” section', 'quoted'), item('Not printed', 'deep')]), item('Two', 'two')];
  const contents = (label: string, entry?: string, offset = 0): PrintPage => ({ label, physical: 1, chapterId: 'contents', offset, entry });
  const { before, placed } = contentsPageBreaks(toc, [contents('v'), contents('vi', 'quoted'), contents('vii', 'two', 2), contents('viii', 'missing')]);
  assert.deepEqual(placed.map((p) => p.label), ['v', 'vi', 'vii'], 'an entry the nav does not have is not placed');
  assert.equal(before, mark('v'));
  assert.equal(toc[0]!.children[0]!.markup, `${mark('vi')}“Quoted” section`, 'before the opening quote');
  assert.equal(toc[1]!.markup, `Tw${mark('vii')}o`, 'an entry split over pages');
  assert.equal(toc[0]!.markup, undefined);
});

// insertPageBreaks: a marker at the letter a printed page begins with, counted as print counts them;
// placeByWords for pages the EPUB lays out differently; contentsPageBreaks for the printed contents in the nav;
// notePageBreaks for pages that begin in the endnotes, in the EPUB's note.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Element } from 'hast';
import type { PrintPage } from '../../src/book/print-pages.ts';
import { el, serialize, text } from '../../src/render/epub/hast.ts';
import type { TocItem } from '../../src/render/epub/navigation.ts';
import { contentsPageBreaks, insertPageBreaks, notePageBreaks, placeByWords } from '../../src/render/epub/page-breaks.ts';

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

/** The EPUB's Notes document (notes: book) for two chapters: notes 1–2 and 3. */
function notesSection(content: (n: number) => Element['children']): Element {
  const entry = (n: number) => el('li', { id: `n${n}` }, [el('p', {}, [el('a', { className: ['note-number'] }, [text(String(n))]), text('. '), ...content(n)])]);
  const group = (id: string, title: string, notes: number[]) => el('section', { className: ['notes-group'] }, [el('h2', { id }, [text(title)]), el('ol', {}, notes.map(entry))]);
  return el('section', { 'epub:type': 'endnotes' }, [el('h1', {}, [text('Notes')]), group('g1', 'One', [1, 2]), group('g2', 'Two', [3])]);
}

test('pages that begin in the endnotes: in the note, counted from its number; before the EPUB\'s notes headings when print opens with one', () => {
  const shared = new Map([1, 2, 3].map((n) => [n, text(`Words of note ${n}.`)]));
  const s = notesSection((n) => [shared.get(n)!]);
  const note = (label: string, id: string, offset: number, opens?: 'notes' | 'group'): PrintPage => ({ label, physical: Number(label), chapterId: 'notes', offset, note: id, opens });
  // Note 2's letters: 2, Words 5, of 2 → “note” at 8. Print's Notes title, then note 1; a group's heading, then note 3.
  const placed = notePageBreaks(s, [note('7', 'n1', 0, 'notes'), note('8', 'n2', 8), note('9', 'n3', 0, 'group'), note('10', 'n9', 0)]);
  assert.deepEqual(placed.map((p) => p.label), ['7', '8', '9'], 'a note not in the container is not placed');
  const html = serialize(s);
  assert.ok(html.startsWith(`<section epub:type="endnotes">${mark('7')}<h1>Notes</h1>`), html);
  assert.ok(html.includes(`. Words of ${mark('8')}note 2.`), html);
  assert.ok(html.includes(`<section class="notes-group">${mark('9')}<h2 id="g2">Two</h2>`), html);
  assert.deepEqual(shared.get(2), text('Words of note 2.'), 'the Book\'s note is not changed');
  // A heading before a note that is not the first after it (a footnote too long for its page): at the note.
  const t = notesSection(() => [text('Words.')]);
  notePageBreaks(t, [note('5', 'n2', 0, 'group')]);
  assert.ok(serialize(t).includes(`<li id="n2">${mark('5')}<p>`), serialize(t));
  // notes: chapter: the chapter's footnote asides, no headings: a page that opens with print's heading at the note.
  const asides = el('div', { className: ['footnotes'] }, [1, 2].map((n) => el('aside', { id: `n${n}` }, [el('p', {}, [text(`${n}. Aside ${n}.`)])])));
  notePageBreaks(asides, [note('3', 'n1', 0, 'notes'), note('4', 'n2', 1)]);
  assert.equal(serialize(asides), `<div class="footnotes"><aside id="n1">${mark('3')}<p>1. Aside 1.</p></aside><aside id="n2"><p>2. ${mark('4')}Aside 2.</p></aside></div>`);
  // A note's later paragraphs are the Book's own elements: the note is copied before it is marked.
  const second = el('p', {}, [text('Second paragraph.')]);
  const aside = el('aside', { id: 'n1' }, [el('p', {}, [text('1. First.')]), second]);
  const holder = el('div', {}, [aside]);
  notePageBreaks(holder, [note('6', 'n1', 8)]);
  assert.ok(serialize(holder).includes(`<p>Se${mark('6')}cond paragraph.</p>`), serialize(holder));
  assert.deepEqual(second, el('p', {}, [text('Second paragraph.')]));
  assert.equal(holder.children[0] === aside, false);
});

// Printed pages that hold only endnotes in the EPUB's page-list (book.yaml `print.notes: chapter-endnotes`
// or `book-endnotes`): each such page's marker is in the EPUB's note the page begins in — a footnote aside
// in the chapter's file (`notes: chapter`) or an entry of the Notes document (`notes: book`) — right before
// the words the page begins with (pdftotext), or before the notes' heading when the page begins with one;
// no page is left out, EPUBCheck and Ace find nothing. Where the EPUB sets the notes where print does, the
// page-list is in print order; where it sets them elsewhere (print's book endnotes as the EPUB's footnotes,
// print's chapter endnotes in the EPUB's Notes), in the EPUB's reading order, which EPUBCheck asks of a
// page-list (NAV-011: a warning, checked with the list in print order).
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { endnotesBook } from './endnotes-book.ts';
import { buildPaged, checkNcx, noFindings, type Built } from './page-build.ts';
import { checkMarkers, checkPageList } from './page-markers.ts';

let work: string;
const books = new Map<string, Built>();
const CASES = [
  { name: 'chapter-endnotes', epub: 'chapter', print: 'chapter-endnotes' },
  { name: 'book-endnotes', epub: 'book', print: 'book-endnotes' },
  { name: 'book-endnotes-as-footnotes', epub: 'chapter', print: 'book-endnotes' },
  { name: 'chapter-endnotes-in-notes', epub: 'book', print: 'chapter-endnotes' },
] as const;

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'page-list-endnotes-'));
  // One at a time: each build runs Chromium, EPUBCheck and Ace.
  for (const c of CASES) {
    const dir = join(work, `${c.name}-book`);
    await endnotesBook(dir, { epub: c.epub, print: c.print });
    books.set(c.name, await buildPaged(dir, work, 'the-harbour-papers'));
  }
});
after(() => rm(work, { recursive: true, force: true }));

/** The printed pages that begin in the notes (the layout's record), and what the PDF shows there. */
const notePages = (b: Built) => b.printPages.filter((p) => p.chapterId === 'notes');

for (const c of CASES) {
  test(`${c.name}: every printed page with content is marked, notes pages in the EPUB's note, nothing found`, () => {
    const b = books.get(c.name)!;
    noFindings(b);
    // Pages of endnotes alone: enough to count (several per chapter), one beginning inside a note.
    assert.ok(notePages(b).length >= 5, `${notePages(b).length} printed pages begin in the notes`);
    assert.ok(notePages(b).some((p) => p.offset > 0), 'a page begins inside a note');
    // Each chapter's notes open a page (styles/custom.css); with book-endnotes the first under the Notes title.
    const opens = notePages(b).map((p) => p.opens ?? '');
    assert.deepEqual(opens.filter(Boolean), c.print === 'book-endnotes' ? ['notes', 'group', 'group'] : ['group', 'group', 'group']);
    checkMarkers(b);
    const elsewhere = (c.epub === 'chapter') !== (c.print === 'chapter-endnotes');
    checkPageList(b, elsewhere ? 'reading' : 'print');
    // Set elsewhere, the notes' pages are read in another order than printed.
    const list = [...b.files['toc.xhtml']!.matchAll(/<li><a href="[^"]*#page-[^"]*">([^<]+)<\/a><\/li>/g)].map((m) => m[1]);
    assert.equal(list.join() === b.printPages.map((p) => p.label).join(), !elsewhere, list.join(' '));
    checkNcx(b);
  });
}

/** The elements around the element with `id` in `xhtml`, outermost first (tag#id). */
function around(xhtml: string, id: string): string[] {
  const walk = (node: Root | ElementContent, path: string[]): string[] | undefined => {
    if (node.type === 'element' && node.properties.id === id) return path;
    if (node.type !== 'root' && node.type !== 'element') return undefined;
    for (const child of node.children as ElementContent[]) {
      const found = walk(child, node.type === 'element' ? [...path, `${node.tagName}#${node.properties.id ?? ''}`] : path);
      if (found) return found;
    }
    return undefined;
  };
  return walk(fromHtml(xhtml), []) ?? [];
}

test('the markers of notes pages are where the EPUB sets the notes', () => {
  const inFile = (b: Built, label: string) => Object.keys(b.files).find((f) => b.files[f]!.includes(`id="page-${label}"`));
  for (const c of CASES) {
    const b = books.get(c.name)!;
    for (const p of notePages(b)) {
      const file = inFile(b, p.label)!;
      const path = around(b.files[file]!, `page-${p.label}`);
      // notes: chapter, in a footnote aside of a chapter's file, after its text; notes: book, in the Notes
      // document, in the note's list item, or before the headings of the notes.
      if (c.epub === 'chapter') assert.ok(file.startsWith('ch-') && path.includes(`aside#${p.note}`), `${c.name}: page ${p.label} in ${file}, ${path.join(' > ')}`);
      else if (p.opens === undefined) assert.ok(file === 'notes.xhtml' && path.includes(`li#${p.note}`), `${c.name}: page ${p.label} in ${file}, ${path.join(' > ')}`);
      else assert.equal(file, 'notes.xhtml');
    }
  }
  const b = books.get('book-endnotes')!;
  const first = notePages(b).find((p) => p.opens === 'notes');
  assert.ok(first, 'print\'s Notes section opens a page');
  assert.match(b.files['notes.xhtml']!, new RegExp(`<section [^>]*epub:type="endnotes"[^>]*><span [^>]*id="page-${first.label}"[^>]*/><h1`), 'its marker before the EPUB Notes\' title');
  // A page that opens with a chapter's notes (print's “Notes”, or its title over its group): before the
  // EPUB's group heading, the chapter's title.
  for (const name of ['book-endnotes', 'chapter-endnotes-in-notes']) {
    for (const p of notePages(books.get(name)!).filter((p) => p.opens === 'group')) {
      assert.match(books.get(name)!.files['notes.xhtml']!, new RegExp(`<section [^>]*class="notes-group"[^>]*><span [^>]*id="page-${p.label}"[^>]*/><h2`), `${name}: page ${p.label}`);
    }
  }
});

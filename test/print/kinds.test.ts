// Kinds of pages in print, read back from the PDF with poppler: roman folios in the front matter, arabic 1 on
// the first page of the body (part one), display pages (half title, dedication, epigraph) alone on a recto
// with neither folio nor running head, part pages on a recto with a blank verso, back matter with its own
// running heads, and a contents that lists parts (their chapters indented), front and back matter as
// `listed` says, each with the folio really printed on its first page. One book, laid out once.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Book } from '../../src/book/model.ts';
import { BrowserPool } from '../../src/browser.ts';
import { pageGeometry } from '../../src/render/html/page-geometry.ts';
import { renderHtml } from '../../src/render/html/index.ts';
import { renderPdf } from '../../src/render/pdf/index.ts';
import { makeKindsBook } from '../fixtures/kinds-book.ts';
import { folio, notePages, readingOrder, readPages, runningHead, tool, type PageText } from './read-back.ts';

const book: Book = makeKindsBook();
let dir: string;
let pdf: string;
let read: PageText[];
let top: number;
let bottom: number;
let left: (page: number) => number;

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'bp-kinds-'));
  pdf = path.join(dir, 'kinds.pdf');
  const pool = new BrowserPool();
  const ctx = { browser: pool, log: () => {}, signal: new AbortController().signal };
  let pages: number;
  try {
    await renderHtml(book, path.join(dir, 'html'), ctx);
    ({ pages } = await renderPdf(book, path.join(dir, 'html'), pdf, ctx));
  } finally {
    await pool.close();
  }
  read = await readPages(pdf);
  assert.equal(read.length, pages);
  const g = pageGeometry(book.config.print, pages);
  top = g.top * 72;
  bottom = (g.height - g.bottom) * 72;
  left = (p) => (p % 2 === 1 ? g.inside : g.outside) * 72;
}, { timeout: 300_000 });
after(() => rm(dir, { recursive: true, force: true }));

/** The text of a page inside the text block, in reading order. */
const body = (p: PageText) => readingOrder(p.words.filter((w) => w.y0 >= top - 2 && w.y1 <= bottom + 2)).map((w) => w.text).join(' ');
/** The first page whose text block starts with `text`. */
const pageStarting = (text: string) => {
  const found = read.find((p) => body(p).startsWith(text));
  assert.ok(found, `a page starts with “${text}”`);
  return found;
};
const byTitle = (title: string) => book.chapters.find((c) => c.title === title)!;
const roman = (s: string | undefined) => s !== undefined && /^[ivxlc]+$/.test(s);

test('display pages: alone on a recto, no printed heading, no folio, no running head, a blank verso after', () => {
  for (const [title, text] of [['Half title', 'The Zinoviev Letter'], ['Dedication', 'For M.'], ['Epigraph', 'A lie can travel']] as const) {
    const page = pageStarting(text);
    assert.equal(page.number % 2, 1, `${title} on page ${page.number}, a recto`);
    assert.ok(!body(page).includes(title), `${title}: no printed heading`);
    assert.equal(folio(page, bottom), undefined, `${title}: no folio`);
    assert.equal(runningHead(page, top), undefined, `${title}: no running head`);
    assert.equal(read[page.number]!.words.length, 0, `${title}: blank verso after`);
  }
  assert.equal(pageStarting('The Zinoviev Letter').number, 1, 'the author’s half title stands in for the generated one');
  assert.equal(read.filter((p) => body(p) === 'The Zinoviev Letter').length, 1, 'one half title');
});

test('folios: roman in the front matter, arabic 1 on the first page of the body (part one)', () => {
  const partOne = pageStarting('Part One: The Letter');
  assert.equal(folio(partOne, bottom), '1');
  const front = read.slice(0, partOne.number - 1);
  for (const p of front) {
    const f = folio(p, bottom);
    if (f !== undefined) assert.ok(roman(f), `page ${p.number}: folio ${f} is roman`);
  }
  const preface = pageStarting('Preface');
  assert.ok(roman(folio(preface, bottom)), 'the preface has a roman folio');
  for (const p of read.slice(partOne.number - 1)) {
    const f = folio(p, bottom);
    if (f !== undefined) assert.equal(f, String(p.number - partOne.number + 1), `page ${p.number}`);
  }
});

test('part pages: a recto, a folio, no running head, a blank verso after', () => {
  for (const title of ['Part One: The Letter', 'Part Two: Afterlives']) {
    const page = pageStarting(title);
    assert.equal(page.number % 2, 1, `${title} on a recto`);
    assert.equal(body(page), title, `${title} stands alone`);
    assert.equal(runningHead(page, top), undefined);
    assert.equal(read[page.number]!.words.length, 0, `${title}: blank verso after`);
  }
});

test('running heads: the book title and the chapter in the body, the back matter its own title on both sides', () => {
  const appendix = pageStarting('Appendix: Sources');
  const verso = read[appendix.number]!;
  assert.equal(verso.number % 2, 0);
  assert.equal(runningHead(verso, top), 'Appendix: Sources');
  const arrival = pageStarting('Arrival');
  assert.equal(runningHead(read[arrival.number]!, top), book.config.title);
  assert.equal(runningHead(read[arrival.number + 1]!, top), 'Arrival');
  const preface = pageStarting('Preface');
  assert.equal(runningHead(preface, top), undefined, 'no running head on an opening');
  assert.equal(runningHead(read[preface.number + 1]!, top), 'Preface');
});

test('the contents: listed front matter (roman), parts with their chapters indented, back matter; numbers = folios', async () => {
  const contents = pageStarting('Contents');
  const layout = await tool('pdftotext', ['-layout', '-f', String(contents.number), '-l', String(contents.number), pdf, '-']);
  const entries = [...layout.matchAll(/^(\s*)(\S.*?)\s{2,}([0-9ivxlc]+)\s*$/gm)].map((m) => ({ indent: m[1]!.length, title: m[2]!, page: m[3]! }));
  // Parts are set in small capitals: compare case-insensitively.
  assert.deepEqual(
    entries.map((e) => e.title.toLowerCase()),
    ['Preface', 'Part One: The Letter', 'Arrival', 'In London', 'The Press', 'Part Two: Afterlives', 'Inquiries', 'Appendix: Sources', 'Acknowledgments'].map((t) => t.toLowerCase()),
  );
  const indent = new Map(entries.map((e) => [e.title.toLowerCase(), e.indent]));
  assert.ok(indent.get('arrival')! > indent.get('part one: the letter')!, 'chapters indented under their part');
  assert.ok(indent.get('in london')! > indent.get('arrival')!, 'toc-depth 2: sections under their chapter');
  assert.equal(indent.get('preface'), indent.get('part one: the letter'));
  for (const entry of entries.filter((e) => e.title !== 'In London')) {
    const chapter = book.chapters.find((c) => c.title.toLowerCase() === entry.title.toLowerCase())!;
    const opening = pageStarting(chapter.title);
    assert.equal(folio(opening, bottom), entry.page, `${chapter.title}: the contents says ${entry.page}`);
    assert.equal(opening.number % 2, 1, `${chapter.title} opens on a recto`);
  }
  assert.ok(roman(entries[0]!.page), 'the preface is numbered in roman');
  // A section's number is the folio of the page its heading is printed on (set in small capitals: upper case in the text layer).
  const section = entries.find((e) => e.title === 'In London')!;
  const sectionPage = read.find((p) => /\bIN LONDON\b/i.test(body(p)) && p.number > contents.number);
  assert.ok(sectionPage, 'the section heading is printed');
  assert.equal(folio(sectionPage, bottom), section.page, `In London: the contents says ${section.page}`);
  for (const hidden of ['Dedication', 'Epigraph', 'Half title', 'Interlude', 'A Quiet Aside']) assert.ok(!layout.includes(hidden), `${hidden} is not listed`);
  assert.ok(byTitle('Interlude'), 'the unlisted chapter is in the book');
});

test('notes: every note on its call’s page; a note opening with a block quote has its number on the first line', () => {
  const notes = book.chapters.flatMap((c) => c.notes);
  // From the first page of the body: the contents' numbers are not note calls.
  const first = pageStarting('Part One: The Letter').number;
  const found = notePages(read.slice(first - 1), left);
  const [calls, markers] = [found.calls, found.markers];
  assert.equal(markers.size, notes.length, 'every note number found at the left edge of a note');
  for (const n of notes) assert.equal(markers.get(n.number), calls.get(n.number), `note ${n.number}`);
  const quoted = notes.find((n) => n.content[0]?.type === 'element' && n.content[0].tagName === 'blockquote')!;
  const page = read[markers.get(quoted.number)! - 1]!;
  const marker = page.words.find((w) => w.text === String(quoted.number) && w.size > 7.9 && w.size < 9.2 && Math.abs(w.x0 - left(page.number)) < 1.5)!;
  const sameLine = page.words.filter((w) => w !== marker && Math.abs(w.y1 - marker.y1) < 1 && w.x0 > marker.x1);
  assert.ok(sameLine.length > 3, `note ${quoted.number}: its number shares its line with the quote’s first words`);
});

// Notes in print, in each placement of book.yaml `print.notes`, read back from the PDF with poppler: every
// note's text is printed exactly once, as paragraphs; footnotes on the page of their call (a note too long for
// a page is set at the end of its chapter, with a warning at its call); chapter endnotes after their chapter's
// text under "Notes"; book endnotes in a back-matter Notes section, grouped under the chapter titles, listed
// in the contents with its true folio and with running heads of its own. In endnote modes each call links to
// its note and each note's number links back, as link annotations in the joined PDF. One layout per mode.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import type { Book, PrintNotes } from '../../src/book/model.ts';
import { BrowserPool } from '../../src/browser.ts';
import { formatDiagnostic, type Diagnostic } from '../../src/diagnostics.ts';
import { pageGeometry } from '../../src/render/html/page-geometry.ts';
import { renderHtml } from '../../src/render/html/index.ts';
import { renderPdf } from '../../src/render/pdf/index.ts';
import { LONG_NOTE, LONG_NOTE_AT, makeNotesBook, MULTI_NOTES, noteText, QUOTE_NOTES } from './notes-book.ts';
import { folio, linesAtSize, notePages, readingOrder, readPages, runningHead, type PageText } from './read-back.ts';

interface Printed {
  book: Book;
  pages: PageText[];
  /** Per page (0-based), the 1-based pages its link annotations go to. */
  links: number[][];
  warnings: Diagnostic[];
  top: number;
  bottom: number;
  left: (page: number) => number;
}

const MODES: PrintNotes[] = ['footnotes', 'chapter-endnotes', 'book-endnotes'];
const printed = new Map<PrintNotes, Printed>();
let dir: string;

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'bp-notes-'));
  const pool = new BrowserPool();
  const ctx = { browser: pool, log: () => {}, signal: new AbortController().signal };
  try {
    for (const mode of MODES) {
      const book = makeNotesBook(mode);
      const html = path.join(dir, mode);
      const pdf = path.join(dir, `${mode}.pdf`);
      const { warnings } = await renderHtml(book, html, ctx);
      const { pages } = await renderPdf(book, html, pdf, ctx);
      const read = await readPages(pdf);
      assert.equal(read.length, pages);
      const g = pageGeometry(book.config.print, pages);
      const left = (p: number) => (p % 2 === 1 ? g.inside : g.outside) * 72;
      printed.set(mode, { book, pages: read, links: await linkTargets(pdf), warnings, top: g.top * 72, bottom: (g.height - g.bottom) * 72, left });
    }
  } finally {
    await pool.close();
  }
}, { timeout: 120_000 });
after(() => rm(dir, { recursive: true, force: true }));

async function linkTargets(file: string): Promise<number[][]> {
  const doc = await PDFDocument.load(await readFile(file));
  const pages = doc.getPages();
  const dests = doc.catalog.lookup(PDFName.of('Dests'));
  return pages.map((page) => {
    const annots = page.node.lookup(PDFName.of('Annots'));
    if (!(annots instanceof PDFArray)) return [];
    const out: number[] = [];
    for (let i = 0; i < annots.size(); i++) {
      let dest = (annots.lookup(i) as PDFDict).lookup(PDFName.of('Dest'));
      if (dest instanceof PDFName && dests instanceof PDFDict) dest = dests.lookup(dest);
      if (dest instanceof PDFArray) out.push(pages.findIndex((p) => p.ref === dest.get(0)) + 1);
    }
    return out;
  });
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
/** A page's text block in reading order, words joined; a hyphen ending a line joins the word it broke. */
const textBlock = (p: Printed, page: PageText) =>
  norm(readingOrder(page.words.filter((w) => w.y0 >= p.top - 2 && w.y1 <= p.bottom + 2)).map((w) => w.text).join(' ')).replace(/(\p{L})- (\p{Ll})/gu, '$1$2');
/** Every page's text block in turn; a word hyphenated at a page's foot joined with its end on the next page. */
const allText = (p: Printed) => p.pages.map((page) => textBlock(p, page)).join(' ').replace(/(\p{L})- (\p{Ll})/gu, '$1$2');
const count = (hay: string, needle: string) => hay.split(needle).length - 1;
const notes = (p: Printed) => p.book.chapters.flatMap((c) => c.notes.map((n) => ({ chapter: c, note: n })));
/** The 1-based page whose text holds the start of a note (its first words after the number). */
const pageOfNote = (p: Printed, text: string) => p.pages.find((page) => textBlock(p, page).includes(text.split(' ').slice(0, 8).join(' ')))?.number;

for (const mode of MODES) {
  test(`${mode}: every note's text is printed exactly once, paragraphs as paragraphs`, () => {
    const p = printed.get(mode)!;
    const all = allText(p);
    for (const { note } of notes(p)) {
      // A note set in the text (one too long for a page, an endnote) crosses a page turn with that page's
      // footnotes in between: they are taken out, number and text, before this note is looked for.
      const others = notes(p).filter((x) => x.note !== note).reduce((text, x) => text.split(`${x.note.number} ${noteText(x.note)}`).join(' '), all);
      assert.equal(count(norm(others), noteText(note)), 1, `note ${note.number} printed once: “${noteText(note).slice(0, 60)}…”`);
    }
    // A paragraph after the first starts a new line, indented (its first word is right of the note's left edge).
    for (const n of MULTI_NOTES) {
      const note = notes(p).find((x) => x.note.number === n)!.note;
      const second = noteText({ ...note, content: note.content.slice(1) }).split(' ').slice(0, 2);
      const page = p.pages.find((pg) => textBlock(p, pg).includes(second.join(' ')))!;
      const words = readingOrder(page.words);
      const at = words.findIndex((w, i) => w.text === second[0] && words[i + 1]?.text === second[1]);
      const first = words[at]!;
      const lineStart = words.filter((w) => Math.abs(w.y1 - first.y1) < 1).sort((a, b) => a.x0 - b.x0)[0]!;
      assert.equal(lineStart, first, `note ${n}: its second paragraph starts a line`);
      assert.ok(first.x0 > p.left(page.number) + 3, `note ${n}: its second paragraph is indented (x ${first.x0.toFixed(1)})`);
    }
  });
}

test('footnotes: each note on the page of its call; the number stays on the first line of a note opening with a quote', () => {
  const p = printed.get('footnotes')!;
  const { calls } = notePages(p.pages, p.left);
  for (const { note } of notes(p)) {
    if (note.number === LONG_NOTE) continue;
    assert.equal(pageOfNote(p, noteText(note)), calls.get(note.number), `note ${note.number} is on the page of its call`);
  }
  for (const n of QUOTE_NOTES) {
    const note = notes(p).find((x) => x.note.number === n)!.note;
    const page = p.pages.find((pg) => pg.number === calls.get(n))!;
    const first = noteText(note).split(' ')[0]!;
    const words = readingOrder(page.words);
    const number = words.find((w, i) => w.text === String(n) && words[i + 1]?.text === first);
    assert.ok(number, `note ${n}: its number is followed by “${first}” on the same line`);
  }
  assert.equal(calls.size, 12, 'twelve calls, in order');
});

test('footnotes: a note too long for one page is set at the end of its chapter, linked, with a warning at its call', () => {
  const p = printed.get('footnotes')!;
  const { book } = p;
  const chapter = book.chapters.find((c) => c.notes.some((n) => n.number === LONG_NOTE))!;
  const note = chapter.notes.find((n) => n.number === LONG_NOTE)!;
  assert.equal(p.warnings.length, 1, p.warnings.map(formatDiagnostic).join('\n'));
  assert.match(formatDiagnostic(p.warnings[0]!), new RegExp(`^${chapter.file}:${LONG_NOTE_AT.line}:${LONG_NOTE_AT.column}: warning: note ${LONG_NOTE} .* \\[note-too-long\\]`));
  const { calls } = notePages(p.pages, p.left);
  const notePage = pageOfNote(p, noteText(note))!;
  const next = book.chapters[book.chapters.indexOf(chapter) + 1]!;
  const nextPage = p.pages.find((pg) => linesAtSize(pg, 19).includes(next.title))!.number;
  assert.ok(notePage > calls.get(LONG_NOTE)! && notePage < nextPage, `the note (page ${notePage}) follows its chapter's text, before page ${nextPage}`);
  assert.ok(textBlock(p, p.pages[notePage - 1]!).includes(`Notes ${LONG_NOTE} `), 'under a “Notes” heading, with its number');
  assert.ok(p.links[calls.get(LONG_NOTE)! - 1]!.includes(notePage), 'the call links to the note');
  assert.ok(p.links[notePage - 1]!.includes(calls.get(LONG_NOTE)!), 'the number links back to the call');
});

test('chapter endnotes: after each chapter’s text under “Notes”, numbered, linked both ways', () => {
  const p = printed.get('chapter-endnotes')!;
  const { calls } = notePages(p.pages, p.left);
  const opens = p.book.chapters.map((c) => p.pages.find((pg) => linesAtSize(pg, 19).includes(c.title))!.number);
  p.book.chapters.forEach((chapter, i) => {
    const end = opens[i + 1] ?? p.pages.length + 1;
    const heading = p.pages.find((pg) => pg.number > opens[i]! && pg.number < end && /(^| )Notes 1?\d /.test(textBlock(p, pg)));
    assert.ok(heading, `${chapter.title}: a Notes heading before the next chapter`);
    for (const note of chapter.notes) {
      const at = pageOfNote(p, noteText(note))!;
      assert.ok(at >= heading.number && at < end, `note ${note.number} (page ${at}) in ${chapter.title}'s notes`);
      assert.ok(textBlock(p, p.pages[at - 1]!).includes(`${note.number} ${noteText(note).split(' ').slice(0, 3).join(' ')}`), `note ${note.number} opens with its number`);
      assert.ok(p.links[calls.get(note.number)! - 1]!.includes(at), `call ${note.number} links to its note`);
      assert.ok(p.links[at - 1]!.includes(calls.get(note.number)!), `note ${note.number} links back to its call`);
    }
  });
});

test('book endnotes: a Notes section in the back matter, by chapter, in the contents with its folio, its own running heads, linked both ways', () => {
  const p = printed.get('book-endnotes')!;
  const { calls } = notePages(p.pages, p.left);
  const notesPage = p.pages.find((pg) => linesAtSize(pg, 19).includes('Notes'))!;
  assert.ok(notesPage, 'a page titled Notes');
  const lastChapter = p.book.chapters.at(-1)!;
  const lastOpens = p.pages.find((pg) => linesAtSize(pg, 19).includes(lastChapter.title))!.number;
  const bibliography = p.pages.find((pg) => linesAtSize(pg, 19).includes('Bibliography'))!.number;
  assert.ok(notesPage.number > lastOpens && notesPage.number < bibliography, 'after the last chapter, before the bibliography');
  assert.equal(notesPage.number % 2, 1, 'opens on a recto');
  // The contents: "Notes" with the folio printed on the section's first page.
  const contents = p.pages.find((pg) => linesAtSize(pg, 16).includes('Contents'))!;
  const entry = readingOrder(contents.words).map((w) => w.text).join(' ');
  const printedFolio = folio(notesPage, p.bottom);
  assert.ok(printedFolio && new RegExp(`Notes ${printedFolio}( |$)`).test(entry), `contents lists Notes ${printedFolio}: ${entry}`);
  assert.ok(p.links[contents.number - 1]!.includes(notesPage.number), 'the contents entry links to the section');
  const section = p.pages.filter((pg) => pg.number >= notesPage.number && pg.number < bibliography && pg.words.length > 0);
  for (const pg of section.slice(1)) assert.equal(runningHead(pg, p.top), 'Notes', `page ${pg.number}: running head`);
  let lastAt = 0;
  for (const chapter of p.book.chapters) {
    const group = section.find((pg) => textBlock(p, pg).includes(`${chapter.title} ${chapter.notes[0]!.number} `));
    assert.ok(group, `the chapter title ${chapter.title} heads its notes`);
    for (const note of chapter.notes) {
      const at = pageOfNote(p, noteText(note))!;
      assert.ok(at >= group.number && at >= lastAt && at < bibliography, `note ${note.number} on page ${at}, in order, in the section`);
      lastAt = at;
      assert.ok(p.links[calls.get(note.number)! - 1]!.includes(at), `call ${note.number} (page ${calls.get(note.number)}) links to page ${at}`);
      assert.ok(p.links[at - 1]!.includes(calls.get(note.number)!), `note ${note.number} links back to page ${calls.get(note.number)}`);
    }
  }
});

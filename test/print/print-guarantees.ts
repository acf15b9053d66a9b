// The print guarantees of issue 4, read back from a PDF with poppler: trim on every page, fonts embedded,
// metadata, notes on the page of their call, contents numbers equal to the printed folios, chapters on odd
// pages, running heads, no text outside the text block, blank versos empty. Shared by the print tests.
import assert from 'node:assert/strict';
import type { ElementContent, Root } from 'hast';
import type { Book } from '../../src/book/model.ts';
import { checkPdf } from '../../src/check/pdf.ts';
import { fontPlan } from '../../src/render/fonts/font-plan.ts';
import { pageGeometry } from '../../src/render/html/page-geometry.ts';
import { assertDesignGuarantees } from '../designs/design-guarantees.ts';
import { folio, linesAtSize, notePages, readingOrder, readPages, runningHead, tool, type PageText } from './read-back.ts';

/**
 * `notes: false` / `text: false` leave out the note / text checks (when another test makes them); `check: false`
 * does not run the build's PDF check again (the caller asserts on the build's report); all else is checked.
 * A book in one of the designs (book.yaml `design:`) is read by test/designs/design-guarantees.ts after the
 * checks here that do not depend on the look; the default look (Literata) by the rest of this function.
 */
export async function assertPrintGuarantees(book: Book, pdf: string, pages: number, options: { notes?: boolean; text?: boolean; check?: boolean } = {}): Promise<void> {
  const g = pageGeometry(book.config.print, pages);
  const W = g.width * 72;
  const H = g.height * 72;
  const top = g.top * 72;
  const bottom = H - g.bottom * 72;
  // Recto (odd) pages have the gutter on the left.
  const left = (p: number) => (p % 2 === 1 ? g.inside : g.outside) * 72;
  const right = (p: number) => W - (p % 2 === 1 ? g.outside : g.inside) * 72;

  // The checker the build runs finds nothing.
  if (options.check !== false) assert.deepEqual(await checkPdf(book, pdf), []);

  // pdfinfo: every page exactly at the trim.
  const info = await tool('pdfinfo', ['-f', '1', '-l', String(pages), pdf]);
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)];
  assert.equal(sizes.length, pages);
  for (const s of sizes) assert.deepEqual([Number(s[1]), Number(s[2])], [W, H]);
  assert.match(info, /^Tagged:\s+yes/m);
  const authors = book.config.creators.filter((c) => c.role === 'aut').map((c) => c.name).join(', ');
  assert.equal(/^Author:\s+(.*)$/m.exec(info)?.[1], authors);
  assert.equal(/^Subject:\s+(.*)$/m.exec(info)?.[1], (book.config.description ?? book.config.subtitle ?? book.config.title).replace(/\s+/g, ' ').trim());
  assert.match(info, new RegExp(`^CreationDate:.*${new Date(book.epoch * 1000).getUTCFullYear()}`, 'm'));

  // pdffonts: only the book font (a design: the faces of its font plan), all embedded.
  const fonts = (await tool('pdffonts', [pdf])).split('\n').slice(2).filter(Boolean);
  assert.ok(fonts.length >= 2);
  const faces = book.config.design ? (await fontPlan(book)).packages.map((p) => p.family.replace(/\s+/g, '')) : ['Literata'];
  for (const f of fonts) {
    // A variable face is named after its default instance: `SourceSans3ExtraLight-Bold`.
    const family = book.config.design ? '[A-Za-z]*' : '';
    assert.ok(faces.some((face) => new RegExp(`^[A-Z]{6}\\+${face}${family}-\\w+\\s`).test(f)), `unexpected font: ${f} (the book's: ${faces.join(', ')})`);
    assert.match(f, /\syes\s+yes\s+yes\s/, `font not embedded: ${f}`);
  }

  if (book.config.design) return assertDesignGuarantees(book, pdf, pages, { W, H, top, bottom, left, right }, options);
  const read = await readPages(pdf);
  assert.equal(read.length, pages);

  if (options.text !== false) assertAllTextPrinted(book, read, top, bottom);
  if (options.notes !== false) assertNotesOnTheirPage(book, read, left);

  // Contents: every entry's number equals the folio printed on the chapter's first page, an odd page.
  const contentsPage = read.find((p) => linesAtSize(p, 16)[0] === 'Contents');
  assert.ok(contentsPage, 'contents page found');
  const layout = await tool('pdftotext', ['-layout', '-f', String(contentsPage.number), '-l', String(contentsPage.number), pdf, '-']);
  const entries = [...layout.matchAll(/^\s*(\S.*?)\s{2,}(\d+)\s*$/gm)].map((m) => ({ title: m[1]!, page: m[2]! }));
  // A book with index marks ends with a generated Index (back matter, in the contents).
  const headings = [...book.chapters.map((c) => c.title), ...(book.bibliography.length > 0 ? ['Bibliography'] : []), ...(hasIndex(book) ? ['Index'] : [])];
  assert.deepEqual(entries.map((e) => e.title), headings);
  const openings = new Map<number, string>();
  for (const entry of entries) {
    const opening = read.find((p) => linesAtSize(p, 19).join(' ') === entry.title);
    assert.ok(opening, `opening page of ${entry.title}`);
    assert.equal(opening.number % 2, 1, `${entry.title} opens on page ${opening.number}, a left-hand page`);
    assert.equal(folio(opening, bottom), entry.page, `${entry.title}: contents says ${entry.page}`);
    assert.equal(runningHead(opening, top), undefined, `no running head on the opening of ${entry.title}`);
    openings.set(opening.number, entry.title);
    const before = read[opening.number - 2]!;
    if (before.number > contentsPage.number && (before.words.length === 0 || folio(before, bottom) === undefined)) {
      assert.equal(before.words.length, 0, `page ${before.number} before a chapter is blank or a full page`);
    }
  }
  assert.equal(folio(read.find((p) => openings.get(p.number) === book.chapters[0]!.title)!, bottom), '1', 'arabic folios start at 1 on chapter 1');
  assert.equal(folio(contentsPage, bottom), 'v', 'roman folio on the contents');

  // Running heads: book title on the left, the current chapter on the right; none on blank pages.
  let chapter: string | undefined;
  for (const p of read.filter((x) => x.number > contentsPage.number)) {
    chapter = openings.get(p.number) ?? chapter;
    if (openings.has(p.number) || p.words.length === 0) continue;
    // The index is back matter with its own title as the running head on both sides.
    const verso = chapter === 'Index' ? 'Index' : book.config.title;
    assert.equal(runningHead(p, top), p.number % 2 === 0 ? verso : chapter, `running head on page ${p.number}`);
  }

  // No text outside the text block: body inside it; heads and folios in their bands of the margins.
  for (const p of read) {
    for (const w of p.words) {
      const where = `page ${p.number}: "${w.text}" at ${w.x0.toFixed(1)},${w.y0.toFixed(1)}–${w.x1.toFixed(1)},${w.y1.toFixed(1)}`;
      assert.ok(w.x0 >= left(p.number) - 1 && w.x1 <= right(p.number) + 1, `outside the text block: ${where}`);
      const inBlock = w.y0 >= top - 2 && w.y1 <= bottom + 2;
      const inHead = w.y1 < top && w.y0 >= 18;
      const inFolio = w.y0 > bottom && w.y1 <= H - 18;
      assert.ok(inBlock || inHead || inFolio, `outside the text block: ${where}`);
    }
  }
  assertBlankPagesEmpty(read, openings);
}

/** Only the text and note checks (for a book whose other guarantees another test covers). */
export async function assertTextAndNotes(book: Book, pdf: string, pages: number): Promise<void> {
  const g = pageGeometry(book.config.print, pages);
  const read = await readPages(pdf);
  assert.equal(read.length, pages);
  assertAllTextPrinted(book, read, g.top * 72, g.height * 72 - g.bottom * 72);
  assertNotesOnTheirPage(book, read, (p) => (p % 2 === 1 ? g.inside : g.outside) * 72);
}

function assertBlankPagesEmpty(read: PageText[], openings: Map<number, string>): void {
  for (const n of openings.keys()) {
    const verso = read[n - 2];
    // A verso before a chapter opening carries either text (the previous chapter's end) or nothing at all.
    // (Body text is 10.5 pt, the bibliography 9.5 pt; running heads, folios and notes are smaller.)
    if (verso && verso.words.length > 0) assert.ok(verso.words.some((w) => w.size > 9.2 && w.size < 11.5), `page ${verso.number} has only furniture`);
  }
}

function assertNotesOnTheirPage(book: Book, read: PageText[], left: (p: number) => number): void {
  // Every note's marker sits on the page of its call, in the book's numbering.
  const notes = book.chapters.flatMap((c) => c.notes);
  const { calls, markers } = notePages(read, left);
  assert.equal(calls.size, notes.length, 'every note call found in the text');
  assert.equal(markers.size, notes.length, 'every note found at a foot of page');
  for (const n of notes) assert.equal(markers.get(n.number), calls.get(n.number), `note ${n.number}: call on page ${calls.get(n.number)}, note on page ${markers.get(n.number)}`);
}

/**
 * Letters and digits only, lower-cased: what must survive layout whatever the hyphenation and spacing.
 * (Ligatures are off in print: Chromium wrote Literata's “Th” ligature as “T” in the text layer.)
 */
const letters = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

function plain(node: Root | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && node.tagName === 'bp-noteref') return ' ';
  // A page reference prints its folio after the link (`a.page-ref::after`: “(page 12)”): any word and number.
  if (node.type === 'element' && node.tagName === 'a' && [node.properties.className ?? []].flat().includes('page-ref')) return `${node.children.map(plain).join(' ')} ${PAGE_REF} `;
  if (node.type === 'root' || node.type === 'element') return node.children.map((c) => plain(c as ElementContent)).join(' ');
  return '';
}

/** Where a page reference's generated words stand in the expected text (a private-use letter `letters` drops). */
const PAGE_REF = '\uE000';

/** The stream `expected` (with PAGE_REF marks) against `actual`: the length of their common start, whole when they agree. */
function agreeing(expected: string, actual: string): { at: number; whole: boolean } {
  const pieces = expected.split(PAGE_REF).map(letters);
  let at = 0;
  for (const [k, piece] of pieces.entries()) {
    let i = 0;
    while (i < piece.length && piece[i] === actual[at + i]) i++;
    at += i;
    if (i < piece.length) return { at, whole: false };
    if (k < pieces.length - 1) {
      const generated = /^\p{L}+\p{N}+/u.exec(actual.slice(at));
      if (!generated) return { at, whole: false };
      at += generated[0].length;
    }
  }
  return { at, whole: at === actual.length };
}

function hasIndex(book: Book): boolean {
  return book.chapters.some((c) => (c.indexMarks ?? []).length > 0);
}

/**
 * Every word of the chapters and the bibliography is printed, in order, in the text block; every note's
 * number and words at the feet of pages, in order. Compared as streams of letters and digits, so line-end
 * hyphens, soft hyphens and spacing do not matter and a lost line or word does.
 */
function assertAllTextPrinted(book: Book, read: PageText[], top: number, bottom: number): void {
  const first = read.find((p) => linesAtSize(p, 19).join(' ') === book.chapters[0]!.title);
  assert.ok(first, 'opening page of the first chapter');
  const expected = {
    body: book.chapters.map((c) => plain(c.content)).join(' ') + (book.bibliography.length > 0 ? ' Bibliography ' + book.bibliography.map((e) => e.content.map(plain).join(' ')).join(' ') : ''),
    notes: book.chapters.flatMap((c) => c.notes).map((n) => `${n.number} ${n.content.map(plain).join(' ')}`).join(' '),
  };
  const actual = { body: '', notes: '' };
  const pageAt = { body: [] as Array<[number, number]>, notes: [] as Array<[number, number]> };
  const index = read.findIndex((p) => p.number > first.number && linesAtSize(p, 19).join(' ') === 'Index');
  // The generated index is not the author's text: the stream ends where it begins.
  for (const page of read.slice(first.number - 1, index === -1 ? undefined : index)) {
    for (const w of readingOrder(page.words)) {
      if (w.y0 < top - 2 || w.y1 > bottom + 2 || w.size < 7.2) continue; // running heads, folios, note calls
      // Notes are set at 8.5 pt; small-caps headings come out at about 7.5 pt, body text at 9.5 pt and more.
      const stream = w.size >= 7.9 && w.size < 9.2 ? 'notes' : 'body';
      pageAt[stream].push([actual[stream].length, page.number]);
      actual[stream] += letters(w.text);
    }
  }
  for (const stream of ['body', 'notes'] as const) {
    const { at: i, whole } = agreeing(expected[stream], actual[stream]);
    if (whole) continue;
    const page = pageAt[stream].findLast(([at]) => at <= i)?.[1];
    const rest = letters(expected[stream]).slice(letters(expected[stream]).startsWith(actual[stream].slice(0, i)) ? i : 0);
    assert.fail(`${stream} text differs from the book on page ${page}: the book has “${rest.slice(0, 50)}”, the PDF “${actual[stream].slice(i, i + 50)}”`);
  }
}

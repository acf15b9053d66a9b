// The print guarantees of issue 4, read back from a PDF with poppler: trim on every page, fonts embedded,
// metadata, notes on the page of their call, contents numbers equal to the printed folios, chapters on odd
// pages, running heads, no text outside the text block, blank versos empty. Shared by the print tests.
import assert from 'node:assert/strict';
import type { ElementContent, Root } from 'hast';
import type { Book } from '../../src/book/model.ts';
import { checkPdf } from '../../src/check/pdf.ts';
import { pageGeometry } from '../../src/render/html/page-geometry.ts';
import { atNoteSize, folio, isCallSize, notePages, pageHeading, readingOrder, readPages, runningHead, squash, tool, typeSizes, type PageText, type TypeSizes, type Word } from './read-back.ts';

export interface GuaranteeOptions {
  /** false: leave out the note check (when another test makes it). */
  notes?: boolean;
  /** false: leave out the every-word check (when another test makes it). */
  text?: boolean;
  /** false: do not run the build's PDF check again (the caller asserted the build's report). */
  check?: boolean;
  /** The faces the PDF may embed (PostScript names after the subset tag); Literata by default. */
  fonts?: RegExp;
}

/**
 * Every guarantee, read back from the PDF. Type sizes are measured in the PDF (typeSizes), headings found by
 * their text, running heads expected as the book's design sets them (design.running-heads), so any design is read.
 */
export async function assertPrintGuarantees(book: Book, pdf: string, pages: number, options: GuaranteeOptions = {}): Promise<void> {
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
  const pageSizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)];
  assert.equal(pageSizes.length, pages);
  for (const s of pageSizes) assert.deepEqual([Number(s[1]), Number(s[2])], [W, H]);
  assert.match(info, /^Tagged:\s+yes/m);
  const authors = book.config.creators.filter((c) => c.role === 'aut').map((c) => c.name).join(', ');
  assert.equal(/^Author:\s+(.*)$/m.exec(info)?.[1], authors);
  assert.equal(/^Subject:\s+(.*)$/m.exec(info)?.[1], (book.config.description ?? book.config.subtitle)?.replace(/\s+/g, ' ').trim());
  assert.match(info, new RegExp(`^CreationDate:.*${new Date(book.epoch * 1000).getUTCFullYear()}`, 'm'));

  // pdffonts: only the book font, all embedded.
  const fonts = (await tool('pdffonts', [pdf])).split('\n').slice(2).filter(Boolean);
  assert.ok(fonts.length >= 2);
  for (const f of fonts) {
    assert.match(f, options.fonts ?? /^[A-Z]{6}\+Literata-\w+\s/, `unexpected font: ${f}`);
    assert.match(f, /\syes\s+yes\s+yes\s/, `font not embedded: ${f}`);
  }

  const read = await readPages(pdf);
  assert.equal(read.length, pages);
  const sizes = typeSizes(read, { top, bottom, left });
  const heading = (p: PageText) => squash(pageHeading(p, sizes, top, bottom) ?? '');

  if (options.text !== false) assertAllTextPrinted(book, read, top, bottom, sizes);
  if (options.notes !== false) assertNotesOnTheirPage(book, read, left, sizes);

  // Contents: every entry's number equals the folio printed on the chapter's first page, an odd page.
  const contentsPage = read.find((p) => heading(p) === 'contents');
  assert.ok(contentsPage, 'contents page found');
  const layout = await tool('pdftotext', ['-layout', '-f', String(contentsPage.number), '-l', String(contentsPage.number), pdf, '-']);
  const entries = [...layout.matchAll(/^\s*(\S.*?)\s{2,}(\d+)\s*$/gm)].map((m) => ({ title: m[1]!, page: m[2]! }));
  const headings = [...book.chapters.filter((c) => c.listed).map((c) => c.title), ...(hasBibliographyChapter(book) ? [] : ['Bibliography']), ...(book.chapters.some((c) => c.indexMarks?.length) ? ['Index'] : [])];
  assert.deepEqual(entries.map((e) => e.title.replace(/\s+/g, ' ')), headings);
  const openings = new Map<number, string>();
  for (const entry of entries) {
    const opening = openingPage(read, entry.title, sizes, top, bottom);
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
  assert.equal(folio(read.find((p) => openings.get(p.number) === firstListed(book).title)!, bottom), '1', 'arabic folios start at 1 on chapter 1');
  assert.match(folio(contentsPage, bottom) ?? '', /^[ivxl]+$/, 'roman folio on the contents');

  // Running heads: book title on the left, the current chapter on the right; none on blank pages. With
  // design.running-heads chapter-and-section: the chapter on the left, on the right the chapter or one of its sections.
  const sectionHeads = book.config.design?.settings['running-heads'] === 'chapter-and-section';
  let chapter: string | undefined;
  for (const p of read.filter((x) => x.number > contentsPage.number)) {
    chapter = openings.get(p.number) ?? chapter;
    if (openings.has(p.number) || p.words.length === 0 || chapter === 'Index') continue; // the index's heads: test/index/
    const head = squash(runningHead(p, top) ?? '');
    const where = `running head on page ${p.number}: “${runningHead(p, top)}”`;
    if (!sectionHeads) assert.equal(head, squash((p.number % 2 === 0 ? book.config.title : chapter)!), where);
    else if (p.number % 2 === 0) assert.equal(head, squash(chapter!), where);
    else {
      const sections = book.chapters.find((c) => c.title === chapter)?.sections.filter((s) => s.depth === 2).map((s) => squash(s.title)) ?? [];
      assert.ok([squash(chapter!), ...sections].includes(head), `${where}, not the chapter or one of its sections`);
    }
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
  assertBlankPagesEmpty(read, openings, sizes);
}

/** Only the text and note checks (for a book whose other guarantees another test covers). */
export async function assertTextAndNotes(book: Book, pdf: string, pages: number): Promise<void> {
  const g = pageGeometry(book.config.print, pages);
  const read = await readPages(pdf);
  assert.equal(read.length, pages);
  const block = { top: g.top * 72, bottom: g.height * 72 - g.bottom * 72, left: (p: number) => (p % 2 === 1 ? g.inside : g.outside) * 72 };
  const sizes = typeSizes(read, block);
  assertAllTextPrinted(book, read, block.top, block.bottom, sizes);
  assertNotesOnTheirPage(book, read, block.left, sizes);
}

/** The page a chapter opens on: the first after the contents (the title page may show the same words) that starts with its title. */
function openingPage(read: PageText[], title: string, sizes: TypeSizes, top: number, bottom: number): PageText | undefined {
  const heading = (p: PageText) => squash(pageHeading(p, sizes, top, bottom) ?? '');
  const contents = read.find((p) => heading(p) === 'contents')?.number ?? 0;
  return read.find((p) => p.number > contents && heading(p) === squash(title));
}

function assertBlankPagesEmpty(read: PageText[], openings: Map<number, string>, sizes: TypeSizes): void {
  for (const n of openings.keys()) {
    const verso = read[n - 2];
    // A verso before a chapter opening carries either text (the previous chapter's end) or nothing at all.
    if (verso && verso.words.length > 0) assert.ok(verso.words.some((w) => Math.abs(w.size - sizes.body) < 1), `page ${verso.number} has only furniture`);
  }
}

function assertNotesOnTheirPage(book: Book, read: PageText[], left: (p: number) => number, sizes: TypeSizes): void {
  // Every note's marker sits on the page of its call, in the book's numbering.
  const notes = book.chapters.flatMap((c) => c.notes);
  const { calls, markers } = notePages(read, left, sizes);
  assert.equal(calls.size, notes.length, 'every note call found in the text');
  assert.equal(markers.size, notes.length, 'every note found at a foot of page');
  for (const n of notes) assert.equal(markers.get(n.number), calls.get(n.number), `note ${n.number}: call on page ${calls.get(n.number)}, note on page ${markers.get(n.number)}`);
}

const firstListed = (book: Book) => book.chapters.find((c) => c.listed) ?? book.chapters[0]!;
const hasBibliographyChapter = (book: Book) => book.chapters.some((c) => c.kind === 'bibliography');

/**
 * The notes on a page: its last lines, from the foot up, as long as they are set at the notes' size, if they
 * hold a note number at the start of a line (a caption or a table at the notes' size above them is not a note).
 */
function footNotes(words: Word[], sizes: TypeSizes): Set<Word> {
  const lines: Word[][] = [];
  for (const w of words) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0]!.y1 - w.y1) <= 1) line.push(w);
    else lines.push([w]);
  }
  const run: Word[] = [];
  for (const line of lines.reverse()) {
    if (!line.every((w) => atNoteSize(w, sizes))) break;
    run.push(...line);
  }
  const numbered = run.some((w) => /^\d+\.?$/.test(w.text) && run.every((x) => Math.abs(x.y1 - w.y1) > 1 || x.x0 >= w.x0));
  return new Set(numbered ? run : []);
}

/**
 * Words read on the line they belong to: a drop cap (a letter or two at more than twice the body size) on the
 * first line it stands beside; a subscript or superscript (smaller than its neighbours, its baseline shifted)
 * on the line of the text around it.
 */
function onTheirLines(words: Word[], sizes: TypeSizes): Word[] {
  return words.map((w) => {
    if (w.size >= 2 * sizes.body && w.text.length <= 2) {
      const beside = words.filter((x) => x !== w && x.x0 >= w.x1 - 1 && x.y0 < w.y1 && x.y1 > w.y0);
      const line = Math.min(...beside.map((x) => x.y1));
      return Number.isFinite(line) ? { ...w, y1: line } : w;
    }
    // Set against a larger word (no space between), its middle within that word's height, its baseline not.
    const middle = (w.y0 + w.y1) / 2;
    const around = words.find((x) => x.size > w.size + 0.5 && x.y0 <= middle && x.y1 >= middle && Math.abs(x.y1 - w.y1) > 1 && Math.min(Math.abs(x.x0 - w.x1), Math.abs(w.x0 - x.x1)) < 1.5);
    return around ? { ...w, y1: around.y1 } : w;
  });
}

/**
 * Letters and digits only, lower-cased: what must survive layout whatever the hyphenation and spacing.
 * (Ligatures are off in print: Chromium wrote Literata's “Th” ligature as “T” in the text layer.)
 */
const letters = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

function plain(node: Root | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && node.tagName === 'bp-noteref') return ' ';
  if (node.type === 'root' || node.type === 'element') return node.children.map((c) => plain(c as ElementContent)).join(' ');
  return '';
}

/**
 * Every word of the chapters and the bibliography is printed, in order, in the text block; every note's
 * number and words at the feet of pages, in order. Compared as streams of letters and digits, so line-end
 * hyphens, soft hyphens and spacing do not matter and a lost line or word does.
 */
function assertAllTextPrinted(book: Book, read: PageText[], top: number, bottom: number, sizes: TypeSizes): void {
  const first = openingPage(read, firstListed(book).title, sizes, top, bottom);
  assert.ok(first, 'opening page of the first chapter');
  // From the first chapter in the contents on (front matter before it is not read); the bibliography's entries
  // under its own chapter (kind bibliography), or after the chapters under "Bibliography".
  const chapters = book.chapters.slice(book.chapters.indexOf(firstListed(book)));
  const entries = book.bibliography.map((e) => e.content.map(plain).join(' ')).join(' ');
  const expected = {
    body: letters(chapters.map((c) => plain(c.content) + (c.kind === 'bibliography' ? ` ${entries}` : '')).join(' ') + (hasBibliographyChapter(book) ? '' : ` Bibliography ${entries}`)),
    notes: letters(book.chapters.flatMap((c) => c.notes).map((n) => `${n.number} ${n.content.map(plain).join(' ')}`).join(' ')),
  };
  const actual = { body: '', notes: '' };
  const pageAt = { body: [] as Array<[number, number]>, notes: [] as Array<[number, number]> };
  // Note calls: the small numbers in sequence 1, 2, 3 … (other small text, e.g. H₂O or 2¹⁰, is text).
  const calls = new Set<Word>();
  let next = 1;
  for (const page of read) {
    for (const w of readingOrder(page.words)) if (isCallSize(w, sizes) && w.text === String(next)) (calls.add(w), next++);
  }
  // Up to the index (generated back matter, read back by test/index/).
  const index = read.find((p) => p.number > first.number && squash(pageHeading(p, sizes, top, bottom) ?? '') === 'index')?.number ?? read.length + 1;
  for (const page of read.slice(first.number - 1, index - 1)) {
    const inBlock = page.words.filter((w) => w.y0 >= top - 2 && w.y1 <= bottom + 2 && !calls.has(w)); // no running heads, folios, note calls
    const words = readingOrder(onTheirLines(inBlock, sizes));
    const notes = footNotes(words, sizes);
    for (const w of words) {
      // Notes: the lines at the notes' size (measured in the PDF) at the foot of the page; captions, quotations,
      // small-caps headings and body text are the rest.
      const stream = notes.has(w) ? 'notes' : 'body';
      pageAt[stream].push([actual[stream].length, page.number]);
      actual[stream] += letters(w.text);
    }
  }
  for (const stream of ['body', 'notes'] as const) {
    if (actual[stream] === expected[stream]) continue;
    let i = 0;
    while (expected[stream][i] === actual[stream][i]) i++;
    const page = pageAt[stream].findLast(([at]) => at <= i)?.[1];
    assert.fail(`${stream} text differs from the book on page ${page}: the book has “${expected[stream].slice(i, i + 50)}”, the PDF “${actual[stream].slice(i, i + 50)}”`);
  }
}

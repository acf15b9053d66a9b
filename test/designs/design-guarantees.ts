// The print guarantees of test/print/print-guarantees.ts, read back from a book set in one of the designs
// (styles/designs/): each design has its own faces, sizes, margins, heading style and running heads, so
// nothing here assumes Literata's sizes. What a design changes is taken from the book's model (the page
// geometry of its resolved print settings, its running-heads setting, section numbers, the kinds of its
// chapters) or measured in the PDF anchored on the book (measureScale: the first note's number). Headings
// are found by their text, not their size; notes are the lines at the foot of a page that continue the
// book's notes; note calls are the small numbers in sequence.
import assert from 'node:assert/strict';
import type { Element, ElementContent, Root } from 'hast';
import type { Book, Chapter } from '../../src/book/model.ts';
import { KINDS, type PageStyle } from '../../src/book/kinds.ts';
import { folio, isNoteSize, measureScale, notePages, readingOrder, readLayout, runningHead, squash, tool, type LaidOutPage, type TypeScale, type Word } from '../print/read-back.ts';

export interface Block {
  W: number;
  H: number;
  top: number;
  bottom: number;
  left: (page: number) => number;
  right: (page: number) => number;
}

/** An entry of the printed contents, and the chapter it opens (undefined: the generated Bibliography or Index). */
interface Opening {
  title: string;
  page: LaidOutPage;
  style: PageStyle;
  chapter?: Chapter;
}

/** Where the print stylesheet adds a page number (`a.page-ref::after`: “(page 12)”): matched as any such words. */
const GENERATED = '\u0001';
const PAGE_REF = /^(?:page|seite)[\divxlc]+/;

const classes = (node: Element) => (node.properties?.className as string[] | undefined) ?? [];

/** An ordered list item's number as its list type (`<ol type="i">`) prints it. */
function marker(n: number, type: string): string {
  if (type === 'a' || type === 'A') return String.fromCharCode(96 + n);
  if (type !== 'i' && type !== 'I') return String(n);
  const numerals: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [value, numeral] of numerals) for (; n >= value; n -= value) out += numeral;
  return out;
}

/** The text an element prints: its text, the numbers of an ordered list's items, a page reference's page. */
function text(node: Root | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && node.tagName === 'bp-noteref') return ' ';
  if (node.type === 'element' && node.tagName === 'ol') {
    let n = Number(node.properties?.start ?? 1) - 1;
    const type = String(node.properties?.type ?? '1');
    return node.children.map((c) => (c.type === 'element' && c.tagName === 'li' ? ` ${marker(++n, type)} ${text(c)}` : text(c))).join(' ');
  }
  if (node.type === 'element' && node.tagName === 'a' && classes(node).includes('page-ref')) return `${node.children.map(text).join(' ')} ${GENERATED}`;
  if (node.type === 'root' || node.type === 'element') return node.children.map((c) => text(c as ElementContent)).join(' ');
  return '';
}

/** The text a chapter prints: its content, with section numbers where the design numbers `##` and `###`. */
function printedText(chapter: Chapter, numbered: boolean): string {
  if (!numbered) return text(chapter.content);
  let section = 0;
  let sub = 0;
  const walk = (node: Root | ElementContent): string => {
    if (node.type === 'element' && /^h[23]$/.test(node.tagName) && !classes(node).includes('unnumbered')) {
      const number = node.tagName === 'h2' ? `${++section}` : `${section}.${++sub}`;
      if (node.tagName === 'h2') sub = 0;
      return ` ${number} ${text(node)}`;
    }
    if (node.type === 'element' && (node.tagName === 'ol' || node.tagName === 'a')) return text(node);
    if (node.type === 'root' || node.type === 'element') return node.children.map((c) => walk(c as ElementContent)).join(' ');
    return text(node);
  };
  return walk(chapter.content);
}


/**
 * The lines of a page's text block in reading order: poppler's lines (a superscript, small capitals or an
 * italic stay on their line), each left to right, ordered by the foot of their largest word; a drop cap (a
 * line of a letter or two at twice the body size or more) goes before the first line it stands beside.
 */
function linesInOrder(p: LaidOutPage, b: Block, scale: TypeScale, drop: Set<Word> = new Set()): Word[][] {
  const lines = p.lines
    .map((l) => l.filter((w) => w.y0 >= b.top - 2 && w.y1 <= b.bottom + 2 && !drop.has(w)).sort((x, y) => x.x0 - y.x0))
    .filter((l) => l.length > 0)
    .map((words) => ({ words, y: words.reduce((big, w) => (w.size > big.size ? w : big)).y1, x: words[0]!.x0 }));
  for (const line of lines) {
    const [w] = line.words;
    if (line.words.length !== 1 || w!.size < 2 * scale.body || w!.text.length > 2) continue;
    const beside = lines.filter((o) => o !== line && o.x >= w!.x1 - 1 && o.y > w!.y0 && o.y <= w!.y1 + 1);
    if (beside.length) line.y = Math.min(...beside.map((o) => o.y));
  }
  return lines.sort((a, c) => (Math.abs(a.y - c.y) > 1 ? a.y - c.y : a.x - c.x)).map((l) => l.words);
}

/** Does the page's text block start with these words (a heading, whatever its size, case or letter-spacing)? */
function startsWith(p: LaidOutPage, b: Block, scale: TypeScale, title: string): boolean {
  const want = squash(title);
  if (!want) return false;
  let got = '';
  for (const w of linesInOrder(p, b, scale).flat()) {
    got += squash(w.text);
    if (got.length >= want.length) break;
  }
  return got.startsWith(want);
}

export async function assertDesignGuarantees(book: Book, pdf: string, pages: number, b: Block, options: { notes?: boolean; text?: boolean }): Promise<void> {
  const read = await readLayout(pdf);
  assert.equal(read.length, pages);
  const settings = book.config.design!.settings;
  const notes = book.chapters.flatMap((c) => c.notes);
  const scale = measureScale(read, notes[0] ? notes[0].content.map(text).join(' ') : undefined, b);
  const found = notePages(read, b.left, scale);
  if (options.notes !== false) {
    assert.equal(found.calls.size, notes.length, 'every note call found in the text');
    assert.equal(found.markers.size, notes.length, 'every note found at a foot of page');
    for (const n of notes) assert.equal(found.markers.get(n.number), found.calls.get(n.number), `note ${n.number}: call on page ${found.calls.get(n.number)}, note on page ${found.markers.get(n.number)}`);
  }

  // The contents: a page that starts with "Contents" (and the pages it runs on to).
  const contentsAt = read.findIndex((p) => startsWith(p, b, scale, 'Contents'));
  assert.ok(contentsAt >= 0, 'contents page found');
  const contentsPage = read[contentsAt]!;
  const body = (c: Chapter) => KINDS[c.kind].place === 'after-contents' && !KINDS[c.kind].display;
  const printed = book.chapters.filter(body);
  const generated = [
    ...(book.bibliography.length && !book.bibliographyIn ? ['Bibliography'] : []),
    ...(book.chapters.some((c) => (c.indexMarks ?? []).length > 0) ? ['Index'] : []),
  ];
  // Listed chapters, with their listed sections down to book.yaml toc-depth, then the generated pages.
  const depth = book.config.tocDepth ?? 1;
  const sectionsOf = (c: Chapter) => c.sections.filter((s) => s.listed && s.depth <= depth).map((s) => s.title);
  const listed = [...printed.filter((c) => c.listed).flatMap((c) => [c.title, ...sectionsOf(c)]), ...generated];
  const sectionTitles = new Set(printed.flatMap(sectionsOf));
  const entries: Array<{ title: string; page: string }> = [];
  let contentsEnd = contentsAt;
  for (let n = contentsAt; n < read.length && entries.length < listed.length; n++) {
    if (n > contentsAt && !read[n]!.words.length) break;
    contentsEnd = n;
    const layout = await tool('pdftotext', ['-layout', '-f', String(n + 1), '-l', String(n + 1), pdf, '-']);
    entries.push(...[...layout.matchAll(/^\s*(\S.*?)\s{2,}([\divxlc]+)\s*$/gm)].map((m) => ({ title: m[1]!, page: m[2]! })));
  }
  assert.deepEqual(entries.map((e) => squash(e.title)), listed.map(squash), 'the contents lists every listed chapter, in order');

  // Openings: each chapter printed after the contents starts a page with its title; listed ones on the page
  // the contents says, which is a right-hand page when the kind opens recto, with no running head.
  const openings = new Map<number, Opening>();
  let from = contentsEnd + 1;
  const targets = [...printed.map((c) => ({ title: c.title, chapter: c as Chapter | undefined })), ...generated.map((t) => ({ title: t, chapter: undefined }))];
  for (const { title, chapter } of targets) {
    const page = read.slice(from).find((p) => startsWith(p, b, scale, title));
    assert.ok(page, `opening page of ${title}`);
    from = page.number;
    const facts = chapter ? KINDS[chapter.kind] : KINDS[title === 'Index' ? 'index' : 'bibliography'];
    // The generated Bibliography has the running heads of a chapter (book title on the left), as in the default look.
    openings.set(page.number, { title, page, style: chapter || title === 'Index' ? facts.page : 'chapter', chapter });
    if (facts.recto) assert.equal(page.number % 2, 1, `${title} opens on page ${page.number}, a left-hand page`);
    const entry = chapter && !chapter.listed ? undefined : entries[listed.indexOf(title)];
    if (entry) assert.equal(folio(page, b.bottom), entry.page, `${title}: contents says ${entry.page}`);
    assert.equal(runningHead(page, b.top), undefined, `no running head on the opening of ${title}`);
    const before = read[page.number - 2]!;
    if (facts.recto && before.number > contentsEnd + 1 && (before.words.length === 0 || folio(before, b.bottom) === undefined)) {
      assert.equal(before.words.length, 0, `page ${before.number} before ${title} is blank or a full page`);
    }
    // A verso before an opening carries text (the previous chapter's end, a picture's caption) or nothing at all.
    if (before.words.length > 0 && before.number > contentsEnd + 1) {
      assert.ok(before.words.some((w) => w.y0 >= b.top - 2 && w.y1 <= b.bottom + 2), `page ${before.number} has only furniture`);
    }
  }
  // A section's entry: the page with that folio shows the section's title.
  for (const e of entries.filter((x) => sectionTitles.has(listed[entries.indexOf(x)]!))) {
    const page = read.find((p) => p.number > contentsPage.number && folio(p, b.bottom) === e.page);
    assert.ok(page && squash(readingOrder(page.words).map((w) => w.text).join('')).includes(squash(e.title)), `${e.title}: the contents says ${e.page}, whose page does not show it`);
  }
  const firstBody = [...openings.values()].find((o) => o.chapter && KINDS[o.chapter.kind].matter === 'body');
  if (firstBody) assert.equal(folio(firstBody.page, b.bottom), '1', `arabic folios start at 1 on ${firstBody.title}`);
  assert.match(folio(contentsPage, b.bottom) ?? '', /^[ivxlc]+$/, 'roman folio on the contents');

  // Running heads, as design.running-heads and the kind's page style say; none on blank pages.
  const sections = settings['running-heads'] === 'chapter-and-section';
  let current: Opening | undefined;
  for (const p of read.filter((x) => x.number > contentsPage.number)) {
    current = openings.get(p.number) ?? current;
    if (!current || openings.has(p.number) || p.words.length === 0) continue;
    const head = runningHead(p, b.top);
    const where = `running head on page ${p.number} (in ${current.title}): “${head}”`;
    const verso = p.number % 2 === 0;
    const own = [current.title, ...(current.chapter?.sections.filter((s) => s.depth === 2).map((s) => s.title) ?? [])].map(squash);
    if (current.style === 'part' || current.style === 'display') assert.equal(head, undefined, where);
    else if (current.style === 'chapter' && !sections) assert.equal(squash(head ?? ''), squash(verso ? book.config.title : current.title), where);
    else if (current.style === 'chapter' || !verso) assert.ok(sections && !verso ? own.includes(squash(head ?? '')) : squash(head ?? '') === squash(current.title), where);
    else assert.equal(squash(head ?? ''), squash(current.title), where);
  }

  // No text outside the text block: body inside it; heads and folios in their bands of the margins.
  for (const p of read) {
    for (const w of p.words) {
      const where = `page ${p.number}: "${w.text}" at ${w.x0.toFixed(1)},${w.y0.toFixed(1)}–${w.x1.toFixed(1)},${w.y1.toFixed(1)}`;
      assert.ok(w.x0 >= b.left(p.number) - 1 && w.x1 <= b.right(p.number) + 1, `outside the text block: ${where}`);
      const inside = w.y0 >= b.top - 2 && w.y1 <= b.bottom + 2;
      const inHead = w.y1 < b.top && w.y0 >= 18;
      const inFolio = w.y0 > b.bottom && w.y1 <= b.H - 18;
      assert.ok(inside || inHead || inFolio, `outside the text block: ${where}`);
    }
  }

  if (options.text !== false) assertAllTextPrinted(book, read, b, scale, found.callWords, printed, openings);
}

/** Letters and digits only, lower-cased (GENERATED kept): what must survive layout whatever the hyphenation and spacing. */
const letters = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}\u0001]+/gu, '');

/**
 * Every word of the chapters printed after the contents and of the bibliography, in order, in the text block;
 * every note's number and words at the feet of pages, in order (compared as streams of letters and digits).
 * The notes on a page are the last lines at the notes' size that continue the book's notes.
 */
function assertAllTextPrinted(book: Book, read: LaidOutPage[], b: Block, scale: TypeScale, calls: Set<Word>, printed: Chapter[], openings: Map<number, Opening>): void {
  const numbered = book.config.design!.settings['section-numbers'] === true;
  const entries = book.bibliography.map((e) => e.content.map(text).join(' ')).join(' ');
  const expected = {
    body: letters(printed.map((c) => printedText(c, numbered)).join(' ') + (book.bibliography.length && !book.bibliographyIn ? ` Bibliography ${entries}` : '')),
    notes: letters(book.chapters.flatMap((c) => c.notes).map((n) => `${n.number} ${n.content.map(text).join(' ')}`).join(' ')),
  };
  const actual = { body: '', notes: '' };
  const pageAt = { body: [] as Array<[number, number]>, notes: [] as Array<[number, number]> };
  const starts = [...openings.keys()];
  const first = starts[0]!;
  // Up to the generated index (its own test reads it back: test/index/).
  const index = [...openings.values()].find((o) => !o.chapter && o.title === 'Index')?.page.number ?? read.length + 1;
  for (const page of read.slice(first - 1, index - 1)) {
    const lines = linesInOrder(page, b, scale, calls);
    // The foot run: lines at the notes' size from the foot up; its longest tail that continues the notes.
    let top = lines.length;
    while (top > 0 && lines[top - 1]!.every((w) => isNoteSize(w, scale))) top--;
    let split = lines.length;
    for (let k = top; k < lines.length; k++) {
      const tail = letters(lines.slice(k).flat().map((w) => w.text).join(''));
      if (tail && expected.notes.startsWith(tail, actual.notes.length)) {
        split = k;
        break;
      }
    }
    for (const [k, line] of lines.entries()) {
      const stream = k >= split ? 'notes' : 'body';
      for (const w of line) {
        pageAt[stream].push([actual[stream].length, page.number]);
        actual[stream] += letters(w.text);
      }
    }
  }
  for (const stream of ['body', 'notes'] as const) {
    const at = mismatch(expected[stream], actual[stream]);
    if (at === undefined) continue;
    const page = pageAt[stream].findLast(([from]) => from <= at.actual)?.[1];
    assert.fail(`${stream} text differs from the book on page ${page}: the book has “${at.expected}”, the PDF “${actual[stream].slice(at.actual, at.actual + 50)}”`);
  }
}

/** Where the printed letters leave the book's (GENERATED stands for a page reference's number), or undefined. */
function mismatch(expected: string, actual: string): { expected: string; actual: number } | undefined {
  let i = 0;
  for (const [k, piece] of expected.split(GENERATED).entries()) {
    if (k > 0) {
      const ref = PAGE_REF.exec(actual.slice(i));
      if (!ref) return { expected: `(page …)${piece.slice(0, 40)}`, actual: i };
      i += ref[0].length;
    }
    let j = 0;
    while (j < piece.length && piece[j] === actual[i + j]) j++;
    if (j < piece.length) return { expected: piece.slice(j, j + 50), actual: i + j };
    i += j;
  }
  return i === actual.length ? undefined : { expected: '(the end)', actual: i };
}

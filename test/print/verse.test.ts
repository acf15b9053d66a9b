// Verse in print, read back from a real poetry collection (test/fixtures/leaves-of-grass: 108 of Whitman's
// poems, long lines, a 57-line stanza longer than a page, `::: verse` divs of `\` lines). The PDF's words and
// their boxes (pdftotext -bbox) are matched, in order, against the verse lines of the manuscript: every line
// starts a line of its own and is printed whole (nothing lost, never hyphenated), wrapped parts hang by 2em,
// leading indents are kept, no line is stretched (every word gap is about one space), stanzas are spaced, short
// ones never split, long ones split with at least two lines each side; the contents lists every poem title.
// One build (PDF only), shared by every test below.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import type { Element, ElementContent, Root } from 'hast';
import { build, type BuildReport } from '../../src/build.ts';
import { readingOrder, readPages, type PageText, type Word } from './read-back.ts';

const BOOK = resolve(import.meta.dirname, '..', 'fixtures', 'leaves-of-grass');
let work: string;
let report: BuildReport;
let pages: PageText[];
/** 0-based index of the first body page. */
let body: number;

/** A verse line of the manuscript: its text, whether it starts with an indent, and its stanza. */
interface SourceLine {
  text: string;
  indented: boolean;
  stanza: number;
}
const lines: SourceLine[] = [];
const titles: string[] = [];
/** A printed line: its words on one baseline. */
interface PrintedLine {
  page: number;
  words: Word[];
  text: string;
}
/** For each source line, the printed lines it was set on. */
const setOn: PrintedLine[][] = [];

const squash = (s: string) => s.replace(/[\s\u00A0]+/g, '');
const textOf = (n: ElementContent | Root): string => (n.type === 'text' ? n.value : 'children' in n ? n.children.map((c) => textOf(c as ElementContent)).join('') : '');
const classes = (e: Element) => (e.properties?.className as string[] | undefined) ?? [];

/** The verse lines of a chapter, in order: line-block lines, and `<br>`-separated lines of .poem/.verse paragraphs. */
function collect(root: Root | Element, inVerse = false): void {
  for (const child of root.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'h2') titles.push(textOf(child).trim());
    if (classes(child).includes('line-block')) {
      const stanza = lines.length ? lines.at(-1)!.stanza + 1 : 0;
      for (const line of child.children) {
        if (line.type !== 'element' || !classes(line).includes('line')) continue;
        const text = textOf(line);
        if (text.trim()) lines.push({ text, indented: /^[\s\u00A0]/.test(text), stanza });
      }
      continue;
    }
    if (inVerse && child.tagName === 'p') {
      const stanza = lines.length ? lines.at(-1)!.stanza + 1 : 0;
      let text = '';
      const flush = () => {
        if (text.trim()) lines.push({ text: text.replace(/^\n/, ''), indented: /^[\u00A0]/.test(text.replace(/^\n/, '')), stanza });
        text = '';
      };
      for (const c of child.children) {
        if (c.type === 'element' && c.tagName === 'br') flush();
        else text += textOf(c as ElementContent);
      }
      flush();
      continue;
    }
    collect(child, inVerse || classes(child).includes('poem') || classes(child).includes('verse'));
  }
}

/** Printed lines of the body pages (running heads and folios left out), in reading order. */
function printedLines(textTop: number, textBottom: number, from: number): PrintedLine[] {
  const out: PrintedLine[] = [];
  for (const page of pages.slice(from)) {
    let line: PrintedLine | undefined;
    for (const w of readingOrder(page.words.filter((w) => w.y0 > textTop - 2 && w.y1 < textBottom + 2))) {
      if (line && Math.abs(line.words.at(-1)!.y1 - w.y1) <= 1) line.words.push(w);
      else out.push((line = { page: page.number, words: [w], text: '' }));
    }
  }
  for (const l of out) l.text = l.words.map((w) => w.text).join('');
  return out;
}

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'verse-'));
  report = await build({ manuscript: BOOK, outDir: work, formats: ['pdf'], full: false, signal: new AbortController().signal });
  pages = await readPages(join(work, 'leaves-of-grass.pdf'));
  for (const chapter of report.book.chapters) collect(chapter.content);
  // The text block, from the geometry: top and bottom margins in points.
  const { pageGeometry } = await import('../../src/render/html/page-geometry.ts');
  const g = pageGeometry(report.book.config.print, pages.length);
  body = pages.findIndex((p) => p.words.some((w) => w.text === 'Inscriptions') && !p.words.some((w) => w.text === 'Contents') && p.words.length < 200 && p.words.some((w) => w.text === 'One’s-self'));
  assert.ok(body > 0, 'the first page of the body');
  const printed = printedLines(g.top * 72, (g.height - g.bottom) * 72, body);
  // Align: each source line starts a printed line and takes as many printed lines as its text needs.
  // (A poem's title can begin like its first line: a printed title is never the start of a verse line.)
  const titleLines = new Set(titles.map(squash));
  const starts = (want: string, l: PrintedLine) => want.startsWith(l.text) && l.text.length >= Math.min(want.length, 8) && (!titleLines.has(l.text) || l.text === want);
  let at = 0;
  for (const source of lines) {
    const want = squash(source.text);
    while (at < printed.length && !starts(want, printed[at]!)) at++;
    assert.ok(at < printed.length, `“${source.text}” starts no printed line (after ${setOn.length} lines were found)`);
    const used = [printed[at]!];
    let got = printed[at++]!.text;
    while (got.length < want.length && at < printed.length && want.startsWith(got + printed[at]!.text)) {
      got += printed[at]!.text;
      used.push(printed[at++]!);
    }
    assert.equal(got, want, `“${source.text}” is printed whole on consecutive lines`);
    setOn.push(used);
  }
});
after(() => rm(work, { recursive: true, force: true }));

test('the fixture is a real collection: 100+ poems, long lines, a stanza longer than a page', () => {
  assert.ok(titles.length >= 100, `${titles.length} poems`);
  const sizes = new Map<number, number>();
  for (const l of lines) sizes.set(l.stanza, (sizes.get(l.stanza) ?? 0) + 1);
  assert.ok(Math.max(...sizes.values()) >= 50, 'a stanza of 50+ lines');
  assert.ok(setOn.filter((s) => s.length > 1).length > 100, 'many lines wrap');
});

test('every verse line starts a new line in the PDF and is printed whole, in order, unhyphenated', () => {
  assert.equal(setOn.length, lines.length);
  for (const [i, used] of setOn.entries()) {
    for (const l of used) assert.ok(!/[\u00AD]/.test(l.text), `no soft hyphen in “${lines[i]!.text}”`);
  }
});

test('no stretched verse line: every gap between words is about one space', () => {
  // Literata's space at 10.5pt is 2.6-2.8 pt; a justified line of this measure would open gaps of 4-20 pt.
  let gaps = 0;
  for (const [i, used] of setOn.entries()) {
    for (const l of used) {
      for (let k = 1; k < l.words.length; k++) {
        const gap = l.words[k]!.x0 - l.words[k - 1]!.x1;
        gaps++;
        assert.ok(gap < 4, `a ${gap.toFixed(1)} pt gap before “${l.words[k]!.text}” on page ${l.page} in “${lines[i]!.text}”`);
      }
    }
  }
  assert.ok(gaps > 5000, `${gaps} gaps measured`);
});

test('wrapped lines hang by 2em; leading indents are kept', () => {
  let hanging = 0;
  let indents = 0;
  for (const [i, used] of setOn.entries()) {
    const source = lines[i]!;
    // The flush-left lines of the same stanza give the stanza's left edge on that page.
    const edge = setOn
      .filter((u, j) => lines[j]!.stanza === source.stanza && !lines[j]!.indented && u[0]!.page === used[0]!.page)
      .map((u) => u[0]!.words[0]!.x0);
    const left = edge.length ? Math.min(...edge) : undefined;
    for (const cont of used.slice(1)) {
      if (cont.page !== used[0]!.page || left === undefined) continue;
      const indent = cont.words[0]!.x0 - left;
      assert.ok(Math.abs(indent - 21) < 2.5, `the wrapped part of “${source.text}” hangs by ${indent.toFixed(1)} pt (2em = 21 pt)`);
      hanging++;
    }
    if (source.indented && left !== undefined) {
      assert.ok(used[0]!.words[0]!.x0 - left > 2, `“${source.text}” keeps its indent`);
      indents++;
    }
  }
  assert.ok(hanging > 100, `${hanging} wrapped parts`);
  assert.ok(indents > 10, `${indents} indented lines`);
});

test('stanzas: spaced apart, short ones never split, long ones split with two lines or more on each side', () => {
  const byStanza = new Map<number, PrintedLine[]>();
  for (const [i, used] of setOn.entries()) byStanza.set(lines[i]!.stanza, [...(byStanza.get(lines[i]!.stanza) ?? []), ...used]);
  let split = 0;
  let spaced = 0;
  let previous: PrintedLine[] | undefined;
  for (const [stanza, printed] of byStanza) {
    const pagesOf = [...new Set(printed.map((l) => l.page))];
    const sourceLines = lines.filter((l) => l.stanza === stanza).length;
    if (printed.length <= 8) assert.equal(pagesOf.length, 1, `the ${sourceLines}-line stanza “${printed[0]!.text.slice(0, 40)}” is split`);
    if (pagesOf.length > 1) {
      split++;
      for (const p of pagesOf) {
        const n = printed.filter((l) => l.page === p).length;
        assert.ok(n >= 2, `a split stanza leaves ${n} line on page ${p}: “${printed[0]!.text.slice(0, 40)}”`);
      }
    }
    if (previous && previous.at(-1)!.page === printed[0]!.page) {
      const gap = printed[0]!.words[0]!.y1 - previous.at(-1)!.words[0]!.y1;
      // One line is 14.5 pt; a stanza break adds 10 pt.
      assert.ok(gap > 20, `only ${gap.toFixed(1)} pt between stanzas before “${printed[0]!.text.slice(0, 40)}”`);
      spaced++;
    }
    previous = printed;
  }
  assert.ok(split >= 3, `${split} stanzas split across pages`);
  assert.ok(spaced > 100, `${spaced} stanza breaks measured`);
});

test('the printed contents (toc-depth 2) lists every poem title, in order', () => {
  const first = pages.findIndex((p) => p.words.some((w) => w.text === 'Contents'));
  assert.ok(first >= 0 && first < body);
  const contents = pages.slice(first, body);
  const text = squash(contents.flatMap((p) => readingOrder(p.words).map((w) => w.text)).join(''));
  let from = 0;
  for (const title of titles) {
    const at = text.indexOf(squash(title), from);
    assert.ok(at >= 0, `“${title}” is in the contents (after ${from})`);
    from = at + squash(title).length;
  }
});

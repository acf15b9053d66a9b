// Checks shared by the page-list tests (test/epub/page-list.test.ts, test/index/essay-index.test.ts): an
// EPUB built with its PDF marks every printed page with content right before the words the page begins
// with (pdftotext of that page), and its nav's page-list lists them all, in order.
import assert from 'node:assert/strict';
import { COUNTED, type PrintPage } from '../../src/book/print-pages.ts';
import type { PageText } from '../print/read-back.ts';

/** What the checks read: the EPUB's XHTML by file name, the PDF's pages as text (1-based) and with positions (0-based). */
export interface PagedBuild {
  printPages: PrintPage[];
  files: Record<string, string>;
  pdfPages: string[];
  positioned: PageText[];
}

export const decode = (s: string) => s.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
export const letters = (s: string) => [...s.normalize('NFKC')].filter((ch) => COUNTED.test(ch)).join('');
const tagless = (html: string) => letters(decode(html.replace(/<sup class="noteref">[\s\S]*?<\/sup>/g, '').replace(/<[^>]+>/g, '')));
/** The marker as written in the XHTML (attributes in any order, empty or self-closed). */
const MARKER = /<span (?=[^>]*epub:type="pagebreak")(?=[^>]*role="doc-pagebreak")(?=[^>]*id="page-([^"]+)")(?=[^>]*aria-label="([^"]+)")[^>]*?(?:\/>|><\/span>)/g;

/** Each marker: its file, the markup after it (the section only, no footnote asides), and the text before it in the body. */
function markers(b: PagedBuild): Map<string, { file: string; rest: string; after: string; before: string }> {
  const out = new Map<string, { file: string; rest: string; after: string; before: string }>();
  for (const [file, xhtml] of Object.entries(b.files)) {
    const section = xhtml.split('<div class="footnotes"')[0]!;
    for (const m of section.matchAll(MARKER)) {
      assert.equal(m[1], m[2], `${file}: the marker's id and label name the same page`);
      assert.ok(!out.has(m[1]!), `page ${m[1]} is marked twice`);
      const rest = section.slice(m.index! + m[0].length);
      out.set(m[1]!, { file, rest, after: tagless(rest), before: tagless(section.slice(section.indexOf('<body'), m.index!)) });
    }
  }
  return out;
}

/** A page's first words, read from the PDF: the page begins with `snippet` (after its running head if it has one). */
function beginsWith(page: string, snippet: string): boolean {
  // Digits that are not in the EPUB's text at that place: note calls, a page reference's “(page 42)”, the contents' folios.
  const pattern = new RegExp(`^(?:${[...snippet].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(?:page\\d+|\\d+)?')})`, 'u');
  const [head, ...body] = page.split('\n');
  return pattern.test(letters(page)) || (head !== undefined && pattern.test(letters(body.join('\n'))));
}

/** A two-column page's text, the left column's lines, then the right's (a line across the middle counts as left). */
export function columns(page: PageText): string {
  const middle = page.width / 2;
  const column = (left: boolean) => {
    const rows: Array<{ y: number; words: PageText['words'] }> = [];
    for (const w of page.words.filter((w) => (w.x0 < middle) === left).sort((a, b) => a.y1 - b.y1 || a.x0 - b.x0)) {
      const row = rows.find((r) => Math.abs(r.y - w.y1) < 2);
      if (row) row.words.push(w);
      else rows.push({ y: w.y1, words: [w] });
    }
    return rows.map((r) => r.words.map((w) => w.text).join(' '));
  };
  return [...column(true), ...column(false)].join('\n');
}

/** Pages the EPUB sets as pages of their own, laid out differently: checked by the printed page's first line. */
const OWN_LAYOUT = new Set(['half-title', 'title-page', 'copyright-page']);

export function checkMarkers(b: PagedBuild): void {
  const found = markers(b);
  const printed = b.printPages;
  assert.equal(found.size, printed.length, 'one marker per printed page with content');
  for (const p of printed) {
    const m = found.get(p.label);
    assert.ok(m, `page ${p.label} has no marker`);
    const page = b.pdfPages[p.physical]!;
    const shown = `page ${p.label} (PDF page ${p.physical}, ${p.chapterId}) begins “${letters(page).slice(0, 60)}”`;
    if (OWN_LAYOUT.has(p.chapterId)) {
      // The EPUB's title and copyright pages hold other lines too: the marker is before the page's first line.
      const first = letters(page.split('\n').find((line) => letters(line) !== '') ?? '');
      assert.ok(first.length > 0 && m.after.startsWith(first), `${shown}, the EPUB marker in ${m.file} is before “${m.after.slice(0, 40)}”`);
      continue;
    }
    if (p.chapterId === 'contents') {
      // The nav lists more than the printed contents (every level, no folios): the marker is before the
      // heading and first entry the page begins with, or before the entry's words, inside its link.
      assert.equal(m.file, 'toc.xhtml');
      const upTo = m.rest.indexOf('</a>');
      assert.ok(upTo > 0, `page ${p.label}: the contents marker is followed by an entry`);
      const snippet = tagless(m.rest.slice(0, upTo));
      assert.ok(snippet.length > 0 && beginsWith(page, snippet), `${shown}, the EPUB marker is before “${snippet}”`);
      continue;
    }
    const snippet = m.after.slice(0, 30);
    assert.ok(snippet.length > 0, `page ${p.label}: no text after the marker`);
    // The index is set in two columns: read it column by column (pdftotext reads across them).
    const text = p.chapterId === 'index' ? columns(b.positioned[p.physical - 1]!) : page;
    assert.ok(beginsWith(text, snippet), `${shown}, the EPUB marker is before “${snippet}”`);
  }
}

/** The page-list's entries: one per PDF page with more than a folio on it, in order, each landing on its marker. */
export function checkPageList(b: PagedBuild): void {
  const withText = [];
  for (let n = 1; n < b.pdfPages.length; n++) if (letters(b.pdfPages[n]!).replace(/^([ivxlc]+|\d+)$/, '') !== '') withText.push(n);
  assert.deepEqual(b.printPages.map((p) => p.physical), withText, 'the pages with content, as the PDF has them');
  const list = /<nav epub:type="page-list" role="doc-pagelist"[^>]*>([\s\S]*?)<\/nav>/.exec(b.files['toc.xhtml']!)?.[1];
  assert.ok(list, 'the nav has a page-list');
  const entries = [...list.matchAll(/<li><a href="([^"#]+)#([^"]+)">([^<]+)<\/a><\/li>/g)];
  assert.deepEqual(entries.map((e) => e[3]), b.printPages.map((p) => p.label));
  for (const [, file, id] of entries) assert.match(b.files[file!] ?? '', new RegExp(`id="${id}"`), `${file}#${id}`);
}

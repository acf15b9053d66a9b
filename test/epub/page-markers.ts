// Checks shared by the page-list tests (test/epub/page-list.test.ts, page-list-endnotes.test.ts,
// test/index/essay-index.test.ts): an EPUB built with its PDF marks every printed page with content right
// before the words the page begins with (pdftotext of that page), in the text or in the note the page
// begins in, and its nav's page-list lists them all, in order.
import assert from 'node:assert/strict';
import { COUNTED, type PrintPage } from '../../src/book/print-pages.ts';
import type { PageText } from '../print/read-back.ts';

/**
 * What the checks read: the EPUB's XHTML by file name, the PDF's pages as text (1-based) and with positions
 * (0-based); the spine's file names in order, when the page-list's reading order is to be checked.
 */
export interface PagedBuild {
  printPages: PrintPage[];
  files: Record<string, string>;
  pdfPages: string[];
  positioned: PageText[];
  spine?: string[];
}

export const decode = (s: string) => s.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
export const letters = (s: string) => [...s.normalize('NFKC')].filter((ch) => COUNTED.test(ch)).join('');
const tagless = (html: string) => letters(decode(html.replace(/<sup class="noteref">[\s\S]*?<\/sup>/g, '').replace(/<[^>]+>/g, '')));
/** The marker as written in the XHTML (attributes in any order, empty or self-closed). */
const MARKER = /<span (?=[^>]*epub:type="pagebreak")(?=[^>]*role="doc-pagebreak")(?=[^>]*id="page-([^"]+)")(?=[^>]*aria-label="([^"]+)")[^>]*?(?:\/>|><\/span>)/g;

/**
 * Each marker: its file, the markup after it and that markup's letters — up to the end of the chapter's
 * section for a marker in the text, of the footnote asides for one in a note.
 */
function markers(b: PagedBuild): Map<string, { file: string; rest: string; after: string }> {
  const out = new Map<string, { file: string; rest: string; after: string }>();
  for (const [file, xhtml] of Object.entries(b.files)) {
    const at = xhtml.indexOf('<div class="footnotes"');
    for (const part of at < 0 ? [xhtml] : [xhtml.slice(0, at), xhtml.slice(at)]) {
      for (const m of part.matchAll(MARKER)) {
        assert.equal(m[1], m[2], `${file}: the marker's id and label name the same page`);
        assert.ok(!out.has(m[1]!), `page ${m[1]} is marked twice`);
        const rest = part.slice(m.index! + m[0].length);
        out.set(m[1]!, { file, rest, after: tagless(rest) });
      }
    }
  }
  return out;
}

/**
 * The titles a page of endnotes may begin with before its first note, in print or in the EPUB (“Notes”, a
 * chapter's title over its notes): the nav's contents entries, and Notes.
 */
function noteHeadings(b: PagedBuild): Set<string> {
  const toc = /<nav epub:type="toc"[\s\S]*?<\/nav>/.exec(b.files['toc.xhtml'] ?? '')?.[0] ?? '';
  return new Set(['Notes', ...[...toc.matchAll(/<a [^>]*>([\s\S]*?)<\/a>/g)].map((m) => tagless(m[1]!))]);
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
    if (p.chapterId === 'notes') {
      // A page that begins in the endnotes: the marker is in the EPUB's note, before the words the page
      // begins with; or, the page beginning with the notes' heading, before the EPUB's heading (it may have
      // none, or another: a chapter's title over its notes where print says “Notes”) and that note.
      const titles = noteHeadings(b);
      const snippet = tagless(m.rest.replace(/<(h[1-6])\b[^>]*>[\s\S]*?<\/\1>/g, '')).slice(0, 30);
      const lines = page.split('\n').filter((line) => letters(line) !== '');
      // Lines left out before the words: the running head (the first line), then headings only.
      const found = [0, 1, 2, 3].some((k) => lines.slice(0, k).every((l, i) => i === 0 || titles.has(letters(l))) && beginsWith(lines.slice(k).join('\n'), snippet));
      assert.ok(snippet.length > 0 && found, `${shown}, the EPUB marker in ${m.file} is before “${snippet}”`);
      continue;
    }
    const snippet = m.after.slice(0, 30);
    assert.ok(snippet.length > 0, `page ${p.label}: no text after the marker`);
    // The index is set in two columns: read it column by column (pdftotext reads across them).
    const text = p.chapterId === 'index' ? columns(b.positioned[p.physical - 1]!) : page;
    assert.ok(beginsWith(text, snippet), `${shown}, the EPUB marker is before “${snippet}”`);
  }
}

/**
 * The page-list's entries: one per PDF page with more than a folio on it, each landing on its marker, in
 * the print edition's order (`order: 'print'`); or, where the EPUB sets the notes elsewhere than print,
 * in the EPUB's reading order alone (`'reading'`). With `spine`, also in reading order (EPUBCheck's NAV-011).
 */
export function checkPageList(b: PagedBuild, order: 'print' | 'reading' = 'print'): void {
  const withText = [];
  for (let n = 1; n < b.pdfPages.length; n++) if (letters(b.pdfPages[n]!).replace(/^([ivxlc]+|\d+)$/, '') !== '') withText.push(n);
  assert.deepEqual(b.printPages.map((p) => p.physical), withText, 'the pages with content, as the PDF has them');
  const list = /<nav epub:type="page-list" role="doc-pagelist"[^>]*>([\s\S]*?)<\/nav>/.exec(b.files['toc.xhtml']!)?.[1];
  assert.ok(list, 'the nav has a page-list');
  const entries = [...list.matchAll(/<li><a href="([^"#]+)#([^"]+)">([^<]+)<\/a><\/li>/g)];
  const labels = b.printPages.map((p) => p.label);
  if (order === 'print') assert.deepEqual(entries.map((e) => e[3]), labels);
  else assert.deepEqual(entries.map((e) => e[3]).sort(), [...labels].sort(), 'every printed page once');
  for (const [, file, id] of entries) assert.match(b.files[file!] ?? '', new RegExp(`id="${id}"`), `${file}#${id}`);
  if (!b.spine) return;
  const place = ([, file, id]: RegExpMatchArray) => [b.spine!.indexOf(file!), b.files[file!]!.indexOf(`id="${id}"`)] as const;
  for (let i = 1; i < entries.length; i++) {
    const [a, c] = [place(entries[i - 1]!), place(entries[i]!)];
    assert.ok(a[0] >= 0 && (a[0] < c[0] || (a[0] === c[0] && a[1] < c[1])), `page ${entries[i - 1]![3]} is read before page ${entries[i]![3]}`);
  }
}

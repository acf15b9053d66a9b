// The print edition's pages in the EPUB (test/fixtures/index-book, built once as EPUB and PDF): every
// printed page of the chapters has a `doc-pagebreak` marker in the EPUB, placed right before the words the
// page begins with (read back from the PDF with pdftotext, page by page), and one page-list entry; the
// package declares the page source and the features; EPUBCheck and Ace find nothing. With the EPUB alone
// there is no page-list.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import JSZip from 'jszip';
import { COUNTED } from '../../src/book/print-pages.ts';
import { build, type BuildReport } from '../../src/build.ts';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { readPages, tool, type PageText } from '../print/read-back.ts';

const BOOK = resolve(import.meta.dirname, '..', 'fixtures', 'index-book');
const NAME = 'the-harbour-commission';
let work: string;
let report: BuildReport;
const validation: Diagnostic[] = [];
const files: Record<string, string> = {};
/** pdftotext of each page (1-based), as `pdftotext -f N -l N` gives it. */
let pdfPages: string[] = [];
let positioned: PageText[] = [];

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'page-list-'));
  report = await build({
    manuscript: BOOK, outDir: work, formats: ['epub', 'pdf'], ace: true, full: true, signal: new AbortController().signal,
    onEvent: (e) => {
      if (e.type === 'diagnostics') validation.push(...e.diagnostics);
    },
  });
  const zip = await JSZip.loadAsync(await readFile(join(work, `${NAME}.epub`)));
  for (const name of Object.keys(zip.files).filter((n) => /\.(xhtml|opf|ncx)$/.test(n))) files[name.replace(/^.*\//, '')] = await zip.file(name)!.async('string');
  pdfPages = ['', ...(await tool('pdftotext', [join(work, `${NAME}.pdf`), '-'])).split('\f')];
  positioned = await readPages(join(work, `${NAME}.pdf`));
});
after(() => rm(work, { recursive: true, force: true }));

const decode = (s: string) => s.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const letters = (s: string) => [...s.normalize('NFKC')].filter((ch) => COUNTED.test(ch)).join('');
/** The marker as written in the XHTML (attributes in any order, empty or self-closed). */
const MARKER = /<span (?=[^>]*epub:type="pagebreak")(?=[^>]*role="doc-pagebreak")(?=[^>]*id="page-([^"]+)")(?=[^>]*aria-label="([^"]+)")[^>]*?(?:\/>|><\/span>)/g;

/** Pages the EPUB lays out differently (title and copyright pages): their marker opens the document instead. */
const OPENS_DOCUMENT = new Set(['half-title', 'title-page', 'copyright-page']);

/**
 * The text after each marker: the section only (no footnote asides), note calls left out; `before`, the
 * text of the document's body before it.
 */
function markers(): Map<string, { file: string; after: string; before: string }> {
  const out = new Map<string, { file: string; after: string; before: string }>();
  for (const [file, xhtml] of Object.entries(files)) {
    const section = xhtml.split('<div class="footnotes"')[0]!;
    for (const m of section.matchAll(MARKER)) {
      assert.equal(m[1], m[2], `${file}: the marker's id and label name the same page`);
      assert.ok(!out.has(m[1]!), `page ${m[1]} is marked twice`);
      const rest = section.slice(m.index! + m[0].length).replace(/<sup class="noteref">[\s\S]*?<\/sup>/g, '').replace(/<[^>]+>/g, '');
      const before = section.slice(section.indexOf('<body'), m.index!).replace(/<[^>]+>/g, '');
      out.set(m[1]!, { file, after: letters(decode(rest)), before: letters(decode(before)) });
    }
  }
  return out;
}

/** A page's first words, read from the PDF: the page begins with `snippet` (after its running head if it has one). */
function beginsWith(page: string, snippet: string): boolean {
  // Digits that are not in the EPUB's text at that place: note calls, and a page reference's “(page 42)”.
  const pattern = new RegExp(`^(?:${[...snippet].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(?:page\\d+|\\d+)?')})`, 'u');
  const [head, ...body] = page.split('\n');
  return pattern.test(letters(page)) || (head !== undefined && pattern.test(letters(body.join('\n'))));
}

/** A two-column page's text, the left column's lines, then the right's (a line across the middle counts as left). */
function columns(page: PageText): string {
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

test('EPUBCheck and Ace report nothing with the page-list', () => {
  assert.deepEqual(validation.filter((d) => d.severity === 'error' || /epubcheck|ace/i.test(d.rule ?? '')), []);
});

test('every marker sits right before the first words of the printed page it names', () => {
  const found = markers();
  const printed = report.printPages ?? [];
  assert.ok(printed.length >= 8, `${printed.length} printed pages with chapter text`);
  assert.equal(found.size, printed.length, 'one marker per printed page with chapter text');
  for (const p of printed) {
    const m = found.get(p.label);
    assert.ok(m, `page ${p.label} has no marker`);
    if (OPENS_DOCUMENT.has(p.chapterId)) {
      assert.equal(m.before, '', `page ${p.label} (${p.chapterId}): the marker opens ${m.file}`);
      continue;
    }
    const snippet = m.after.slice(0, 30);
    assert.ok(snippet.length > 0, `page ${p.label}: no text after the marker`);
    // The index is set in two columns: read it column by column (pdftotext reads across them).
    const text = p.chapterId === 'index' ? columns(positioned[p.physical - 1]!) : pdfPages[p.physical]!;
    assert.ok(beginsWith(text, snippet), `page ${p.label} (PDF page ${p.physical}) begins “${letters(pdfPages[p.physical]!).slice(0, 60)}”, the EPUB marker is before “${snippet}”`);
  }
});

test('the page-list has one entry per printed page with content, in order, each landing on its marker', () => {
  // Pages with content, found in the PDF alone: every page with more than a folio on it, but the contents
  // (the EPUB's contents is its nav, made differently).
  const title = (n: number) => letters(pdfPages[n]!.split('\n')[0] ?? '');
  const withText = [];
  for (let n = 1; n < pdfPages.length; n++) if (letters(pdfPages[n]!).replace(/^([ivxlc]+|\d+)$/, '') !== '' && title(n) !== 'Contents') withText.push(n);
  assert.ok(withText.length >= 12, `${withText.length} pages with content`);
  assert.deepEqual((report.printPages ?? []).map((p) => p.physical), withText);

  const nav = files['toc.xhtml']!;
  const list = /<nav epub:type="page-list" role="doc-pagelist"[^>]*>([\s\S]*?)<\/nav>/.exec(nav)?.[1];
  assert.ok(list, 'the nav has a page-list');
  const entries = [...list.matchAll(/<li><a href="([^"#]+)#([^"]+)">([^<]+)<\/a><\/li>/g)];
  assert.deepEqual(entries.map((e) => e[3]), (report.printPages ?? []).map((p) => p.label));
  for (const [, file, id] of entries) assert.match(files[file!] ?? '', new RegExp(`id="${id}"`), `${file}#${id}`);
});

test('the package names the print edition as the page source and declares page navigation', () => {
  const opf = files['content.opf']!;
  assert.match(opf, /<dc:source id="page-source">urn:isbn:9780306406157<\/dc:source>/);
  assert.match(opf, /<meta refines="#page-source" property="source-of">pagination<\/meta>/);
  assert.match(opf, /<meta property="schema:accessibilityFeature">pageNavigation<\/meta>/);
  assert.match(opf, /<meta property="schema:accessibilityFeature">pageBreakMarkers<\/meta>/);
});

test('the EPUB index reads as print folios', () => {
  const locators = [...decode(files['index.xhtml']!).matchAll(/<a epub:type="index-locator"[^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
  assert.ok(locators.length > 0 && locators.every((l) => /^\d+(–\d+)?$/.test(l!)), locators.slice(0, 5).join(', '));
});

test('the EPUB alone has no page-list, no markers and claims neither feature', async () => {
  const out = await mkdtemp(join(tmpdir(), 'page-list-epub-'));
  try {
    await build({ manuscript: BOOK, outDir: out, formats: ['epub'], full: false, signal: new AbortController().signal });
    const zip = await JSZip.loadAsync(await readFile(join(out, `${NAME}.epub`)));
    const all = (await Promise.all(Object.keys(zip.files).filter((n) => /\.(xhtml|opf)$/.test(n)).map((n) => zip.file(n)!.async('string')))).join('\n');
    assert.doesNotMatch(all, /page-list|pagebreak|pageNavigation|pageBreakMarkers|dc:source/);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

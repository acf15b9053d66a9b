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
import { tool } from '../print/read-back.ts';

const BOOK = resolve(import.meta.dirname, '..', 'fixtures', 'index-book');
const NAME = 'the-harbour-commission';
let work: string;
let report: BuildReport;
const validation: Diagnostic[] = [];
const files: Record<string, string> = {};
/** pdftotext of each page (1-based), as `pdftotext -f N -l N` gives it. */
let pdfPages: string[] = [];

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
});
after(() => rm(work, { recursive: true, force: true }));

const decode = (s: string) => s.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const letters = (s: string) => [...s.normalize('NFKC')].filter((ch) => COUNTED.test(ch)).join('');
/** The marker as written in the XHTML (attributes in any order, empty or self-closed). */
const MARKER = /<span (?=[^>]*epub:type="pagebreak")(?=[^>]*role="doc-pagebreak")(?=[^>]*id="page-([^"]+)")(?=[^>]*aria-label="([^"]+)")[^>]*?(?:\/>|><\/span>)/g;

/** The chapter's text after each marker: the section only (no footnote asides), note calls left out. */
function markers(): Map<string, { file: string; after: string }> {
  const out = new Map<string, { file: string; after: string }>();
  for (const [file, xhtml] of Object.entries(files)) {
    const section = xhtml.split('<div class="footnotes"')[0]!;
    for (const m of section.matchAll(MARKER)) {
      assert.equal(m[1], m[2], `${file}: the marker's id and label name the same page`);
      assert.ok(!out.has(m[1]!), `page ${m[1]} is marked twice`);
      const rest = section.slice(m.index! + m[0].length).replace(/<sup class="noteref">[\s\S]*?<\/sup>/g, '').replace(/<[^>]+>/g, '');
      out.set(m[1]!, { file, after: letters(decode(rest)) });
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
    const snippet = m.after.slice(0, 30);
    assert.ok(snippet.length > 0, `page ${p.label}: no text after the marker`);
    assert.ok(beginsWith(pdfPages[p.physical]!, snippet), `page ${p.label} (PDF page ${p.physical}) begins “${letters(pdfPages[p.physical]!).slice(0, 60)}”, the EPUB marker is before “${snippet}”`);
  }
});

test('the page-list has one entry per printed page of the chapters, in order, each landing on its marker', () => {
  // Pages of the chapters, found in the PDF alone: from the first chapter's opening to the index, every page
  // with more than a folio on it.
  const title = (n: number) => letters(pdfPages[n]!.split('\n')[0] ?? '');
  const first = pdfPages.findIndex((p, i) => i > 0 && title(i) === 'TheCommission');
  const index = pdfPages.findIndex((p, i) => i > first && title(i) === 'Index');
  assert.ok(first > 0 && index > first, `chapters on PDF pages ${first}–${index - 1}`);
  const withText = [];
  for (let n = first; n < index; n++) if (letters(pdfPages[n]!).replace(/^\d+$/, '') !== '') withText.push(n);
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

// The print edition's pages in the EPUB, each book built once as EPUB and PDF: every printed page with
// content — front matter and contents included — has a `doc-pagebreak` marker in the EPUB, placed right
// before the words the page begins with (read back from the PDF with pdftotext, page by page), and one
// entry in the nav's page-list and in the NCX's pageList; the package declares the page source and the
// features; EPUBCheck and Ace find nothing. Two books: test/fixtures/index-book (index, figure, table, page
// references), and one made here whose printed contents runs over pages (toc-depth 2, many sections) while
// the nav lists the `###` sections too. With the EPUB alone there is no page-list.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import JSZip from 'jszip';
import { build } from '../../src/build.ts';
import { buildPaged, checkNcx, noFindings, type Built } from './page-build.ts';
import { checkMarkers, checkPageList, decode } from './page-markers.ts';

let work: string;
let harbour: Built;
let contents: Built;

/** A book whose printed contents takes more than one page: one chapter of 60 `##` sections, each with a `###`. */
async function longContentsBook(dir: string): Promise<void> {
  await mkdir(join(dir, 'chapters'), { recursive: true });
  await writeFile(join(dir, 'book.yaml'), `title: The Long Contents
creators:
  - name: Test Author
language: en-GB
identifier: urn:uuid:00000000-0000-4000-8000-00000000c0c0
date: 2024-01-01
rights: © 2024 Test Author
toc-depth: 2
chapters:
  - chapters/one.md
`);
  const sections = Array.from({ length: 60 }, (_, i) => `## The ${['first', 'second', 'third', 'fourth', 'fifth'][i % 5]} question, number ${i + 1}

### Its answer ${i + 1}

The board met on the ${i + 1}th day and heard the pilots again. Nobody could say who had given the order.
`);
  await writeFile(join(dir, 'chapters', 'one.md'), `# Many Questions\n\nThe questions the board was asked, one by one.\n\n${sections.join('\n')}`);
}

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'page-list-'));
  harbour = await buildPaged(resolve(import.meta.dirname, '..', 'fixtures', 'index-book'), work, 'the-harbour-commission');
  const long = join(work, 'long-contents-book');
  await longContentsBook(long);
  contents = await buildPaged(long, work, 'the-long-contents');
});
after(() => rm(work, { recursive: true, force: true }));

test('EPUBCheck and Ace report nothing with the page-list', () => {
  noFindings(harbour);
  noFindings(contents);
});

test('every marker sits right before the first words of the printed page it names', () => {
  assert.ok((harbour.report.printPages ?? []).length >= 12, `${harbour.report.printPages?.length} printed pages with content`);
  const kinds = new Set((harbour.report.printPages ?? []).map((p) => p.chapterId));
  for (const k of ['half-title', 'title-page', 'copyright-page', 'contents', 'index']) assert.ok(kinds.has(k), `a ${k} page is listed`);
  checkMarkers(harbour);
});

test('a contents printed over several pages: each page marked at the entry it begins with, in the nav', () => {
  const pages = (contents.report.printPages ?? []).filter((p) => p.chapterId === 'contents');
  assert.ok(pages.length >= 2, `${pages.length} contents pages`);
  assert.ok(pages.slice(1).every((p) => p.entry !== undefined), 'the later contents pages begin in an entry');
  // The later pages' markers are inside the entry's link (a nav list item holds only its link and sub-list).
  for (const p of pages.slice(1)) assert.match(contents.files['toc.xhtml']!, new RegExp(`<li><a href="[^"]+"><span [^>]*id="page-${p.label}"`));
  assert.match(contents.files['toc.xhtml']!, /<span [^>]*id="page-[ivx]+"[^>]*><\/span>\n<nav epub:type="toc"/, 'the first, before the nav');
  checkMarkers(contents);
});

test('the page-list has one entry per printed page with content, in order, each landing on its marker', () => {
  checkPageList(harbour);
  checkPageList(contents);
});

test('the NCX has the same pages in a pageList, numbered with the navPoints in reading order', () => {
  checkNcx(harbour);
  checkNcx(contents);
});

test('the package names the print edition as the page source and declares page navigation', () => {
  const opf = harbour.files['content.opf']!;
  assert.match(opf, /<dc:source id="page-source">urn:isbn:9780306406157<\/dc:source>/);
  assert.match(opf, /<meta refines="#page-source" property="source-of">pagination<\/meta>/);
  assert.match(opf, /<meta property="schema:accessibilityFeature">pageNavigation<\/meta>/);
  assert.match(opf, /<meta property="schema:accessibilityFeature">pageBreakMarkers<\/meta>/);
});

test('the EPUB index reads as print folios', () => {
  const locators = [...decode(harbour.files['index.xhtml']!).matchAll(/<a epub:type="index-locator"[^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
  assert.ok(locators.length > 0 && locators.every((l) => /^\d+(–\d+)?$/.test(l!)), locators.slice(0, 5).join(', '));
});

test('the EPUB alone has no page-list, no markers and claims neither feature', async () => {
  const out = await mkdtemp(join(tmpdir(), 'page-list-epub-'));
  try {
    await build({ manuscript: resolve(import.meta.dirname, '..', 'fixtures', 'index-book'), outDir: out, formats: ['epub'], full: false, signal: new AbortController().signal });
    const zip = await JSZip.loadAsync(await readFile(join(out, 'the-harbour-commission.epub')));
    const all = (await Promise.all(Object.keys(zip.files).filter((n) => /\.(xhtml|opf|ncx)$/.test(n)).map((n) => zip.file(n)!.async('string')))).join('\n');
    assert.doesNotMatch(all, /page-list|pagebreak|pageNavigation|pageBreakMarkers|dc:source|pageList|pageTarget/);
    assert.match(all, /<meta name="dtb:totalPageCount" content="0"\/>/);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

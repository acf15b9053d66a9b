// The essay's index (manuscript/), built once as EPUB and PDF: at least 60 terms (names, organisations,
// events) with sub-entries and see-also; every number the printed index gives is the folio of a page where
// the marked words really are (pdftotext, page by page); the EPUB index's links, followed in Chromium, land
// right before the marked words; the EPUB marks every printed page with content; EPUBCheck and Ace find
// nothing.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import JSZip from 'jszip';
import { BrowserPool } from '../../src/browser.ts';
import { build, type BuildReport } from '../../src/build.ts';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { readPages, tool, type PageText } from '../print/read-back.ts';
import { checkMarkers, checkPageList } from '../epub/page-markers.ts';
import { assertIndexLocators, indexEntries, letters, wordsAfter } from './printed-index.ts';

const BOOK = resolve(import.meta.dirname, '..', '..', 'manuscript');
const NAME = 'the-zinoviev-letter';
let work: string;
let report: BuildReport;
const validation: Diagnostic[] = [];
/** pdftotext of each page, 1-based (`pdftotext -f N -l N`). */
let pdfText: string[] = [];
let pages: PageText[] = [];

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'essay-index-'));
  report = await build({
    manuscript: BOOK, outDir: join(work, 'out'), formats: ['epub', 'pdf'], ace: true, signal: new AbortController().signal,
    onEvent: (e) => {
      if (e.type === 'diagnostics') validation.push(...e.diagnostics);
    },
  });
  const pdf = join(work, 'out', `${NAME}.pdf`);
  pdfText = ['', ...(await tool('pdftotext', [pdf, '-'])).split('\f')];
  pages = await readPages(pdf);
  const zip = await JSZip.loadAsync(await readFile(join(work, 'out', `${NAME}.epub`)));
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const target = join(work, 'epub', entry.name);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, await entry.async('nodebuffer'));
  }
});
after(() => rm(work, { recursive: true, force: true }));

const entries = () => indexEntries(report.book);

test('EPUBCheck and Ace report nothing; no index diagnostics', () => {
  assert.deepEqual(validation.filter((d) => d.severity === 'error' || /epubcheck|ace/i.test(d.rule ?? '')), []);
  assert.deepEqual(report.diagnostics.filter((d) => d.rule.startsWith('index')), []);
});

test('the essay has an index of at least 60 terms, with sub-entries and see also', () => {
  const all = entries();
  const top = all.filter((e) => e.path.length === 1);
  assert.ok(top.length >= 60, `${top.length} main entries`);
  assert.ok(all.filter((e) => e.path.length === 2).length >= 15, 'sub-entries');
  assert.ok(all.filter((e) => e.seeAlso.length > 0).length >= 4, 'see also');
  for (const name of ['Corbyn, Jeremy', 'MacDonald, Ramsay', 'Equality and Human Rights Commission', 'Zinoviev letter', 'Munich massacre']) {
    assert.ok(top.some((e) => e.term === name), name);
  }
});

test('print: every number of the index is the folio of a page where the marked words are', () => {
  const checked = assertIndexLocators(report.book, pages, pdfText);
  assert.ok(checked >= 80, `${checked} page numbers checked`);
});

test('EPUB: index links followed in Chromium land right before the marked words', async () => {
  const index = await readFile(join(work, 'epub', 'OEBPS', 'index.xhtml'), 'utf8');
  const links = [...index.matchAll(/<a epub:type="index-locator" href="([^"#]+)#([^"]+)"/g)].map((m) => ({ file: m[1]!, id: m[2]! }));
  assert.ok(links.length >= 80, `${links.length} locators`);
  const words = new Map<string, string>();
  for (const chapter of report.book.chapters) for (const mark of chapter.indexMarks ?? []) if (mark.id) words.set(mark.id, wordsAfter(chapter.content, mark.id));
  const pool = new BrowserPool();
  try {
    const page = await (await pool.get()).newPage();
    const url = pathToFileURL(join(work, 'epub', 'OEBPS', 'index.xhtml')).href;
    // A sample spread over the index: every sixth locator.
    const sample = links.filter((_, i) => i % 6 === 0);
    for (const link of sample) {
      await page.goto(url, { waitUntil: 'load' });
      assert.equal(await page.evaluate(() => document.contentType), 'application/xhtml+xml');
      const away = page.waitForNavigation();
      await page.click(`a[href="${link.file}#${link.id}"]`);
      await away;
      assert.equal(new URL(page.url()).hash, `#${link.id}`);
      assert.ok(page.url().endsWith(`${link.file}#${link.id}`), page.url());
      // The text that follows the anchor the fragment names, in the chapter as the reader shows it.
      const after = await page.evaluate((id) => {
        const target = document.getElementById(id);
        if (!target) return null;
        const range = document.createRange();
        range.setStartBefore(target);
        range.setEndAfter(target.closest('p, li, h1, h2, h3, blockquote') ?? target);
        return range.toString();
      }, link.id);
      assert.ok(after !== null, `#${link.id} is in ${link.file}`);
      const expected = words.get(link.id)!;
      assert.ok(letters(after).startsWith(letters(expected)), `${link.file}#${link.id}: “${after.slice(0, 40)}” does not open with “${expected}”`);
    }
    assert.ok(sample.length >= 12);
  } finally {
    await pool.close();
  }
});

test('the essay\'s EPUB marks every printed page with content, front matter and contents too, each marker before its page\'s first words', async () => {
  const printed = report.printPages ?? [];
  assert.ok(printed.length >= 10, `${printed.length} pages`);
  assert.ok(printed.some((p) => p.chapterId === 'contents'), 'the printed contents has a page in the page-list');
  const files: Record<string, string> = {};
  const dir = join(work, 'epub', 'OEBPS');
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.xhtml'))) files[name] = await readFile(join(dir, name), 'utf8');
  // With footnotes on the pages: each marker is right before the words its page begins with (after the
  // running head), note calls and “(page N)” aside; the index read column by column.
  const paged = { printPages: printed, files, pdfPages: pdfText, positioned: pages };
  checkPageList(paged);
  checkMarkers(paged);
});

// The index book (test/fixtures/index-book), built once as EPUB and PDF: the printed index's numbers are
// the folios of the pages where each term really is (read back with poppler), set in two columns with
// running heads; the EPUB index follows EPUB Indexes 1.0, every locator lands on its anchor, the index is in
// the nav and the landmarks; EPUBCheck and Ace find nothing.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import JSZip from 'jszip';
import { bookIndex, type IndexEntry } from '../../src/book/book-index.ts';
import { build, type BuildReport } from '../../src/build.ts';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { arabicFolio as folioOf, baselines as lines, readPages, type PageText } from '../print/read-back.ts';

const BOOK = resolve(import.meta.dirname, '..', 'fixtures', 'index-book');
let work: string;
let report: BuildReport;
const validation: Diagnostic[] = [];
const xhtml: Record<string, string> = {};
let pages: PageText[] = [];

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'index-book-'));
  report = await build({
    manuscript: BOOK, outDir: work, formats: ['epub', 'pdf'], ace: true, signal: new AbortController().signal,
    onEvent: (e) => {
      if (e.type === 'diagnostics') validation.push(...e.diagnostics);
    },
  });
  const zip = await JSZip.loadAsync(await readFile(join(work, 'the-harbour-commission.epub')));
  for (const name of Object.keys(zip.files).filter((n) => /\.(xhtml|opf)$/.test(n))) xhtml[name.replace(/^.*\//, '')] = await zip.file(name)!.async('string');
  pages = await readPages(join(work, 'the-harbour-commission.pdf'));
});
after(() => rm(work, { recursive: true, force: true }));

const decode = (s: string) => s.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/&amp;/g, '&');
const pageWithFolio = (n: number) => pages.find((p) => folioOf(p) === n);
const indexPages = () => {
  const first = pages.findIndex((p) => lines(p)[0]?.text === 'Index');
  assert.ok(first > 0, 'no page opens with the heading "Index"');
  return pages.slice(first);
};

test('EPUBCheck and Ace report nothing', () => {
  assert.deepEqual(validation.filter((d) => /epubcheck|ace|pdf/i.test(d.rule ?? '') || d.severity === 'error'), []);
  assert.deepEqual(report.diagnostics.filter((d) => d.rule.startsWith('index') || d.rule.startsWith('link')), []);
});

test('EPUB: an index document with EPUB Indexes 1.0 semantics, in the nav and the landmarks', () => {
  const index = decode(xhtml['index.xhtml'] ?? '');
  assert.match(index, /<section epub:type="index" role="doc-index"/);
  assert.match(index, /epub:type="index-group"/);
  const entries = [...index.matchAll(/<li epub:type="index-entry"/g)].length;
  assert.ok(entries >= 55, `${entries} entries`);
  assert.match(index, /<span epub:type="index-term">McNicol, Arthur<\/span>/);
  assert.match(index, /<span epub:type="index-term">tolls<\/span>[\s\S]*?<ul epub:type="index-entry-list"><li epub:type="index-entry"[^>]*><span epub:type="index-term">on coal<\/span>/);
  assert.match(index, /<span epub:type="index-xref-preferred"><i>See<\/i> <a href="#index-tolls-[^"]+">tolls<\/a><\/span>/);
  assert.match(index, /<span epub:type="index-xref-related"><i>See also<\/i> <a href="#index-general-strike-[^"]+">General Strike<\/a><\/span>/);
  // Every see link finds its entry; every locator finds its anchor in the chapter's file.
  for (const [, id] of index.matchAll(/<a href="#([^"]+)"/g)) assert.match(index, new RegExp(`id="${id}"`), `#${id}`);
  const locators = [...index.matchAll(/<a epub:type="index-locator" href="([^"#]+)#([^"]+)">([^<]+)<\/a>/g)];
  assert.ok(locators.length >= 55);
  for (const [, file, id] of locators) assert.match(xhtml[file!] ?? '', new RegExp(`id="${id}"`), `${file}#${id}`);
  const nav = xhtml['toc.xhtml']!;
  assert.match(nav, /<a href="index.xhtml">Index<\/a>/);
  assert.match(nav, /<a epub:type="index" href="index.xhtml">Index<\/a>/);
});

test('print: the index is in the contents at its folio, in two columns, with its running head', () => {
  const ix = indexPages();
  assert.ok(ix.length >= 2, `the index should run over two pages or more (has ${ix.length})`);
  const contents = pages.find((p) => lines(p)[0]?.text === 'Contents')!;
  const entry = lines(contents).find((l) => l.text.startsWith('Index'));
  assert.equal(Number(entry?.text.split(' ').at(-1)), folioOf(ix[0]!));
  for (const page of ix) {
    const middle = page.width / 2;
    const words = page.words.filter((w) => w.y0 > 72 && w.y1 < page.height - 60);
    assert.ok(words.some((w) => w.x1 < middle - 5) && words.some((w) => w.x0 > middle + 5), `page ${page.number}: two columns`);
    assert.ok(words.every((w) => w.x1 < middle + 3 || w.x0 > middle - 3), `page ${page.number}: nothing crosses the gutter between the columns`);
  }
  for (const page of ix.slice(1)) assert.equal(lines(page)[0]?.text, 'Index', `page ${page.number}: running head`);
});

test('print: every number in the index is the folio of a page where the term is', () => {
  const book = report.book;
  // What each entry's marks print in the text (the span's words), by entry path.
  const printed = new Map<string, string[]>();
  for (const chapter of book.chapters) {
    const html = JSON.stringify(chapter.content);
    for (const mark of chapter.indexMarks ?? []) {
      if (!mark.id) continue;
      const words = spanText(chapter.content, mark.id);
      const key = mark.term.join('!');
      printed.set(key, [...(printed.get(key) ?? []), words].filter(Boolean));
      void html;
    }
  }
  // The index's text column by column, entries' turnover lines joined to their first line.
  const text = indexPages().flatMap((p) => {
    const middle = p.width / 2;
    const column = (left: boolean) => lines({ ...p, words: p.words.filter((w) => (w.x0 < middle) === left) }).map((l) => l.text);
    return [...column(true), ...column(false)];
  }).join('\n').replace(/,\n(?=\d)/g, ', ').replace(/-\n/g, '');
  const groups = bookIndex(book.chapters, book.config.language);
  let checked = 0;
  const visit = (e: IndexEntry, parent?: IndexEntry) => {
    const words = printed.get(e.path.join('!')) ?? [];
    if (e.locators.length > 0) {
      const m = new RegExp(`(?:^|\\n)\\s*${escape(e.term)}, ([\\d–, ]+)`).exec(text);
      assert.ok(m, `the index prints "${e.term}" with numbers${parent ? ` (under ${parent.term})` : ''}`);
      const numbers = m[1]!.split(/,\s*/).filter(Boolean);
      for (const n of numbers) {
        const [from, toShort] = n.split('–');
        const first = Number(from);
        const to = toShort ? Number(from!.slice(0, from!.length - toShort.length) + toShort) : first;
        const range = Array.from({ length: to - first + 1 }, (_, i) => first + i).map(pageWithFolio);
        assert.ok(range.every(Boolean), `${e.term}: a page with folio ${n}`);
        const onPages = range.map((p) => lines(p!).map((l) => l.text).join(' ').replace(/-\s/g, '')).join(' ');
        if (words.length > 0) {
          assert.ok(words.some((w) => onPages.includes(w) || onPages.replace(/\s+/g, ' ').includes(w)), `${e.term} ${n}: "${words.join('" or "')}" on the page`);
        }
        checked++;
      }
    }
    for (const c of e.children) visit(c, e);
  };
  for (const g of groups) for (const e of g.entries) visit(e);
  assert.ok(checked >= 55, `${checked} locators checked`);
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function spanText(root: unknown, id: string): string {
  let found = '';
  const text = (n: any): string => (n.type === 'text' ? n.value : (n.children ?? []).map(text).join(''));
  const walk = (n: any): void => {
    if (found) return;
    if (n.type === 'element' && n.properties?.id === id && n.tagName === 'span') found = text(n).replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim();
    for (const c of n.children ?? []) walk(c);
  };
  walk(root);
  return found;
}

test('cross-references: figures and tables numbered per chapter, .ref prints the number, .page-ref the true folio', () => {
  const all = pages.map((p) => ({ p, text: lines(p).map((l) => l.text).join(' ').replace(/-\s/g, '') }));
  const where = (needle: string) => all.find((x) => x.text.includes(needle));
  assert.ok(where('Figure 1.1. The lower quay at dusk'), 'the figure is numbered in print');
  assert.ok(where('plain from Figure 1.1.'), '.ref prints the figure number');
  assert.ok(where('Table 1.1. Harbour tolls'));
  assert.ok(where('set out in Table 1.1;'));
  const table = folioOf(where('Table 1.1. Harbour tolls')!.p);
  assert.ok(where(`table of tolls (page ${table})`), `a backward page reference prints page ${table}`);
  const strike = folioOf(pages.find((p) => lines(p).some((l) => l.text === 'The Strike') && !lines(p).some((l) => l.text === 'Contents'))!);
  assert.ok(where(`last chapter (page ${strike})`), `a forward page reference prints page ${strike}`);
  const one = decode(xhtml['ch-01-the-commission.xhtml']!);
  assert.match(one, /<figcaption><span class="caption-number">Figure 1\.1\.<\/span> The lower quay/);
  assert.match(one, /<a href="#fig-quay" class="ref">Figure 1\.1<\/a>/);
  const two = decode(xhtml['ch-02-the-dredging.xhtml']!);
  assert.match(two, /<a href="ch-01-the-commission\.xhtml#tbl-tolls" class="page-ref">the table of tolls<\/a>/);
});

// The print PDF, read back with poppler: trim on every page, fonts embedded, notes on the page of their
// call, contents numbers equal to the printed folios, chapters on odd pages, no text outside the text
// block, running heads, reproducible bytes. Real Chromium, real poppler.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { Book } from '../../src/book/model.ts';
import { fileURLToPath } from 'node:url';
import { loadBook } from '../../src/book/load.ts';
import { BrowserPool } from '../../src/browser.ts';
import { checkPdf } from '../../src/check/pdf.ts';
import { renderHtml } from '../../src/render/html/index.ts';
import { pageGeometry } from '../../src/render/html/page-geometry.ts';
import { lastPdfTimings, renderPdf } from '../../src/render/pdf/index.ts';
import { makeBook } from './make-book.ts';
import { folio, linesAtSize, notePages, readPages, runningHead, tool, type PageText } from './read-back.ts';

const pool = new BrowserPool();
after(() => pool.close());
const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function print(book: Book, log: (s: string) => void = () => {}): Promise<{ pdf: string; pages: number; html: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bp-print-'));
  dirs.push(dir);
  const ctx = { browser: pool, log, signal: new AbortController().signal };
  const t0 = performance.now();
  await renderHtml(book, path.join(dir, 'html'), ctx);
  const htmlMs = performance.now() - t0;
  const pdf = path.join(dir, 'book.pdf');
  const { pages } = await renderPdf(book, path.join(dir, 'html'), pdf, ctx);
  const t = lastPdfTimings!;
  log(`timings: html ${ms(htmlMs)}, browser ${ms(t.launchMs)}, layout ${t.layoutMs.map(ms).join(' + ')}, print ${ms(t.printMs)}, finish ${ms(t.finishMs)}; ${pages} pages`);
  return { pdf, pages, html: path.join(dir, 'html', 'index.html') };
}
const ms = (x: number) => `${Math.round(x)} ms`;
const sha256 = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

const manuscript = (await loadBook(fileURLToPath(new URL('../../manuscript', import.meta.url)))).book;
const FIXTURES: Array<[string, Book]> = [
  ['the manuscript', manuscript],
  ['small book', makeBook({ chapters: 3, paragraphs: 14, noteEvery: 3 })],
  ['many long notes', makeBook({ chapters: 5, paragraphs: 40, noteEvery: 1, longNoteParagraphs: 4 })],
];

for (const [name, book] of FIXTURES) {
  test(`print PDF read back: ${name}`, { timeout: 600_000 }, async (t) => {
    const { pdf, pages } = await print(book, (s) => t.diagnostic(s));
    const g = pageGeometry(book.config.print, pages);
    const W = g.width * 72;
    const H = g.height * 72;
    const top = g.top * 72;
    const bottom = H - g.bottom * 72;
    // Recto (odd) pages have the gutter on the left.
    const left = (p: number) => (p % 2 === 1 ? g.inside : g.outside) * 72;
    const right = (p: number) => W - (p % 2 === 1 ? g.outside : g.inside) * 72;

    // The checker the build runs finds nothing.
    assert.deepEqual(await checkPdf(book, pdf), []);

    // pdfinfo: every page exactly at the trim.
    const info = await tool('pdfinfo', ['-f', '1', '-l', String(pages), pdf]);
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)];
    assert.equal(sizes.length, pages);
    for (const s of sizes) assert.deepEqual([Number(s[1]), Number(s[2])], [W, H]);
    assert.match(info, /^Tagged:\s+yes/m);
    const authors = book.config.creators.filter((c) => c.role === 'aut').map((c) => c.name).join(', ');
    assert.equal(/^Author:\s+(.*)$/m.exec(info)?.[1], authors);
    assert.equal(/^Subject:\s+(.*)$/m.exec(info)?.[1], (book.config.description ?? book.config.subtitle)?.replace(/\s+/g, ' ').trim());
    assert.match(info, new RegExp(`^CreationDate:.*${new Date(book.epoch * 1000).getUTCFullYear()}`, 'm'));

    // pdffonts: only the book font, all embedded.
    const fonts = (await tool('pdffonts', [pdf])).split('\n').slice(2).filter(Boolean);
    assert.ok(fonts.length >= 2);
    for (const f of fonts) {
      assert.match(f, /^[A-Z]{6}\+Literata-\w+\s/, `unexpected font: ${f}`);
      assert.match(f, /\syes\s+yes\s+yes\s/, `font not embedded: ${f}`);
    }

    const read = await readPages(pdf);
    assert.equal(read.length, pages);

    // Every note's marker sits on the page of its call, in the book's numbering.
    const notes = book.chapters.flatMap((c) => c.notes);
    const { calls, markers } = notePages(read, left);
    assert.equal(calls.size, notes.length, 'every note call found in the text');
    assert.equal(markers.size, notes.length, 'every note found at a foot of page');
    for (const n of notes) assert.equal(markers.get(n.number), calls.get(n.number), `note ${n.number}: call on page ${calls.get(n.number)}, note on page ${markers.get(n.number)}`);

    // Contents: every entry's number equals the folio printed on the chapter's first page, an odd page.
    const contentsPage = read.find((p) => linesAtSize(p, 16)[0] === 'Contents');
    assert.ok(contentsPage, 'contents page found');
    const layout = await tool('pdftotext', ['-layout', '-f', String(contentsPage.number), '-l', String(contentsPage.number), pdf, '-']);
    const entries = [...layout.matchAll(/^\s*(\S.*?)\s{2,}(\d+)\s*$/gm)].map((m) => ({ title: m[1]!, page: m[2]! }));
    const headings = [...book.chapters.map((c) => c.title), 'Bibliography'];
    assert.deepEqual(entries.map((e) => e.title), headings);
    const openings = new Map<number, string>();
    for (const entry of entries) {
      const opening = read.find((p) => linesAtSize(p, 19).join(' ') === entry.title);
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
    assert.equal(folio(read.find((p) => openings.get(p.number) === book.chapters[0]!.title)!, bottom), '1', 'arabic folios start at 1 on chapter 1');
    assert.equal(folio(contentsPage, bottom), 'v', 'roman folio on the contents');

    // Running heads: book title on the left, the current chapter on the right; none on blank pages.
    let chapter: string | undefined;
    for (const p of read.filter((x) => x.number > contentsPage.number)) {
      chapter = openings.get(p.number) ?? chapter;
      if (openings.has(p.number) || p.words.length === 0) continue;
      assert.equal(runningHead(p, top), p.number % 2 === 0 ? book.config.title : chapter, `running head on page ${p.number}`);
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
    assertBlankPagesEmpty(read, openings);
  });
}

function assertBlankPagesEmpty(read: PageText[], openings: Map<number, string>): void {
  for (const n of openings.keys()) {
    const verso = read[n - 2];
    // A verso before a chapter opening carries either text (the previous chapter's end) or nothing at all.
    if (verso && verso.words.length > 0) assert.ok(verso.words.some((w) => w.size > 9.5 && w.size < 11.5), `page ${verso.number} has only furniture`);
  }
}

test('two renders of the same book are byte-identical', { timeout: 300_000 }, async () => {
  const book = makeBook({ chapters: 2, paragraphs: 10, noteEvery: 2 });
  const a = await print(book);
  const b = await print(book);
  assert.equal(await sha256(a.pdf), await sha256(b.pdf));
  assert.equal(await sha256(a.html), await sha256(b.html));
});

// The measuring paginator (book.yaml `print.paginator: chromium`) breaks pages where the CSS says, as the
// Paged.js path does: a section that may open on any page (a colophon: kinds table `recto: false`) runs on
// after the chapter before it when the book's CSS says `break-before: auto`, while a kind that opens a
// right-hand page still opens one whatever the CSS says (each is a part of its own in the Paged.js path);
// a section break (hr.section-break, `break-after: avoid`) is never left at the foot of a page without the
// text it opens. Real Chromium, real poppler.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { Element } from 'hast';
import { BrowserPool } from '../../../src/browser.ts';
import { pageGeometry } from '../../../src/render/html/page-geometry.ts';
import { makeBook } from '../make-book.ts';
import { baselines as lines, readPages, squash, type PageText } from '../read-back.ts';
import { printWith } from './print-with.ts';

const pool = new BrowserPool();
after(() => pool.close());
const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

for (const { css, runsOn } of [
  // On the chapters' named page with `break-before: auto`: it runs on.
  { css: '.chapter { break-before: page; }\n.chapter.opens-any { break-before: auto; page: chapter; }\n', runsOn: true },
  // On its own named page (back matter's): the change of page opens a page, whatever break-before says.
  { css: '.chapter { break-before: page; }\n.chapter.opens-any { break-before: auto; }\n', runsOn: false },
]) {
  test(`paginator chromium: a colophon ${runsOn ? 'runs on' : 'opens a page'} as the CSS says, as in the Paged.js path; chapters open on right-hand pages`, { timeout: 300_000 }, async (t) => {
    const book = makeBook({ chapters: 3, paragraphs: 7, noteEvery: 0 });
    const colophon = book.chapters[2]!;
    colophon.kind = 'colophon';
    colophon.title = 'Colophon';
    colophon.content.children = [(colophon.content.children[0] as Element), colophon.content.children[1]!];
    ((colophon.content.children[0] as Element).children[0] as { value: string }).value = 'Colophon';
    book.root = await mkdtemp(path.join(tmpdir(), 'bp-breaks-'));
    dirs.push(book.root);
    await mkdir(path.join(book.root, 'styles'));
    await writeFile(path.join(book.root, 'styles', 'custom.css'), css);
    for (const paginator of ['chromium', 'pagedjs'] as const) {
      const { pdf } = await printWith(book, paginator, pool, dirs, (s) => t.diagnostic(s));
      const read = await readPages(pdf);
      const has = (p: PageText, s: string) => squash(p.words.map((w) => w.text).join(' ')).includes(squash(s));
      // The second chapter's last words, and the page where the colophon's title is.
      const lastWords = (book.chapters[1]!.content.children.at(-1) as Element).children.map((c) => ('value' in c ? c.value : '')).join('').split(' ').slice(-4).join(' ');
      const end = read.find((p) => has(p, lastWords));
      const opens = read.find((p) => lines(p).some((l) => l.text === 'Colophon'));
      assert.ok(end && opens, `${paginator}: the page with “${lastWords}” and the colophon's`);
      assert.equal(opens.number, runsOn ? end.number : end.number + 1, `${paginator}: the second chapter ends on page ${end.number}, the colophon opens on page ${opens.number}`);
      for (const c of book.chapters.slice(0, 2)) {
        const opening = read.find((p) => lines(p).some((l) => l.text === c.title));
        assert.ok(opening && opening.number % 2 === 1, `${paginator}: ${c.title} opens on page ${opening?.number}, a right-hand page`);
      }
    }
  });
}

test('paginator chromium: a section break is never the last line of a page, nor the first', { timeout: 300_000 }, async (t) => {
  const book = makeBook({ chapters: 5, paragraphs: 60, noteEvery: 0 });
  const { pdf, pages } = await printWith(book, 'chromium', pool, dirs, (s) => t.diagnostic(s));
  const g = pageGeometry(book.config.print, pages);
  const read = await readPages(pdf);
  let seen = 0;
  for (const p of read) {
    // The text block's lines (the running head above it and the folio below it left out).
    const body = lines(p).filter((l) => l.y > g.top * 72 && l.y < (g.height - g.bottom) * 72 + 2);
    body.forEach((l, i) => {
      if (l.text !== '* * *') return;
      seen++;
      assert.ok(i < body.length - 1, `page ${p.number} ends with a section break`);
      // At a page's top its ornament was drawn above the text block (the classic design's fleuron).
      assert.ok(i > 0, `page ${p.number} opens with a section break`);
    });
  }
  assert.ok(seen >= 20, `${seen} section breaks printed`);
});

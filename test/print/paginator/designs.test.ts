// The measuring paginator (book.yaml `print.paginator: chromium`) on books in each design (styles/designs/):
// the fixtures the designs test builds, except the essay and the index book (an index and page references:
// set by this paginator without a design, test/print/paginator/index.test.ts; refused in one, unsupported.ts),
// each in every design, held to every print guarantee as the Paged.js path's builds are
// (test/print/print-guarantees.ts hands a design's book to test/designs/design-guarantees.ts: its faces,
// running heads as design.running-heads says, section numbers, drop caps, every word and note printed).
// Frankenstein in classic once printed each chapter's opening page over two sheets (its last line box 1.16 px
// below the page's foot: measure.ts now reads line boxes, not text boxes); index.ts now checks each page box
// fits before printing and print-check.ts reads every sheet's head and folio back. One build at a time
// (2 cores). Real Chromium, real poppler.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { loadBook } from '../../../src/book/load.ts';
import { BrowserPool } from '../../../src/browser.ts';
import { DESIGNS } from '../../../src/render/design/catalog.ts';
import { copyManuscript } from '../../../src/render/design/copy-manuscript.ts';
import { assertPrintGuarantees } from '../print-guarantees.ts';
import { printWith } from './print-with.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
const pool = new BrowserPool();
after(() => pool.close());
const dirs: string[] = [];
const work = await mkdtemp(path.join(tmpdir(), 'paginator-designs-'));
dirs.push(work);
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

// The designs test's books: the pandoc book and the poetry in every design, the novel, the illustrated book and
// the index book spread over three (the index book: see above).
// Alice in classic: the opening paragraph of 'The Pool of Tears' begins the page after its chapter's picture,
// and its three-line initial (a glyph box taller than its lines) was drawn above the text block (measure.ts).
const SPREAD: Record<string, string[]> = { classic: ['frankenstein', 'alice'], contemporary: ['alice'] };
const books = (design: string) => ['pandoc-book', 'leaves-of-grass', ...(SPREAD[design] ?? [])];

for (const design of DESIGNS.keys()) {
  for (const fixture of books(design)) {
    test(`paginator chromium: ${fixture} in the ${design} design keeps every print guarantee`, { timeout: 600_000 }, async (t) => {
      const copy = await copyManuscript(path.join(FIXTURES, fixture), path.join(work, `${design}-${fixture}`), (doc) => doc.set('design', design));
      const { book } = await loadBook(copy);
      const { pdf, pages } = await printWith(book, 'chromium', pool, dirs, (s) => t.diagnostic(s));
      await assertPrintGuarantees(book, pdf, pages);
    });
  }
}

// The measuring paginator (book.yaml `print.paginator: chromium`) refuses a book with a design, with an error
// naming it and how to build the book (the Paged.js path). Designs lay out on this path (running heads as the
// design says, numbered sections counting on over a cut, no drop cap on the rest of a cut paragraph, the hyphen
// ladders script), and the pandoc book held every print guarantee in all four designs; but a page box was
// seen printed over two sheets (Frankenstein in classic: the rest of page 13 drawn over page 14's first lines,
// every word still there, so no text check catches it). Until that is understood the path refuses designs.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { loadBook } from '../../../src/book/load.ts';
import { BrowserPool } from '../../../src/browser.ts';
import { BuildError } from '../../../src/diagnostics.ts';
import { copyManuscript } from '../../../src/render/design/copy-manuscript.ts';
import { printWith } from './print-with.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
const pool = new BrowserPool();
after(() => pool.close());
const dirs: string[] = [];
const work = await mkdtemp(path.join(tmpdir(), 'paginator-designs-'));
dirs.push(work);
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

test('paginator chromium: a book with a design is refused, naming the design and the way to build it', { timeout: 300_000 }, async () => {
  const copy = await copyManuscript(path.join(FIXTURES, 'pandoc-book'), path.join(work, 'classic-pandoc-book'), (doc) => doc.set('design', 'classic'));
  const { book } = await loadBook(copy);
  await assert.rejects(printWith(book, 'chromium', pool, dirs), (err: unknown) => {
    assert.ok(err instanceof BuildError, String(err));
    const d = err.diagnostics.find((x) => x.rule === 'paginator-design');
    assert.ok(d, JSON.stringify(err.diagnostics));
    assert.match(d.message, /paginator: chromium does not yet support a design \(design: classic\)/);
    assert.match(d.hint ?? '', /paginator: pagedjs/);
    return true;
  });
});

// The measuring paginator (book.yaml `print.paginator: chromium`) with notes set as endnotes: the printed
// pages that begin in the notes are recorded with the note they begin in (and the heading they open with),
// so the EPUB of the same build marks them in its notes and lists them in its page-list, as the Paged.js path
// does (test/epub/page-list-endnotes.test.ts); and the PDF says what laid it out. Real builds (Chromium,
// poppler); EPUBCheck and Ace are left to the Paged.js path's test (the EPUB does not depend on the paginator).
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import JSZip from 'jszip';
import { build } from '../../../src/build.ts';
import { PRODUCER } from '../../../src/render/pdf/metadata.ts';
import { endnotesBook } from '../../epub/endnotes-book.ts';
import { checkMarkers, checkPageList, type PagedBuild } from '../../epub/page-markers.ts';
import { readPages, tool } from '../read-back.ts';

const work = await mkdtemp(join(tmpdir(), 'paginator-endnotes-'));
after(() => rm(work, { recursive: true, force: true }));

async function buildWith(name: string, notes: { epub: 'chapter' | 'book'; print: 'chapter-endnotes' | 'book-endnotes' }): Promise<PagedBuild & { pdf: string }> {
  const dir = join(work, `${name}-book`);
  await endnotesBook(dir, notes);
  const yaml = await readFile(join(dir, 'book.yaml'), 'utf8');
  await writeFile(join(dir, 'book.yaml'), yaml.replace('print:\n', 'print:\n  paginator: chromium\n'));
  const out = join(work, name);
  const report = await build({ manuscript: dir, outDir: out, formats: ['epub', 'pdf'], full: false, ace: false, signal: new AbortController().signal });
  const zip = await JSZip.loadAsync(await readFile(join(out, 'the-harbour-papers.epub')));
  const files: Record<string, string> = {};
  for (const n of Object.keys(zip.files).filter((n) => /\.(xhtml|opf|ncx)$/.test(n))) files[n.replace(/^.*\//, '')] = await zip.file(n)!.async('string');
  const pdf = join(out, 'the-harbour-papers.pdf');
  return { pdf, printPages: report.printPages ?? [], files, pdfPages: ['', ...(await tool('pdftotext', [pdf, '-'])).split('\f')], positioned: await readPages(pdf) };
}

for (const c of [
  { name: 'chapter-endnotes', epub: 'chapter', print: 'chapter-endnotes' },
  { name: 'book-endnotes', epub: 'book', print: 'book-endnotes' },
] as const) {
  // The running heads of this book (no italic in its text) once came out missing: the face only Chromium's
  // margin boxes use was still loading when the sheets printed (test/print/paginator/plain-book.test.ts).
  test(`paginator chromium, ${c.name}: pages that begin in the notes are marked in the EPUB's notes`, { timeout: 300_000 }, async () => {
    const b = await buildWith(c.name, c);
    const notePages = b.printPages.filter((p) => p.chapterId === 'notes');
    assert.ok(notePages.length >= 5, `${notePages.length} printed pages begin in the notes`);
    assert.ok(notePages.every((p) => p.note), 'each names the note it begins in');
    // A page begins inside a note that began on the page before (the piece without the note's id).
    assert.ok(notePages.some((p) => p.offset > 0 && p.opens === undefined), 'a page begins inside a note');
    // Each chapter's notes open a page (the book's custom.css); with book-endnotes the first under the Notes title.
    assert.deepEqual(notePages.map((p) => p.opens).filter(Boolean), c.print === 'book-endnotes' ? ['notes', 'group', 'group'] : ['group', 'group', 'group']);
    checkMarkers(b);
    checkPageList(b);
    // What laid the book out, in the Info dictionary.
    assert.match(await tool('pdfinfo', [b.pdf]), new RegExp(`Producer:\\s+${PRODUCER.chromium.replace(/[()]/g, '\\$&')}`));
  });
}

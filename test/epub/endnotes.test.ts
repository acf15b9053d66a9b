// EPUB with `notes: book`: a real endnotes section (section epub:type="endnotes" role="doc-endnotes"), an
// ordered list per chapter under the chapter's title, each note a visible `li epub:type="endnote"` (no role:
// doc-endnote is deprecated) with a
// back-link to its call; the calls are noterefs to it; the section is in the nav and the landmarks. Built
// once; EPUBCheck and Ace clean.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import JSZip from 'jszip';
import type { Book } from '../../src/book/model.ts';
import { BrowserPool } from '../../src/browser.ts';
import { ace } from '../../src/check/ace.ts';
import { epubcheck } from '../../src/check/epubcheck.ts';
import { formatDiagnostic } from '../../src/diagnostics.ts';
import { renderEpub } from '../../src/render/epub/index.ts';
import { makeNotesBook, noteText } from '../print/notes-book.ts';

let dir: string;
let file: string;
let zip: JSZip;
const book: Book = makeNotesBook('footnotes', 'book');

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'epub-endnotes-'));
  file = path.join(dir, 'endnotes.epub');
  const pool = new BrowserPool();
  try {
    await renderEpub(book, file, { browser: pool, log: () => {}, signal: new AbortController().signal });
  } finally {
    await pool.close();
  }
  zip = await JSZip.loadAsync(await readFile(file));
}, { timeout: 60_000 });
after(() => rm(dir, { recursive: true, force: true }));

const entry = (name: string) => {
  const f = zip.file(`OEBPS/${name}`);
  assert.ok(f, `${name} is in the EPUB`);
  return f.async('string');
};
const plain = (xhtml: string) =>
  xhtml
    .replace(/<[^>]+>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

test('notes.xhtml: an endnotes section, a list per chapter under its title, every note a visible endnote with a back-link', async () => {
  const notes = await entry('notes.xhtml');
  assert.match(notes, /<body[^>]*epub:type="backmatter"/);
  const section = /<section[^>]*epub:type="endnotes"[^>]*>/.exec(notes)?.[0] ?? '';
  assert.match(section, /role="doc-endnotes"/, section);
  assert.doesNotMatch(notes, /<aside/, 'no footnote asides (hidden outside pop-ups by Apple Books and Kobo)');
  let at = 0;
  for (const chapter of book.chapters) {
    const title = notes.indexOf(`>${chapter.title}</h2>`, at);
    assert.ok(title > at, `${chapter.title} heads its notes, in order`);
    at = title;
    const list = notes.slice(title, notes.indexOf('</ol>', title));
    assert.match(list, /<ol[^>]*class="endnotes"/);
    const items = [...list.matchAll(/<li([^>]*)>([\s\S]*?)<\/li>/g)];
    assert.deepEqual(items.map((m) => /id="([^"]+)"/.exec(m[1]!)?.[1]), chapter.notes.map((n) => n.id), `${chapter.title}: its notes in order`);
    for (const [i, m] of items.entries()) {
      const note = chapter.notes[i]!;
      assert.match(m[1]!, /epub:type="endnote"/);
      // DPUB-ARIA 1.1 deprecates role doc-endnote (Ace: aria-deprecated-role): the list item has none.
      assert.doesNotMatch(m[1]!, /role=/);
      const back = new RegExp(`<a[^>]*role="doc-backlink"[^>]*href="${chapter.id}\\.xhtml#nref-${note.id}"[^>]*>${note.number}</a>`);
      assert.match(m[2]!, back, `note ${note.number} has a back-link to its call`);
      assert.ok(plain(m[2]!).includes(noteText(note).slice(0, 120)), `note ${note.number}'s text is in the list`);
      // The number opens the first paragraph, also when the note opens with a block quote.
      assert.match(m[2]!, /^\s*(<blockquote[^>]*>\s*)?<p[^>]*>\s*<a[^>]*role="doc-backlink"/, `note ${note.number}: number on the first line`);
    }
  }
  // Several paragraphs stay paragraphs.
  const multi = book.chapters.flatMap((c) => c.notes).find((n) => n.content.length === 3)!;
  const item = new RegExp(`<li[^>]*id="${multi.id}"[^>]*>([\\s\\S]*?)</li>`).exec(notes)![1]!;
  assert.equal(item.match(/<p[ >]/g)!.length, 3);
});

test('calls: noterefs into notes.xhtml with the id the back-links point to', async () => {
  for (const chapter of book.chapters) {
    const xhtml = await entry(`${chapter.id}.xhtml`);
    assert.doesNotMatch(xhtml, /epub:type="footnote"/);
    for (const note of chapter.notes) {
      const call = new RegExp(`<a[^>]*epub:type="noteref"[^>]*>${note.number}</a>`).exec(xhtml)?.[0] ?? '';
      assert.match(call, new RegExp(`href="notes\\.xhtml#${note.id}"`), call);
      assert.match(call, new RegExp(`id="nref-${note.id}"`), call);
      assert.match(call, /role="doc-noteref"/, call);
    }
  }
});

test('nav: Notes in the contents and the endnotes landmark', async () => {
  const nav = await entry('toc.xhtml');
  assert.match(nav, /<a href="notes\.xhtml">Notes<\/a>/);
  const landmarks = nav.slice(nav.indexOf('epub:type="landmarks"'));
  assert.match(landmarks, /<a epub:type="endnotes" href="notes\.xhtml">/);
  const ncx = await entry('toc.ncx');
  assert.match(ncx, /<content src="notes\.xhtml"\s*\/>/);
});

test('EPUBCheck: no errors or warnings; Ace: no violations', { timeout: 120_000 }, async () => {
  const found = await epubcheck(file);
  assert.deepEqual(found.map(formatDiagnostic), []);
  const violations = await ace(file);
  assert.deepEqual(violations.map(formatDiagnostic), []);
});

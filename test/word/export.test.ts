// build --format docx, checked by the program editors use: the essay and the pandoc fixture book are written as
// .docx, LibreOffice opens them (converts them to PDF headless: pages, text, footnotes), and importing them back
// gives the same chapters, notes and emphasis (the round trip; normalisations are listed in the README).
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import JSZip from 'jszip';
import { visit } from 'unist-util-visit';
import { loadBook } from '../../src/book/load.ts';
import type { Book, Chapter } from '../../src/book/model.ts';
import { importDocx } from '../../src/import/index.ts';
import { writeManuscript } from '../../src/import/write-manuscript.ts';
import { renderDocx, type DocxResult } from '../../src/render/docx/index.ts';
import { libreOfficeToPdf, pdfText } from './helpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BOOKS = { essay: join(ROOT, 'manuscript'), harbour: join(ROOT, 'test/fixtures/pandoc-book') } as const;
type Name = keyof typeof BOOKS;

let work: string;
const books = {} as Record<Name, Book>;
const written = {} as Record<Name, DocxResult>;
const pdfs = {} as Record<Name, { pages: number; text: string }>;

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'docx-export-'));
  for (const name of Object.keys(BOOKS) as Name[]) {
    books[name] = (await loadBook(BOOKS[name])).book;
    written[name] = await renderDocx(books[name], join(work, `${name}.docx`));
  }
  await libreOfficeToPdf((Object.keys(BOOKS) as Name[]).map((n) => join(work, `${n}.docx`)), work);
  for (const name of Object.keys(BOOKS) as Name[]) pdfs[name] = await pdfText(join(work, `${name}.pdf`));
});
after(() => rm(work, { recursive: true, force: true }));

const flat = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

test('LibreOffice opens the essay’s .docx: pages, chapter titles, text, and its 19 notes as Word footnotes', () => {
  const book = books.essay;
  assert.equal(written.essay.footnotes, 19);
  assert.equal(book.chapters.reduce((n, c) => n + c.notes.length, 0), 19);
  const { pages, text } = pdfs.essay;
  assert.ok(pages > 5, `${pages} pages`);
  const pdf = flat(text);
  for (const c of book.chapters) assert.ok(pdf.includes(flat(c.title)), c.title);
  for (const note of book.chapters.flatMap((c) => c.notes)) {
    const start = flat(toText({ type: 'root', children: note.content } as Root)).slice(0, 30);
    assert.ok(pdf.includes(start), `note ${note.number} (“${start}”) in the PDF`);
  }
  assert.match(pdf, /Anonymous \/ THE ZINOVIEV LETTER \/ 2/, 'running head with the page number');
});

test('LibreOffice opens the pandoc book’s .docx: small caps, table, image alt text and footnotes survive', async () => {
  assert.equal(written.harbour.footnotes, 8);
  const pdf = flat(pdfs.harbour.text);
  assert.ok(pdfs.harbour.pages > 3);
  for (const s of ['The Light on the Point', 'ERNEST HEMINGWAY', 'Ships passing the point, by year', 'He was deaf in one ear']) assert.ok(pdf.includes(s), s);
  const zip = await JSZip.loadAsync(await readFile(join(work, 'harbour.docx')));
  const xml = await zip.file('word/document.xml')!.async('string');
  assert.match(xml, /<wp:docPr [^>]*descr="The harbour at dusk, with the light lit"/, 'the image keeps its alt text');
  assert.equal(Object.keys(zip.files).filter((f) => f.startsWith('word/media/')).length, 2);
});

interface Summary { title: string; kind: string; text: string; notes: string[]; emphasis: string[] }

function summary(c: Chapter): Summary {
  const emphasis: string[] = [];
  const tags: Record<string, string> = { em: 'em', i: 'em', strong: 'strong', b: 'strong', sup: 'sup', sub: 'sub', del: 'del' };
  const collect = (tree: Root) => visit(tree, 'element', (e: Element) => {
    const classes = Array.isArray(e.properties.className) ? e.properties.className.map(String) : [];
    const tag = tags[e.tagName] ?? (e.tagName === 'span' && classes.includes('smallcaps') ? 'smallcaps' : undefined);
    if (tag) emphasis.push(`${tag}:${flat(toText(e))}`);
  });
  collect(c.content);
  const notes = c.notes.map((n) => {
    const tree = { type: 'root', children: n.content as ElementContent[] } as Root;
    collect(tree);
    return flat(toText(tree));
  });
  return { title: c.title, kind: c.kind, text: flat(toText(c.content)), notes, emphasis };
}

for (const name of Object.keys(BOOKS) as Name[]) {
  test(`round trip: import(export(${name})) gives back its chapters, notes and emphasis`, async () => {
    const { files } = await importDocx(await readFile(join(work, `${name}.docx`)), `${name}.docx`);
    await writeManuscript(join(work, `${name}-imported`), files);
    const back = (await loadBook(join(work, `${name}-imported`))).book;
    assert.equal(back.config.title, books[name].config.title);
    assert.deepEqual(back.config.creators.map((c) => c.name), books[name].config.creators.map((c) => c.name));
    const original = books[name].chapters.map(summary);
    // The bibliography the build generates (no `::: {#refs}` in the book) comes back as a chapter of its own.
    const generated = books[name].bibliography.length && !books[name].bibliographyIn;
    const imported = back.chapters.slice(0, generated ? -1 : undefined).map(summary);
    if (generated) assert.deepEqual([back.chapters.at(-1)!.title, back.chapters.at(-1)!.kind], ['Bibliography', 'bibliography']);
    assert.deepEqual(imported.map((c) => [c.title, c.kind]), original.map((c) => [c.title, c.kind]));
    for (const [i, c] of original.entries()) {
      assert.deepEqual(imported[i].notes, c.notes, `notes of ${c.title}`);
      assert.deepEqual(imported[i].emphasis, c.emphasis, `emphasis of ${c.title}`);
      assert.equal(imported[i].text, c.text, `text of ${c.title}`);
    }
  });
}

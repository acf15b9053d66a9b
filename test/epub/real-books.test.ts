// The EPUBs of three real books (test/fixtures: frankenstein, a novel in letters with half title, dedication,
// epigraph and parts; leaves-of-grass, 108 poems; alice, illustrated): EPUBCheck and Ace report nothing on any
// of them; the novel's files carry their kinds' epub:types and roles, its landmarks point at the first body
// page, its parts nest their letters and chapters in the nav and the NCX; letters keep datelines and
// signatures; verse keeps one element per line; figures keep their alt text and captions. Each EPUB is made
// once, the three with one browser; the validators run after it is closed.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import JSZip from 'jszip';
import { loadBook } from '../../src/book/load.ts';
import type { Book } from '../../src/book/model.ts';
import { BrowserPool } from '../../src/browser.ts';
import { ace } from '../../src/check/ace.ts';
import { epubcheck } from '../../src/check/epubcheck.ts';
import { formatDiagnostic, type Diagnostic } from '../../src/diagnostics.ts';
import { renderEpub } from '../../src/render/epub/index.ts';

const NAMES = ['frankenstein', 'leaves-of-grass', 'alice'] as const;
type Name = (typeof NAMES)[number];
let dir: string;
const books = {} as Record<Name, { book: Book; file: string; zip: JSZip; epubcheck: Diagnostic[]; ace: Diagnostic[] }>;

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'epub-real-'));
  const pool = new BrowserPool();
  try {
    await Promise.all(NAMES.map(async (name) => {
      const { book, diagnostics } = await loadBook(path.resolve(import.meta.dirname, '..', 'fixtures', name));
      assert.deepEqual(diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic), [], `${name} loads`);
      const file = path.join(dir, `${name}.epub`);
      await renderEpub(book, file, { browser: pool, log: () => {}, signal: new AbortController().signal });
      books[name] = { book, file, zip: await JSZip.loadAsync(await readFile(file)), epubcheck: [], ace: [] };
    }));
  } finally {
    await pool.close();
  }
  // EPUBCheck (Java) on all three at once while Ace (its own Chromium) takes them one by one.
  await Promise.all([
    Promise.all(NAMES.map(async (name) => void (books[name].epubcheck = await epubcheck(books[name].file)))),
    (async () => {
      for (const name of NAMES) books[name].ace = await ace(books[name].file);
    })(),
  ]);
});
after(() => rm(dir, { recursive: true, force: true }));

const entry = async (name: Name, file: string) => {
  const f = books[name].zip.file(`OEBPS/${file}`);
  assert.ok(f, `${file} is in the ${name} EPUB`);
  return (await f.async('string')).replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
};

for (const name of NAMES) {
  test(`${name}: EPUBCheck 0 errors 0 warnings, Ace 0 violations`, () => {
    assert.deepEqual(books[name].epubcheck.map(formatDiagnostic), []);
    assert.deepEqual(books[name].ace.map(formatDiagnostic), []);
  });
}

test('the novel: epub:type and role of each kind, body matter per file', async () => {
  const expect: Record<string, [string, string | null, string]> = {
    'ch-00-half-title': ['halftitlepage', null, 'front'],
    'ch-01-dedication': ['dedication', 'doc-dedication', 'front'],
    'ch-02-epigraph': ['epigraph', 'doc-epigraph', 'front'],
    'ch-03-part-one': ['part', 'doc-part', 'body'],
    'ch-11-letter-1': ['chapter', 'doc-chapter', 'body'],
    'ch-20-part-two': ['part', 'doc-part', 'body'],
    'ch-22-chapter-2': ['chapter', 'doc-chapter', 'body'],
    'ch-30-afterword': ['afterword', 'doc-afterword', 'back'],
  };
  for (const [id, [type, role, matter]] of Object.entries(expect)) {
    const xhtml = await entry('frankenstein', `${id}.xhtml`);
    const section = /<section[^>]*>/.exec(xhtml)?.[0] ?? '';
    assert.match(section, new RegExp(`epub:type="${type}"`), `${id}: ${section}`);
    if (role) assert.match(section, new RegExp(`role="${role}"`), `${id}: ${section}`);
    else assert.doesNotMatch(section, /role=/, `${id}: ${section}`);
    assert.match(xhtml, new RegExp(`<body epub:type="${matter}matter"`), id);
  }
});

test('the novel: landmarks point at the first page of the body (Part One), parts nest their chapters in nav and NCX', async () => {
  const nav = await entry('frankenstein', 'toc.xhtml');
  assert.match(nav, /<a epub:type="bodymatter" href="ch-03-part-one\.xhtml">/);
  const toc = /<nav epub:type="toc"[\s\S]*?<\/nav>/.exec(nav)![0];
  const part = (title: string) => new RegExp(`<li><a href="[^"]+">${title}</a>\\s*<ol>([\\s\\S]*?)</ol>\\s*</li>`).exec(toc)?.[1] ?? '';
  assert.deepEqual([...part('Part One: Letters').matchAll(/>(Letter [IV]+)</g)].map((m) => m[1]), ['Letter I', 'Letter II', 'Letter III', 'Letter IV']);
  assert.deepEqual([...part('Part Two: Frankenstein’s Narrative').matchAll(/>(Chapter [IV]+)</g)].map((m) => m[1]), ['Chapter I', 'Chapter II']);
  assert.doesNotMatch(toc, /Dedication|Epigraph|Half title/, 'display pages are not listed');
  const ncx = await entry('frankenstein', 'toc.ncx');
  const point = /<navPoint[^>]*>\s*<navLabel><text>Part One: Letters<\/text><\/navLabel>\s*<content[^>]*\/>([\s\S]*?)<\/navPoint>\s*<navPoint[^>]*>\s*<navLabel><text>Part Two/.exec(ncx);
  assert.ok(point, 'Part One is a navPoint with children in the NCX');
  assert.equal([...point[1]!.matchAll(/<text>Letter/g)].length, 4);
});

test('the novel: datelines and signatures of the letters, the epigraph as verse with its attribution', async () => {
  const letter = await entry('frankenstein', 'ch-11-letter-1.xhtml');
  assert.match(letter, /<div class="dateline"><p>St\. Petersburgh, Dec\. 11th, 17—\.<\/p><\/div>/);
  assert.match(letter, /<div class="signature"><p>R\. Walton\.<\/p><\/div>/);
  const epigraph = await entry('frankenstein', 'ch-02-epigraph.xhtml');
  assert.match(epigraph, /<div class="epigraph"><div class="line-block"><span class="line">“Did I request thee, Maker, from my clay<\/span>/);
  assert.match(epigraph, /<span class="attribution"><em>Paradise Lost<\/em>/);
});

test('the poems: one element per verse line, poem titles in the nav', async () => {
  const nav = await entry('leaves-of-grass', 'toc.xhtml');
  const titles = books['leaves-of-grass'].book.chapters.flatMap((c) => c.sections.filter((s) => s.depth === 2).map((s) => s.title));
  assert.ok(titles.length >= 100, `${titles.length} poems`);
  for (const title of titles) assert.ok(nav.includes(`>${title}</a>`), `“${title}” in the nav`);
  const calamus = await entry('leaves-of-grass', 'ch-03-calamus.xhtml');
  assert.match(calamus, /<div class="line-block"><span class="line">In paths untrodden,<\/span>\s*<span class="line">In the growth by margins of pond-waters,<\/span>/);
  // `\`-ended lines in a `::: verse` div are verse lines too, shaped like a line block's.
  const inscriptions = await entry('leaves-of-grass', 'ch-01-inscriptions.xhtml');
  assert.match(inscriptions, /<div class="verse"><div class="line-block"><span class="line">How they are provided for upon the earth, \(appearing at intervals,\)<\/span>\s*<span class="line">How dear and dreadful they are to the earth,<\/span>/);
  const css = await entry('leaves-of-grass', 'style.css');
  assert.match(css, /\.line-block \.line \{[^}]*text-indent: -2em[^}]*text-align: left/, 'hanging indent, ragged right');
  assert.match(css, /\.line-block \{[^}]*hyphens: none/, 'never hyphenated');
});

test('the pictures: a figure with the alt text on the image and the same words as its caption', async () => {
  let figures = 0;
  for (const chapter of books.alice.book.chapters) {
    const xhtml = await entry('alice', `${chapter.id}.xhtml`);
    for (const m of xhtml.matchAll(/<figure[^>]*>\s*<img([^>]*)>\s*<figcaption>([^<]*)<\/figcaption>\s*<\/figure>/g)) {
      const alt = /alt="([^"]*)"/.exec(m[1]!)?.[1];
      assert.ok(alt && alt !== 'image-placeholder', `alt text kept: ${m[1]}`);
      assert.equal(alt!.replace(/&quot;/g, '"'), m[2], 'caption and alt say the same');
      figures++;
    }
  }
  assert.equal(figures, 11);
  const chapter1 = await entry('alice', books.alice.book.chapters.find((c) => c.file.includes('chapter-1'))!.id + '.xhtml');
  assert.match(chapter1, /<img[^>]*class="width-60"/, '{width=60%} is a class in the EPUB too');
});

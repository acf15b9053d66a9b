// Kinds of pages in the EPUB: each file's section carries its kind's epub:type and role, its body the
// matter; landmarks point at the first page of the body; parts nest their chapters in the nav and the NCX;
// unlisted files and sections stay out of the contents; display pages keep a (hidden) accessible name; a note
// opening with a block quote keeps its number on the first line. One book, built once; EPUBCheck and Ace clean.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import JSZip from 'jszip';
import { kindFacts } from '../../src/book/kinds.ts';
import type { Book } from '../../src/book/model.ts';
import { BrowserPool } from '../../src/browser.ts';
import { ace } from '../../src/check/ace.ts';
import { epubcheck } from '../../src/check/epubcheck.ts';
import { formatDiagnostic } from '../../src/diagnostics.ts';
import { renderEpub } from '../../src/render/epub/index.ts';
import { makeKindsBook } from '../fixtures/kinds-book.ts';

let dir: string;
let file: string;
let zip: JSZip;
const book: Book = makeKindsBook();

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'epub-kinds-'));
  file = path.join(dir, 'kinds.epub');
  const pool = new BrowserPool();
  try {
    await renderEpub(book, file, { browser: pool, log: () => {}, signal: new AbortController().signal });
  } finally {
    await pool.close();
  }
  zip = await JSZip.loadAsync(await readFile(file));
});
after(() => rm(dir, { recursive: true, force: true }));

const entry = (name: string) => {
  const f = zip.file(`OEBPS/${name}`);
  assert.ok(f, `${name} is in the EPUB`);
  return f.async('string');
};

test('every file: section epub:type and role from the kinds table, body epub:type per matter', async () => {
  for (const chapter of book.chapters) {
    const facts = kindFacts(chapter.kind);
    const xhtml = await entry(`${chapter.id}.xhtml`);
    const section = /<section[^>]*>/.exec(xhtml)?.[0] ?? '';
    assert.match(section, new RegExp(`epub:type="${facts.epubType}"`), `${chapter.kind}: ${section}`);
    if (facts.role) assert.match(section, new RegExp(`role="${facts.role}"`), `${chapter.kind}: ${section}`);
    else assert.doesNotMatch(section, /role=/, `${chapter.kind} has no role: ${section}`);
    assert.match(section, /aria-labelledby="[^"]+"|aria-label="[^"]+"/, `${chapter.kind} has an accessible name`);
    assert.match(xhtml, new RegExp(`<body epub:type="${facts.matter}matter"`), `${chapter.kind} body`);
    // Display pages keep their heading for assistive technology, hidden from sight.
    const h1 = /<h1[^>]*>/.exec(xhtml)?.[0] ?? '';
    assert.equal(/hidden-heading/.test(h1), facts.display, `${chapter.kind}: ${h1}`);
  }
});

test('spine: front matter among the generated pages, then book.yaml order', async () => {
  const opf = await entry('content.opf');
  const spine = [...opf.matchAll(/<itemref idref="([^"]+)"/g)].map((m) => m[1]);
  const ids = book.chapters.map((c) => c.id);
  assert.deepEqual(spine, ['cover', ids[0], 'title-page', 'copyright', ids[1], ids[2], 'nav', ...ids.slice(3)]);
});

test('landmarks: bodymatter is the first body-matter file (part one), not the first file', async () => {
  const nav = await entry('toc.xhtml');
  const landmarks = /<nav epub:type="landmarks"[\s\S]*?<\/nav>/.exec(nav)?.[0] ?? '';
  assert.match(landmarks, /<a epub:type="bodymatter" href="ch-05-part.xhtml">/);
});

test('nav and NCX: parts nest their chapters; unlisted files and sections stay out', async () => {
  const nav = await entry('toc.xhtml');
  const toc = /<nav epub:type="toc"[\s\S]*?<\/nav>/.exec(nav)?.[0] ?? '';
  // The tree as nested titles: an <ol> opens a level, </ol> closes it.
  const tree = [...toc.matchAll(/<a href="([^"]+)">([^<]*)<\/a>|(<ol>)|(<\/ol>)/g)]
    .map((m) => (m[3] ? '[' : m[4] ? ']' : m[2]))
    .join(' ');
  assert.equal(
    tree,
    '[ Preface Part One: The Letter [ Arrival [ In London ] The Press ] Part Two: Afterlives [ Inquiries ] Appendix: Sources Acknowledgments ]',
  );
  for (const hidden of ['Half title', 'Dedication', 'Epigraph', 'Interlude', 'A Quiet Aside']) assert.ok(!toc.includes(`>${hidden}<`), hidden);

  const ncx = await entry('toc.ncx');
  const points = [...ncx.matchAll(/<navPoint id="[^"]+" playOrder="(\d+)">|<text>([^<]*)<\/text>|(<\/navPoint>)/g)];
  const ncxTree = points
    .slice(points.findIndex((m) => m[1]))
    .map((m) => (m[1] ? '(' : m[3] ? ')' : m[2]))
    .join(' ');
  assert.equal(
    ncxTree,
    '( Preface ) ( Part One: The Letter ( Arrival ( In London ) ) ( The Press ) ) ( Part Two: Afterlives ( Inquiries ) ) ( Appendix: Sources ) ( Acknowledgments )',
  );
  const orders = points.filter((m) => m[1]).map((m) => Number(m[1]));
  assert.deepEqual(orders, orders.map((_, i) => i + 1), 'playOrder in document order');
  assert.match(ncx, /<meta name="dtb:depth" content="3"\/>/);
});

test('a note that opens with a block quote keeps its number on the first line of text', async () => {
  const xhtml = await entry('ch-06-chapter.xhtml');
  const aside = /<aside[^>]*id="n1"[^>]*>([\s\S]*?)<\/aside>/.exec(xhtml)?.[1] ?? '';
  assert.match(aside, /^\s*<blockquote>\s*<p><a role="doc-backlink"[^>]*>1<\/a>\. \S/, aside);
});

test('EPUBCheck 0 errors and 0 warnings, Ace 0 violations', { timeout: 120_000 }, async () => {
  const [check, access] = await Promise.all([epubcheck(file), ace(file)]);
  assert.deepEqual(check.map(formatDiagnostic), []);
  assert.deepEqual(access.map(formatDiagnostic), []);
});

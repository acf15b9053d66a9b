// renderEpub on hand-made fixture books, validated by the real EPUBCheck and DAISY Ace.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import JSZip from 'jszip';
import { BrowserPool } from '../../src/browser.ts';
import { ace } from '../../src/check/ace.ts';
import { epubcheck } from '../../src/check/epubcheck.ts';
import { formatDiagnostic } from '../../src/diagnostics.ts';
import { renderEpub } from '../../src/render/epub/index.ts';
import type { RenderContext } from '../../src/render/context.ts';
import { makeBook } from './make-book.ts';

let dir: string;
let pool: BrowserPool;
let ctx: RenderContext;

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'epub-test-'));
  pool = new BrowserPool();
  ctx = { browser: pool, log: () => {}, signal: new AbortController().signal };
});
after(async () => {
  await pool.close();
  await rm(dir, { recursive: true, force: true });
});

async function clean(file: string): Promise<void> {
  const [check, access] = await Promise.all([epubcheck(file), ace(file)]);
  assert.deepEqual(check.map(formatDiagnostic), [], 'EPUBCheck: 0 errors and 0 warnings');
  assert.deepEqual(access.map(formatDiagnostic), [], 'Ace: 0 violations');
}

async function entry(file: string, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const f = zip.file(name);
  assert.ok(f, `${name} is in the EPUB`);
  return f.async('string');
}

describe('illustrated book, nested sections, end-of-book notes', () => {
  let file: string;
  before(async () => {
    file = path.join(dir, 'book-notes.epub');
    await renderEpub(makeBook({ notes: 'book', images: true }), file, ctx);
  });

  test('passes EPUBCheck and Ace', () => clean(file));

  test('package metadata: identifier, separate creators, language, modified from the epoch, a11y', async () => {
    const opf = await entry(file, 'OEBPS/content.opf');
    assert.match(opf, /<package [^>]*xml:lang="en-GB"/);
    assert.match(opf, /<dc:identifier id="book-id">urn:uuid:3f0c1d9e-8a43-4d0a-9d8e-2f6b9e3c7a11<\/dc:identifier>/);
    assert.match(opf, /<dc:creator id="creator-1">Ann Author<\/dc:creator>/);
    assert.match(opf, /<meta refines="#creator-2" property="role" scheme="marc:relators">edt<\/meta>/);
    assert.match(opf, /<dc:title id="subtitle">A Test of Forgery<\/dc:title>/);
    assert.match(opf, /<meta property="dcterms:modified">2020-12-01T00:00:00Z<\/meta>/);
    assert.match(opf, /<meta property="schema:accessibilityFeature">alternativeText<\/meta>/);
    assert.match(opf, /<meta property="schema:accessMode">visual<\/meta>/);
    assert.match(opf, /<meta property="schema:accessibilityHazard">none<\/meta>/);
    assert.match(opf, /<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.2 Level AA<\/meta>/);
    assert.match(opf, /href="cover.jpeg" media-type="image\/jpeg" properties="cover-image"/);
    assert.match(opf, /href="images\/map.png" media-type="image\/png"/);
    assert.match(opf, /href="fonts\/literata-latin-400-normal.woff2" media-type="font\/woff2"/);
    assert.match(opf, /href="fonts\/OFL.txt"/);
    const ids = opf.match(/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [];
    assert.deepEqual(ids, ['3f0c1d9e-8a43-4d0a-9d8e-2f6b9e3c7a11'], 'no random UUIDs, only the book identifier');
  });

  test('notes cross files: call → notes.xhtml, back-link → chapter', async () => {
    const chapter = await entry(file, 'OEBPS/ch-01-chapter-1.xhtml');
    assert.match(chapter, /<a epub:type="noteref" role="doc-noteref" id="nref-n1" href="notes.xhtml#n1">1<\/a>/);
    assert.doesNotMatch(chapter, /bp-noteref|<aside/);
    const notes = await entry(file, 'OEBPS/notes.xhtml');
    assert.match(notes, /<li epub:type="endnote" id="n9"/);
    assert.match(notes, /<a role="doc-backlink" href="ch-03-chapter-3.xhtml#nref-n9"/);
    assert.match(notes, /xml:lang="en-GB"/);
  });

  test('navigation: nested contents, landmarks, NCX', async () => {
    const nav = await entry(file, 'OEBPS/toc.xhtml');
    assert.match(nav, /Origins<\/a>\s*<ol>\s*<li><a href="ch-01-chapter-1.xhtml#ch-01-chapter-1-riga">The Riga connection/);
    for (const type of ['cover', 'toc', 'bodymatter', 'bibliography']) assert.match(nav, new RegExp(`epub:type="${type}"`));
    const ncx = await entry(file, 'OEBPS/toc.ncx');
    assert.match(ncx, /<meta name="dtb:depth" content="3"\/>/);
    assert.match(ncx, /<content src="bibliography.xhtml"\/>/);
  });

  test('zip: mimetype first and stored, every entry dated from the epoch', async () => {
    const bytes = await readFile(file);
    assert.equal(bytes.toString('latin1', 30, 38), 'mimetype');
    assert.equal(bytes.readUInt16LE(8), 0, 'mimetype is STORED');
    const zip = await JSZip.loadAsync(bytes);
    for (const e of Object.values(zip.files)) assert.equal(e.date.getUTCFullYear(), 2020, e.name);
  });
});

describe('chapter notes, no images', () => {
  let file: string;
  before(async () => {
    file = path.join(dir, 'chapter-notes.epub');
    await renderEpub(makeBook({ notes: 'chapter' }), file, ctx);
  });

  test('passes EPUBCheck and Ace', () => clean(file));

  test('notes follow their chapter; no Notes document; honest a11y metadata', async () => {
    const chapter = await entry(file, 'OEBPS/ch-02-chapter-2.xhtml');
    assert.match(chapter, /href="#n4">4<\/a>/);
    assert.match(chapter, /<aside epub:type="footnote" role="doc-footnote" id="n4" class="footnote"><p><a role="doc-backlink" href="#nref-n4"/);
    const zip = await JSZip.loadAsync(await readFile(file));
    assert.equal(zip.file('OEBPS/notes.xhtml'), null);
    const opf = await entry(file, 'OEBPS/content.opf');
    assert.doesNotMatch(opf, /alternativeText|schema:accessMode">visual/);
  });
});

test('an author-supplied cover is used as is', async () => {
  const book = makeBook({ notes: 'chapter' });
  book.config.cover = 'images/map.png';
  const file = path.join(dir, 'own-cover.epub');
  await renderEpub(book, file, ctx);
  const zip = await JSZip.loadAsync(await readFile(file));
  const cover = await zip.file('OEBPS/cover.png')?.async('nodebuffer');
  assert.deepEqual(cover, await readFile(path.join(book.root, 'images/map.png')));
  assert.match(await entry(file, 'OEBPS/cover.xhtml'), /<img src="cover.png" alt="Cover: The Zinoviev Letter: A Test of Forgery, by Ann Author"\/>/);
  assert.deepEqual((await epubcheck(file)).map(formatDiagnostic), []);
});

test('an image without a description: no alternativeText, no conformance claim, alt stays empty', async () => {
  const book = makeBook({ notes: 'chapter', images: true });
  const figure = book.chapters[0].content.children.find((n) => n.type === 'element' && n.tagName === 'figure');
  assert.ok(figure && figure.type === 'element' && figure.children[0].type === 'element');
  figure.children[0].properties.alt = '';
  const file = path.join(dir, 'undescribed.epub');
  await renderEpub(book, file, ctx);
  const opf = await entry(file, 'OEBPS/content.opf');
  assert.doesNotMatch(opf, /alternativeText|conformsTo/);
  assert.match(opf, /Some images lack a text description/);
  assert.match(await entry(file, 'OEBPS/ch-01-chapter-1.xhtml'), /<img src="images\/map.png" alt=""\/>/);
});

test('reproducible: two renders give the same sha256', async () => {
  const sums = [];
  for (const name of ['a.epub', 'b.epub']) {
    const file = path.join(dir, name);
    await renderEpub(makeBook({ notes: 'book', images: true }), file, ctx);
    sums.push(createHash('sha256').update(await readFile(file)).digest('hex'));
  }
  assert.equal(sums[0], sums[1]);
});

test('a 150,000-word book renders in well under pandoc’s few seconds', async () => {
  const book = makeBook({ notes: 'chapter', chapters: 20, paragraphs: 100 });
  await pool.get(); // browser launch is the build's cost, not the EPUB's
  const start = performance.now();
  await renderEpub(book, path.join(dir, 'long.epub'), ctx);
  const ms = performance.now() - start;
  assert.ok(ms < 3000, `took ${ms.toFixed(0)} ms`);
});

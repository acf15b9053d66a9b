// The paginated HTML on disk: self-contained for file:// (no <link> stylesheet), fonts and Paged.js beside
// it, notes as floats carrying the book-wide numbers, soft hyphens from en-GB patterns, page geometry.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Properties } from 'hast';
import { BrowserPool } from '../../src/browser.ts';
import { renderHtml } from '../../src/render/html/index.ts';
import { kdpGutter } from '../../src/render/html/page-geometry.ts';
import { makeBook } from './make-book.ts';

test('renderHtml writes one self-contained paginated document', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'bp-html-'));
  const pool = new BrowserPool();
  try {
    const book = makeBook({ chapters: 2, paragraphs: 8, noteEvery: 2 });
    const { indexFile } = await renderHtml(book, dir, { browser: pool, log: () => {}, signal: new AbortController().signal });
    assert.equal(pool.launched, false, 'writing HTML needs no browser');
    const html = await readFile(indexFile, 'utf8');
    assert.doesNotMatch(html, /<link[^>]+stylesheet/, 'stylesheets are inlined (file:// CORS)');
    assert.ok(existsSync(path.join(dir, 'paged.polyfill.js')));
    const fonts = [...html.matchAll(/url\((fonts\/[\w.-]+\.woff2)\)/g)].map((m) => m[1]!);
    assert.ok(fonts.some((f) => f.includes('literata-latin-400-normal')));
    for (const f of fonts) assert.ok(existsSync(path.join(dir, f)), `${f} copied`);
    assert.match(html, /<html lang="en-GB">/);
    assert.match(html, /size: 5\.5in 8\.5in;/);
    assert.match(html, new RegExp(`gutter ${kdpGutter(20)}in`));
    // Notes: a call and a floated note, both printing Note.number, none left as <bp-noteref>.
    assert.doesNotMatch(html, /bp-noteref/);
    for (const note of book.chapters.flatMap((c) => c.notes)) {
      assert.match(html, new RegExp(`<sup class="note-call" id="call-${note.id}">${note.number}</sup><span class="footnote[^"]*" id="${note.id}" data-number="${note.number}"><span class="fn-p"><span class="fn-number">${note.number}</span>`));
    }
    assert.match(html, /cor\u00ADres\u00ADpond\u00ADence/, 'soft hyphens from the en-GB patterns');
    assert.doesNotMatch(html, /<h1[^>]*>[^<]*\u00AD/, 'headings are not hyphenated');
    assert.match(html, /class="contents"[\s\S]*href="#ch-01"[\s\S]*href="#bibliography"/);
    assert.match(html, /© 2020 Ann Author\. All rights reserved\.[\s\S]*First edition[\s\S]*3f0c1f6e-9a3c-4b53-8d3e-2a6f0e2b7c11[\s\S]*Set in Literata/);
  } finally {
    await pool.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('the gutter follows the KDP table', () => {
  assert.deepEqual([24, 150, 151, 300, 301, 500, 501, 700, 701].map(kdpGutter), [0.375, 0.375, 0.5, 0.5, 0.625, 0.625, 0.75, 0.75, 0.875]);
});

test('text in another language is hyphenated with its own patterns, or not at all; verse and small caps never', async () => {
  const { hyphenateTree, hyphenatorFor } = await import('../../src/render/html/hyphenate.ts');
  const el = (tagName: string, properties: Properties, text: string) => ({ type: 'element' as const, tagName, properties, children: [{ type: 'text' as const, value: text }] });
  const tree = {
    type: 'root' as const,
    children: [el('span', { lang: 'fr' }, 'merveilleusement'), el('span', { lang: 'tlh' }, 'considerations'), el('div', { className: ['line-block'] }, 'considerations'), el('span', { className: ['smallcaps'] }, 'considerations'), el('p', {}, 'considerations')],
  };
  hyphenateTree(tree, hyphenatorFor('en-GB')!);
  const [fr, unknown, verse, caps, prose] = tree.children.map((c) => c.children[0]!.value);
  assert.equal(fr, 'mer\u00ADveilleu\u00ADse\u00ADment', 'French patterns');
  assert.equal(unknown, 'considerations', 'no patterns: left whole');
  assert.equal(verse, 'considerations');
  assert.equal(caps, 'considerations');
  assert.match(prose!, /\u00AD/);
});

// The PDF's text layer says what the page shows: Chromium's soft-hyphen replacement text (U+00AD) becomes
// nothing inside a line and a hyphen at a line-end break. Content streams written the way Chromium 156
// writes them (read from its PDFs), then a real PDF read back with pdftotext and pdf.js.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { truthfulContent } from '../../src/render/pdf/text-layer.ts';

const SPAN = (glyph: string) => `/Span<</ActualText <FEFF00AD> >> BDC\n8.34 0 Td <${glyph}> Tj\nEMC`;

test('a soft hyphen inside a line reads as nothing', () => {
  const stream = `BT\n/F1 10 Tf\n1 0 0 -1 72 100 Tm\n0 0 Td <0052> Tj\n${SPAN('00C4')}\n0 0 Td <0053> Tj\nET`;
  const { text, changed } = truthfulContent(stream);
  assert.equal(changed, 1);
  assert.match(text, /\/ActualText \(\) >> BDC/);
  assert.doesNotMatch(text, /FEFF00AD/);
});

test('one that ends its text object before a run on the same baseline reads as nothing; before a lower line, as a hyphen', () => {
  const sameLine = `BT\n1 0 0 -1 72 100 Tm\n${SPAN('00C4')}\nET\nBT\n1 0 0 -1 120 100 Tm\n0 0 Td <0053> Tj\nET`;
  assert.match(truthfulContent(sameLine).text, /\/ActualText \(\) >> BDC/);
  const lineEnd = `BT\n1 0 0 -1 72 100 Tm\n${SPAN('00C4')}\nET\nBT\n1 0 0 -1 72 113 Tm\n0 0 Td <0053> Tj\nET`;
  assert.match(truthfulContent(lineEnd).text, /\/ActualText <FEFF002D> >> BDC/);
});

test('streams without soft hyphens are left as they are', () => {
  const stream = 'BT\n1 0 0 -1 72 100 Tm\n0 0 Td <0052> Tj\nET';
  assert.deepEqual(truthfulContent(stream), { text: stream, changed: 0 });
});

test('a real PDF of the essay: no soft hyphen in pdftotext or pdf.js, and no hyphen inside a line that the text lacks', async (t) => {
  const { build } = await import('../../src/build.ts');
  const { mkdtemp, readdir, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const out = await mkdtemp(resolve(tmpdir(), 'text-layer-'));
  t.after(() => rm(out, { recursive: true, force: true }));
  const manuscript = resolve(import.meta.dirname, '..', '..', 'manuscript');
  await build({ manuscript, outDir: out, formats: ['pdf'], full: false, signal: new AbortController().signal });
  const pdf = resolve(out, 'the-zinoviev-letter.pdf');
  const poppler = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  assert.equal([...poppler].filter((c) => c === '\u00ad').length, 0, 'pdftotext sees no soft hyphen');
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(await readFile(pdf)), useSystemFonts: false }).promise;
  let viewer = '';
  for (let i = 1; i <= doc.numPages; i++) viewer += (await (await doc.getPage(i)).getTextContent()).items.map((it) => ('str' in it ? it.str : '')).join(' ');
  assert.equal([...viewer].filter((c) => c === '\u00ad').length, 0, 'pdf.js sees no soft hyphen');
  // A hyphen between two letters inside a line must be one the author wrote (anti-Semitism), never a
  // hyphenation point read as a hyphen ("Com-mission").
  const chapters = resolve(manuscript, 'chapters');
  let source = '';
  for (const f of await readdir(chapters)) source += await readFile(resolve(chapters, f), 'utf8');
  for (const f of ['book.yaml', 'references.yaml']) source += await readFile(resolve(manuscript, f), 'utf8');
  // Case-insensitive: citation styles set titles in title case (Eye-witness → Eye-Witness).
  const written = new Set([...source.matchAll(/\p{L}+-\p{L}+/gu)].map((m) => m[0].toLowerCase()));
  // A written compound hyphenated again where a page ends ("anti-Semit-" | "ism": the text layer keeps the
  // word whole, so the page's text ends "anti-Semit") reads as the start of the written word, cut at one of
  // its hyphenation points (the book's own patterns): "anti-Semiti" | "sm" is a cut no reader should see.
  const { hyphenatorFor } = await import('../../src/render/html/hyphenate.ts');
  const hyphenate = hyphenatorFor('en-GB')!;
  const cutAtAPoint = (piece: string) => [...written].some((x) => x.startsWith(piece) && hyphenate(x, { minWordLength: 4 }).replace(/\u00AD/g, '|').replace(/-/g, '|-').split('|').some((_, i, parts) => parts.slice(0, i + 1).join('') === piece));
  const invented = [...poppler.matchAll(/\p{L}+-\p{L}+/gu)].map((m) => m[0])
    .filter((w) => !written.has(w.toLowerCase()) && !cutAtAPoint(w.toLowerCase()));
  assert.deepEqual(invented, []);
});

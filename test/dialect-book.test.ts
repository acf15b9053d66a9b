// A book written for pandoc (test/fixtures/pandoc-book) builds unchanged: every construct reaches the
// EPUB and the PDF the way pandoc's HTML writer renders it, EPUBCheck and Ace find nothing, and no
// pandoc markup is left in any output. One build, shared by every test below.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import JSZip from 'jszip';
import { build, type BuildReport } from '../src/build.ts';
import type { Diagnostic } from '../src/diagnostics.ts';

const BOOK = resolve(import.meta.dirname, 'fixtures', 'pandoc-book');
let work: string;
let report: BuildReport;
let validation: Diagnostic[] = [];
let xhtml: Record<string, string> = {};
/** The PDF's text layer as viewers give it (no normalisation of soft hyphens). */
let pdfText = '';

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'dialect-book-'));
  report = await build({
    manuscript: BOOK, outDir: work, formats: ['epub', 'html', 'pdf'], ace: true, signal: new AbortController().signal,
    onEvent: (e) => {
      if (e.type === 'diagnostics') validation.push(...e.diagnostics);
    },
  });
  const zip = await JSZip.loadAsync(await readFile(join(work, 'the-harbour-light.epub')));
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xhtml'))) xhtml[name.replace(/^.*\//, '')] = await zip.file(name)!.async('string');
  pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', join(work, 'the-harbour-light.pdf'), '-'], { encoding: 'utf8' });
});
after(() => rm(work, { recursive: true, force: true }));

/** A chapter's XHTML with character references decoded (the serialiser writes `&#x2013;` for –). */
const chapter = (id: string) => {
  const doc = xhtml[`${id}.xhtml`];
  assert.ok(doc, `no ${id}.xhtml in the EPUB (has: ${Object.keys(xhtml).join(', ')})`);
  return doc.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
};
const light = () => chapter('ch-01-the-light');
const log = () => chapter('ch-02-the-log');
/** Words of the PDF text, whitespace collapsed. */
const pdf = () => pdfText.replace(/\s+/g, ' ');

test('EPUBCheck and Ace report nothing; the only diagnostics are the warnings we mean to give', () => {
  assert.deepEqual(validation.filter((d) => /epubcheck|ace|pdf/i.test(d.rule ?? '') || d.severity === 'error'), []);
  const ours = report.diagnostics.filter((d) => !/^(spelling|proof)/.test(d.rule ?? ''));
  assert.deepEqual(ours.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`).sort(), [
    'chapters/02-the-log.md:26:1 raw-format-dropped',
  ]);
});

test('no pandoc markup reaches any output', () => {
  const markup = [':::', ']{.', '{#', '^[', '{=', '$A', '$d', '\\newpage', '| The tide', '~2~', '^10^', 'title: The Light'];
  for (const [name, doc] of Object.entries(xhtml)) {
    const text = doc.replace(/<[^>]+>/g, '');
    for (const m of markup) assert.ok(!text.includes(m), `${name} prints "${m}"`);
  }
  for (const m of markup) assert.ok(!pdfText.includes(m), `the PDF prints "${m}"`);
});

test('front matter titles the chapter; a dedication is a dedication', () => {
  assert.match(light(), /<h1[^>]*>The Light on the Point<\/h1>/);
  assert.match(chapter('ch-00-dedication'), /epub:type="dedication"/);
  assert.match(pdf(), /The Light on the Point/);
});

test('spans: small caps and lang; divs with their classes; signature and dateline', () => {
  assert.match(light(), /<span class="smallcaps">small capitals<\/span>/);
  assert.match(light(), /<span lang="fr"( xml:lang="fr")?>phare<\/span>/);
  assert.match(light(), /<div class="epigraph">/);
  assert.match(log(), /<div class="signature">/);
  assert.match(log(), /<div class="dateline">/);
  assert.match(pdf(), /small capitals/);
});

test('smart punctuation: en and em dashes, ellipsis, curly quotes, no-break space', () => {
  assert.match(light(), /at dusk – never earlier – and/);
  assert.match(light(), /“the <em>first<\/em> duty”—and/);
  assert.match(light(), /say…/);
  assert.match(light(), /Mr.\u00a0Keeper/);
  assert.match(pdf(), /dusk – never earlier – and/);
});

test('sub- and superscript; strikethrough still works', () => {
  assert.match(light(), /H<sub>2<\/sub>O/);
  assert.match(light(), /2<sup>10<\/sup>/);
  assert.match(log(), /<del>A struck line<\/del>/);
});

test('inline notes are numbered with the other notes; a note opening with a quotation keeps its number with the text', () => {
  const notes = [...light().matchAll(/<aside[^>]*epub:type="footnote"[^>]*>([\s\S]*?)<\/aside>/g)].map((m) => m[1].replace(/<[^>]+>/g, '').trim());
  assert.ok(notes.some((n) => /^1\. He was deaf in one ear/.test(n)), `inline note: ${notes.join(' | ')}`);
  assert.ok(notes.some((n) => /^4\. The measurements were never published/.test(n)), notes.join(' | '));
  assert.match(pdf(), /He was deaf in one ear/);
});

test('citations from the bibliography, the call after the punctuation', () => {
  assert.match(pdf(), /Stevenson/);
  assert.match(light(), /prisms|family/);
});

test('two calls side by side (a citation note, then a note) are set “³,⁴”, not “³⁴”, in both outputs', () => {
  assert.match(light(), /later measured\.<sup class="noteref"><a [^>]*>3<\/a><\/sup><sup class="note-sep">,<\/sup><sup class="noteref"><a [^>]*>4<\/a><\/sup>/);
  assert.match(pdf(), /later measured\. ?3,4/);
});

test('figures with captions; image attributes; the id names the figure', () => {
  assert.match(light(), /<figure (id="fig-harbour" class="figure"|class="figure" id="fig-harbour")>\s*<img[^>]*alt="The harbour at dusk, with the light lit"[^>]*\/>\s*<figcaption>The harbour at dusk, with the light lit<\/figcaption>\s*<\/figure>/);
  assert.match(light(), /<img[^>]*height="40"/);
  assert.match(pdf(), /The harbour at dusk, with the light lit/);
});

test('math as MathML; prices stay text', () => {
  assert.match(light(), /<math[^>]*>[\s\S]*<mi>π<\/mi>[\s\S]*<\/math>/);
  assert.match(light(), /<math[^>]*display="block"/);
  assert.match(light(), /cost \$20 and a chimney \$30/);
});

test('tables: caption, id, alignment in the EPUB and the PDF', () => {
  assert.match(light(), /<table id="tbl-ships">\s*<caption>Ships passing the point, by year<\/caption>/);
  assert.match(light(), /<td class="align-right">412<\/td>/);
  assert.match(light(), /<td class="align-center">3<\/td>/);
  assert.match(pdf(), /Ships passing the point, by year/);
});

test('lists keep their start number; definition lists', () => {
  assert.match(log(), /<ol start="3">/);
  assert.match(log(), /<dl>\s*<dt>Lantern<\/dt>\s*<dd>\s*(<p>)?The glazed room/);
});

test('line blocks: one element per line, leading spaces kept, in both outputs', () => {
  assert.match(log(), /<div class="line-block">\s*<span class="line">The tide came in at night,<\/span>\s*<span class="line">\u00a0\u00a0\u00a0and the light went round,<\/span>/);
  assert.match(pdfText, /The tide came in at night,\n\s*and the light went round,\n/);
});

test('code blocks: highlighted with classes, id kept; raw HTML kept when safe; raw LaTeX left out', () => {
  assert.match(log(), /<pre[^>]*id="lst-count"|<code[^>]*id="lst-count"/);
  assert.match(log(), /<span class="hljs-keyword">def<\/span>/);
  assert.match(log(), /<p class="raw-html-ok">A note kept as HTML\.<\/p>/);
  assert.match(pdf(), /def count\(ships\)/);
});

test('links to ids, to pandoc heading ids and across chapters land on the right file and fragment', () => {
  assert.match(light(), /<a href="#lens">lens section<\/a>/);
  assert.match(light(), /<a href="#tbl-ships">table<\/a>/);
  assert.match(light(), /<a href="ch-02-the-log.xhtml#ch-02-the-log-title">later<\/a>/);
});

const rules = () => chapter('ch-025-the-keepers-rules');

test('fancy and example lists; (@label) references; .unnumbered headings', () => {
  assert.match(rules(), /<ol type="i">\s*<li>Light the lamp at dusk\.<\/li>/);
  assert.match(rules(), /<ol class="example">/);
  assert.match(rules(), /Rule \(2\) mattered most in fog\./);
  assert.match(rules(), /<h2 class="unnumbered"[^>]*>A Note on Sources<\/h2>/);
  assert.match(pdf(), /Rule \(2\) mattered most in fog\./);
});

test('a front-matter title gets smart quotes; nocite in a chapter lists an uncited work', () => {
  assert.match(rules(), /<h1[^>]*>The Keeper’s Rules<\/h1>/);
  assert.match(pdf(), /Smeaton, John\. A Narrative of the Building of the Edystone Lighthouse/);
  assert.doesNotMatch(pdf(), /smeaton1791/);
});

test('narrative citations, braces locators, @{key}; code with attributes inside a link with attributes', () => {
  assert.match(rules(), /As Robert Louis Stevenson<sup class="noteref">/);
  assert.match(rules(), /Hague, ‘Lighthouse Optics and the Fresnel Lens’, 101–3\./);
  assert.match(rules(), /<a href="https:\/\/example\.org\/lamp" class="external"><code class="python">lamp<\/code> manual<\/a>/);
});

test('lang divs hold a poem; \\newpage is a page break; emoji are drawn by an embedded font', () => {
  assert.match(rules(), /<div lang="fr"( xml:lang="fr")?><p>Le phare est <span class="smallcaps">allumé<\/span>/);
  assert.match(rules(), /<div class="poem"><div class="line-block"><span class="line">Le feu tourne,<\/span>/);
  assert.match(rules(), /<div class="page-break"\s*\/>|<div class="page-break"><\/div>/);
  assert.match(rules(), /🙂/);
  const fonts = execFileSync('pdffonts', [join(work, 'the-harbour-light.pdf')], { encoding: 'utf8' });
  assert.match(fonts, /NotoEmoji/);
  assert.match(fonts, /NotoSansMono/);
  assert.match(fonts, /NotoSansMath/);
});

test("pandoc's simple and grid tables; raw inline HTML kept when safe", () => {
  assert.match(log(), /<table id="tbl-tides"><caption>Tides at the point<\/caption>/);
  assert.match(log(), /<td class="align-right">06:10<\/td>/);
  assert.match(log(), /<td><em>Colza<\/em>, two pints<\/td>/);
  assert.match(log(), /<td>Paraffin, a pint and\s+a half<\/td>/);
  assert.match(log(), /The keeper wrote <abbr>HW<\/abbr> for high water\./);
  assert.match(pdf(), /Tides at the point/);
  assert.match(pdf(), /Monday 06:10 12:25/);
  assert.doesNotMatch(pdfText, /\+-{4}|\+={4}|-{7} {2}-/, 'no table rules printed as text');
});

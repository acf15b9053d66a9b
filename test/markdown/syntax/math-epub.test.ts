// MathML in the EPUB: a chapter with math is declared properties="mathml" in the OPF, epub-gen-memory's
// sanitiser keeps <math> and its attributes in the MathML namespace, and EPUBCheck passes.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Element, Root as HastRoot } from 'hast';
import JSZip from 'jszip';
import { toHast } from 'mdast-util-to-hast';
import { BrowserPool } from '../../../src/browser.ts';
import { epubcheck } from '../../../src/check/epubcheck.ts';
import { formatDiagnostic } from '../../../src/diagnostics.ts';
import { remarkMath } from '../../../src/markdown/syntax/math/index.ts';
import type { RenderContext } from '../../../src/render/context.ts';
import { renderEpub } from '../../../src/render/epub/index.ts';
import { makeBook } from '../../epub/make-book.ts';
import { render } from './render.ts';

let dir: string;
let pool: BrowserPool;
let ctx: RenderContext;

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'math-epub-'));
  pool = new BrowserPool();
  ctx = { browser: pool, log: () => {}, signal: new AbortController().signal };
});
after(async () => {
  await pool.close();
  await rm(dir, { recursive: true, force: true });
});

test('math in the EPUB: MathML kept, declared in the OPF, EPUBCheck clean', async () => {
  const { tree, messages } = render([remarkMath], 'The area is $\\pi r^2$, and\n\n$$\n\\sum_{i=1}^{n} \\frac{1}{i^2} \\le \\sqrt{2}\n$$\n');
  assert.deepEqual(messages, []);
  const math = (toHast(tree) as HastRoot).children.filter((n): n is Element => n.type === 'element');
  const book = makeBook({ chapters: 2 });
  book.chapters[0]!.content.children.push(...math);
  const file = path.join(dir, 'math.epub');
  await renderEpub(book, file, ctx);

  const zip = await JSZip.loadAsync(await readFile(file));
  const opf = await zip.file('OEBPS/content.opf')!.async('string');
  const items = [...opf.matchAll(/<item id="(ch-[^"]+)"[^>]*?(properties="mathml")?\/>/g)].map((m) => [m[1], m[2] ?? '']);
  assert.deepEqual(items, [['ch-01-chapter-1', 'properties="mathml"'], ['ch-02-chapter-2', '']]);
  const name = Object.keys(zip.files).find((n) => n.startsWith('OEBPS/ch-01') && n.endsWith('.xhtml'))!;
  const xhtml = await zip.file(name)!.async('string');
  assert.match(xhtml, /<span class="math inline"><math xmlns="http:\/\/www\.w3\.org\/1998\/Math\/MathML"><mrow><mi>&#x3C0;<\/mi><msup><mi>r<\/mi><mn class="tml-sml-pad">2<\/mn><\/msup><\/mrow><\/math><\/span>/);
  assert.match(xhtml, /<div class="math display"><math xmlns="http:\/\/www\.w3\.org\/1998\/Math\/MathML" display="block" class="tml-display" style="display:block math;"><mrow><mrow><munderover><mo movablelimits="false">&#x2211;<\/mo>/);
  const check = await epubcheck(file);
  assert.deepEqual(check.map(formatDiagnostic), [], 'EPUBCheck: 0 errors and 0 warnings');
});

// The validators find real problems: a damaged copy of a good EPUB must fail EPUBCheck and Ace.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import JSZip from 'jszip';
import { BrowserPool } from '../../src/browser.ts';
import { ace } from '../../src/check/ace.ts';
import { epubcheck } from '../../src/check/epubcheck.ts';
import { EnvironmentError } from '../../src/diagnostics.ts';
import { renderEpub } from '../../src/render/epub/index.ts';
import { makeBook } from './make-book.ts';

let dir: string;
let broken: string;

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'epub-checks-'));
  const pool = new BrowserPool();
  const good = path.join(dir, 'good.epub');
  try {
    await renderEpub(makeBook({ images: true }), good, { browser: pool, log: () => {}, signal: new AbortController().signal });
  } finally {
    await pool.close();
  }
  const zip = await JSZip.loadAsync(await import('node:fs/promises').then((fs) => fs.readFile(good)));
  const opf = await zip.file('OEBPS/content.opf')!.async('string');
  zip.file('OEBPS/content.opf', opf.replace(/\s*<meta property="schema:access[^\n]*/g, ''));
  const chapter = await zip.file('OEBPS/ch-01-chapter-1.xhtml')!.async('string');
  zip.file('OEBPS/ch-01-chapter-1.xhtml', chapter.replace(/ alt="[^"]*"/, '').replace('href="#n1"', 'href="#missing"'));
  broken = path.join(dir, 'broken.epub');
  // JSZip's default compresses every entry, the mimetype too: PKG-007.
  await writeFile(broken, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
});
after(() => rm(dir, { recursive: true, force: true }));

test('EPUBCheck reports a compressed mimetype and a broken link as errors, with paths inside the EPUB', async () => {
  const found = await epubcheck(broken);
  const pkg = found.find((d) => d.rule === 'PKG-007');
  assert.ok(pkg, JSON.stringify(found));
  assert.equal(pkg.severity, 'error');
  assert.equal(pkg.file, 'mimetype');
  const link = found.find((d) => d.rule === 'RSC-012');
  assert.ok(link, JSON.stringify(found));
  assert.equal(link.file, 'OEBPS/ch-01-chapter-1.xhtml');
  assert.ok(link.line > 0);
});

test('Ace reports the missing alt text and accessibility metadata', async () => {
  const rules = (await ace(broken)).map((d) => `${d.rule} ${d.severity}`);
  for (const rule of ['image-alt error', 'metadata-accessmode error', 'metadata-accessibilityhazard error']) {
    assert.ok(rules.includes(rule), `${rule} in ${rules.join(', ')}`);
  }
});

test('a missing EPUBCheck is an environment error that says how to install it', async () => {
  process.env.EPUBCHECK_JAR = path.join(dir, 'no-such.jar');
  try {
    await assert.rejects(epubcheck(broken), (e: Error) => e instanceof EnvironmentError && /apt-get install epubcheck/.test(e.message));
  } finally {
    delete process.env.EPUBCHECK_JAR;
  }
});

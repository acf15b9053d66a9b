// The whole pipeline on the real manuscript and on a small fixture book: every output is built,
// validated, at the trim size, and byte-identical when built again.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { build, type BuildReport } from '../src/build.ts';

const ROOT = resolve(import.meta.dirname, '..');

function pdftool(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${tool} is missing: apt-get install poppler-utils`);
    throw err;
  }
}

async function sha256(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}

async function buildInto(manuscript: string, out: string): Promise<BuildReport> {
  return build({ manuscript, outDir: out, formats: ['epub', 'html', 'pdf'], ace: false, signal: new AbortController().signal });
}

test('the manuscript builds: EPUB, pages, PDF at the trim size, covers and report; twice gives the same bytes', async () => {
  const work = await mkdtemp(join(tmpdir(), 'build-'));
  try {
    const first = await buildInto(join(ROOT, 'manuscript'), join(work, 'a'));
    const second = await buildInto(join(ROOT, 'manuscript'), join(work, 'b'));
    const names = (await readdir(join(work, 'a'))).sort();
    assert.deepEqual(names, ['cover.jpg', 'html', 'report.json', 'report.md', 'the-zinoviev-letter-cover.pdf', 'the-zinoviev-letter.epub', 'the-zinoviev-letter.pdf']);
    assert.deepEqual((await readdir(join(work, 'b'))).sort(), names);
    for (const name of names.filter((n) => n !== 'html')) {
      assert.equal(await sha256(join(work, 'a', name)), await sha256(join(work, 'b', name)), `${name} differs between two builds`);
    }
    assert.equal(await sha256(join(work, 'a', 'html', 'index.html')), await sha256(join(work, 'b', 'html', 'index.html')));

    // Every page of the interior at 5.5 × 8.5 in (396 × 612 pt).
    const pdf = join(work, 'a', 'the-zinoviev-letter.pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(pdftool('pdfinfo', [pdf]))![1]);
    assert.equal(pages, first.pages);
    const sizes = pdftool('pdfinfo', ['-f', '1', '-l', String(pages), pdf]).match(/Page\s+\d+ size:.*/g) ?? [];
    assert.equal(sizes.length, pages);
    for (const line of sizes) assert.match(line, /size:\s+396 x 612 pts/);
    // Blank versos (after the half-title, after the contents) carry no running head and no folio.
    for (const blank of [2, 6]) {
      assert.equal(pdftool('pdftotext', ['-f', String(blank), '-l', String(blank), pdf, '-']).trim(), '', `page ${blank} must be blank`);
    }
    // EPUBCheck ran inside the build and found nothing; the store report has no failure.
    assert.deepEqual(first.diagnostics.filter((d) => d.severity !== 'info'), []);
    assert.equal(first.store?.summary.fail, 0, JSON.stringify(first.store?.stores, null, 1));
    assert.equal(second.pages, first.pages);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});

test('a small fixture book builds the same outputs', async () => {
  const work = await mkdtemp(join(tmpdir(), 'build-'));
  try {
    const report = await buildInto(join(ROOT, 'test', 'fixtures', 'small-book'), work);
    assert.ok(report.outputs.some((p) => p.endsWith('a-small-book.epub')));
    assert.ok(report.outputs.some((p) => p.endsWith('a-small-book.pdf')));
    const text = pdftool('pdftotext', [join(work, 'a-small-book.pdf'), '-']);
    assert.match(text, /The Second Chapter/);
    assert.match(text, /A note of the author’s own/);
    assert.deepEqual((await readdir(work)).filter((e) => e.startsWith('.staging')), []);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});

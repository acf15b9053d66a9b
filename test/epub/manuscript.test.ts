// The real book in manuscript/: its EPUB passes EPUBCheck and Ace, and rebuilding it (fresh load, fresh
// Chromium) gives the same bytes.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { loadBook } from '../../src/book/load.ts';
import { BrowserPool } from '../../src/browser.ts';
import { ace } from '../../src/check/ace.ts';
import { epubcheck } from '../../src/check/epubcheck.ts';
import { formatDiagnostic } from '../../src/diagnostics.ts';
import { renderEpub } from '../../src/render/epub/index.ts';

const MANUSCRIPT = path.resolve(import.meta.dirname, '../../manuscript');
let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'epub-manuscript-'));
});
after(() => rm(dir, { recursive: true, force: true }));

async function build(name: string): Promise<string> {
  const pool = new BrowserPool();
  try {
    const { book } = await loadBook(MANUSCRIPT, {});
    const file = path.join(dir, name);
    await renderEpub(book, file, { browser: pool, log: () => {}, signal: new AbortController().signal });
    return file;
  } finally {
    await pool.close();
  }
}

test('manuscript EPUB: EPUBCheck 0 errors/warnings, Ace 0 violations, same sha256 twice', async () => {
  const first = await build('first.epub');
  const [check, access] = await Promise.all([epubcheck(first), ace(first)]);
  assert.deepEqual(check.map(formatDiagnostic), []);
  assert.deepEqual(access.map(formatDiagnostic), []);
  const second = await build('second.epub');
  const sha = async (f: string) => createHash('sha256').update(await readFile(f)).digest('hex');
  assert.equal(await sha(first), await sha(second));
});

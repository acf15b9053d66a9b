import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { BrowserPool } from '../../src/browser.ts';
import { toPdfX1a } from '../../src/render/pdfx/index.ts';
import { pdfInfo } from '../../src/check/poppler.ts';
import { makeCoverBook } from '../wrap-cover/make-book.ts';

let dir: string;
const pool = new BrowserPool();
before(async () => { dir = await mkdtemp(path.join(tmpdir(), 'pdfx-test-')); });
after(async () => { await pool.close(); await rm(dir, { recursive: true, force: true }); });

/** A 3-page 5.5 × 8.5 in interior with RGB colour and a link annotation, as Chromium prints it. */
async function interior(file: string): Promise<void> {
  const page = await (await pool.get()).newPage();
  try {
    const para = '<p>It was printed four days before the election, and nobody has ever found the original.</p>'.repeat(12);
    await page.setContent(`<style>@page{size:5.5in 8.5in;margin:0.75in} body{font-family:'DejaVu Serif',serif}
      h1{color:#c03020;break-before:page}</style><h1 id="a">One</h1>${para}<p><a href="#b">to chapter two</a></p>
      <h1 id="b">Two</h1>${para}<h1>Three</h1>${para}`);
    await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true, outline: true });
  } finally {
    await page.close();
  }
}

test('toPdfX1a makes a PDF/X-1a:2001 file that passes its read-back check, reproducibly', async () => {
  const input = path.join(dir, 'interior.pdf');
  await interior(input);
  const before = await pdfInfo(input);
  const book = makeCoverBook();
  const a = path.join(dir, 'a.pdf');
  const check = await toPdfX1a(input, a, book);
  assert.equal(check.conformance, 'PDF/X-1a:2001');
  assert.match(check.subtype ?? '', /^PDF\/X-1/);
  assert.equal(check.pdfVersion, '1.3');
  assert.equal(check.outputIntent, 'CGATS TR 001');
  assert.equal(check.pages, before.pages);
  assert.equal(check.trimBoxes, check.pages);
  assert.equal(check.rgbOrIcc, false);
  assert.equal(check.transparency, false);
  assert.ok(check.fonts > 0 && check.fontsEmbedded);
  assert.deepEqual(check.problems, []);
  const after = await pdfInfo(a);
  assert.deepEqual(after.pageSize, before.pageSize, 'page size unchanged');
  const b = path.join(dir, 'b.pdf');
  await toPdfX1a(input, b, book);
  const sha = async (f: string) => createHash('sha256').update(await readFile(f)).digest('hex');
  assert.equal(await sha(a), await sha(b), 'two conversions give the same bytes');
});

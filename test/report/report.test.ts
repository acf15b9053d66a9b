import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BrowserPool } from '../../src/browser.ts';
import type { RenderContext } from '../../src/render/context.ts';
import { renderWrapCover } from '../../src/render/wrap-cover/index.ts';
import { imageInfo, reportMarkdown, storeReport, type StoreReport } from '../../src/report/index.ts';
import { makeCoverBook } from '../wrap-cover/make-book.ts';

const pool = new BrowserPool();
const ctx: RenderContext = { browser: pool, log: () => {}, signal: new AbortController().signal };

/** A real JPEG of the given size, drawn by Chromium. */
async function jpeg(width: number, height: number): Promise<Buffer> {
  const page = await (await pool.get()).newPage();
  try {
    await page.setViewport({ width, height, deviceScaleFactor: 1 });
    await page.setContent('<body style="margin:0;background:#345"></body>');
    return Buffer.from(await page.screenshot({ type: 'jpeg', clip: { x: 0, y: 0, width, height } }));
  } finally {
    await page.close();
  }
}

const line = (r: StoreReport, store: RegExp, requirement: RegExp) =>
  r.stores.find((s) => store.test(s.store))!.checks.find((c) => requirement.test(c.requirement))!;

describe('storeReport', () => {
  let dir: string;
  before(async () => { dir = await mkdtemp(path.join(tmpdir(), 'report-test-')); });
  after(async () => { await pool.close(); await rm(dir, { recursive: true, force: true }); });

  test('imageInfo reads JPEG pixel sizes', async () => {
    assert.deepEqual(imageInfo(await jpeg(321, 543)), { format: 'jpeg', mediaType: 'image/jpeg', width: 321, height: 543, colour: 'rgb' });
  });

  test('a too-small author cover fails, and the line says what is wrong', async () => {
    await mkdir(path.join(dir, 'images'), { recursive: true });
    await writeFile(path.join(dir, 'images/cover.jpg'), await jpeg(400, 600));
    const book = makeCoverBook({ cover: 'images/cover.jpg' }, dir);
    const r = await storeReport({ book });
    const kdp = line(r, /KDP \(Kindle/, /^Cover at least 625/);
    assert.equal(kdp.status, 'fail');
    assert.match(kdp.figure, /images\/cover\.jpg: 400 × 600 px/);
    assert.match(kdp.note!, /Too small.*625 px wide by 1000 px high/);
    const google = line(r, /Google/, /^Cover at least 640/);
    assert.equal(google.status, 'fail');
    assert.match(google.note!, /at least 640 px/);
    assert.equal(line(r, /Apple/, /1400 px wide/).status, 'warn');
    assert.match(line(r, /KDP \(paperback/, /300 DPI/).figure, /^71 DPI/);
    assert.match(reportMarkdown(r), /\| Cover at least 625 × 1000 px.*\| ❌ fail \| Too small/);
  });

  test('a missing ISBN is a warning, never a failure; a given one passes', async () => {
    const without = await storeReport({ book: makeCoverBook(), coverJpeg: await jpeg(1600, 2560) });
    for (const s of without.stores) {
      const isbn = s.checks.find((c) => c.requirement === 'ISBN')!;
      assert.equal(isbn.status, 'warn', s.store);
      assert.ok(isbn.note, `${s.store} says why`);
    }
    const withIsbn = await storeReport({ book: makeCoverBook({ isbn: '9781234567897' }), coverJpeg: await jpeg(1600, 2560) });
    for (const s of withIsbn.stores) assert.equal(s.checks.find((c) => c.requirement === 'ISBN')!.status, 'pass');
  });

  test('a good generated cover and a wrap cover built from the page count: no failures', async () => {
    const book = makeCoverBook();
    const wrapCoverFile = path.join(dir, 'cover.pdf');
    await renderWrapCover(book, 120, wrapCoverFile, ctx);
    const r = await storeReport({ book, coverJpeg: await jpeg(1600, 2560), pdfPages: 120, wrapCoverFile, epubcheck: [], ace: [] });
    const fails = r.stores.flatMap((s) => s.checks.filter((c) => c.status === 'fail').map((c) => `${s.store}: ${c.requirement}`));
    assert.deepEqual(fails, []);
    assert.equal(line(r, /KDP \(paperback/, /^Wrap cover/).status, 'pass');
    assert.equal(line(r, /KDP \(Kindle/, /^Cover ratio/).status, 'pass');
    assert.equal(line(r, /KDP \(paperback/, /^Page count 24–776/).status, 'pass');
  });

  test('a wrap cover built for the wrong page count fails', async () => {
    const book = makeCoverBook();
    const wrapCoverFile = path.join(dir, 'cover-100.pdf');
    await renderWrapCover(book, 100, wrapCoverFile, ctx);
    const r = await storeReport({ book, pdfPages: 300, wrapCoverFile });
    const wrap = line(r, /KDP \(paperback/, /^Wrap cover/);
    assert.equal(wrap.status, 'fail');
    assert.match(wrap.note!, /Expected 12\.0000 × 8\.75 in/);
  });

  test('page counts outside KDP limits fail', async () => {
    const r = await storeReport({ book: makeCoverBook(), pdfPages: 800 });
    assert.equal(line(r, /KDP \(paperback/, /^Page count/).status, 'fail');
    const small = await storeReport({ book: makeCoverBook(), pdfPages: 20 });
    assert.match(line(small, /KDP \(paperback/, /^Page count/).note!, /at least 24/);
  });
});

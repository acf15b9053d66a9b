import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BrowserPool } from '../../src/browser.ts';
import type { RenderContext } from '../../src/render/context.ts';
import { renderWrapCover, wrapCoverGeometry } from '../../src/render/wrap-cover/index.ts';
import { pdfFonts, pdfInfo } from '../../src/check/poppler.ts';
import { makeCoverBook } from './make-book.ts';

describe('wrapCoverGeometry', () => {
  // trim, pages, paper → spine, width, height, spine text (KDP: white 0.002252 in/page, cream 0.0025).
  const cases: [number, number, number, 'white' | 'cream', number, number, number, boolean][] = [
    [5.5, 8.5, 212, 'cream', 0.53, 11.78, 8.75, true],
    [6, 9, 100, 'white', 0.2252, 12.4752, 9.25, true],
    [6, 9, 79, 'white', 0.177908, 12.427908, 9.25, true],
    [6, 9, 78, 'white', 0.175656, 12.425656, 9.25, false],
    [5, 8, 24, 'cream', 0.06, 10.31, 8.25, false],
    [5, 8, 24, 'white', 0.054048, 10.304048, 8.25, false],
    [8.5, 11, 500, 'white', 1.126, 18.376, 11.25, true],
    [6, 9, 776, 'cream', 1.94, 14.19, 9.25, true],
  ];
  for (const [w, h, pages, paper, spine, width, height, spineText] of cases) {
    test(`${w}×${h} in, ${pages} pages, ${paper}`, () => {
      const g = wrapCoverGeometry({ trim: { width: w, height: h }, pages, paper });
      assert.deepEqual([g.spine, g.width, g.height, g.spineText, g.bleed], [spine, width, height, spineText, 0.125]);
      assert.equal(g.front.x, 0.125 + w + spine);
      // Barcode box 2 × 1.2 in, 0.25 in inside the back cover's trim at its lower right.
      assert.deepEqual(g.barcode, { x: 0.125 + w - 0.25 - 2, y: 0.125 + h - 0.25 - 1.2, width: 2, height: 1.2 });
    });
  }
  test('rejects a page count that is not a positive integer', () => {
    assert.throws(() => wrapCoverGeometry({ trim: { width: 6, height: 9 }, pages: 0, paper: 'white' }), RangeError);
  });
});

describe('renderWrapCover (real Chromium)', () => {
  let dir: string;
  const pool = new BrowserPool();
  const ctx: RenderContext = { browser: pool, log: () => {}, signal: new AbortController().signal };
  before(async () => { dir = await mkdtemp(path.join(tmpdir(), 'wrap-cover-test-')); });
  after(async () => { await pool.close(); await rm(dir, { recursive: true, force: true }); });

  const spineText = (file: string, g: { spineX: number; spine: number; height: number }) =>
    execFileSync('pdftotext', ['-x', String(Math.floor(g.spineX * 72)), '-y', '0', '-W', String(Math.ceil(g.spine * 72)),
      '-H', String(Math.ceil(g.height * 72)), file, '-'], { encoding: 'utf8' }).trim();

  test('page size equals the formula, fonts embedded, title on a 212-page spine', async () => {
    const file = path.join(dir, 'cover-212.pdf');
    const g = await renderWrapCover(makeCoverBook(), 212, file, ctx);
    const info = await pdfInfo(file);
    assert.equal(info.pages, 1);
    const want = { width: (2 * (5.5 + 0.125) + 212 * 0.0025) * 72, height: (8.5 + 0.25) * 72 };
    assert.ok(Math.abs(info.pageSize.width - want.width) < 0.01, `width ${info.pageSize.width} pt, want ${want.width}`);
    assert.ok(Math.abs(info.pageSize.height - want.height) < 0.01, `height ${info.pageSize.height} pt, want ${want.height}`);
    const fonts = await pdfFonts(file);
    assert.ok(fonts.length > 0);
    assert.deepEqual(fonts.filter((f) => !f.embedded), []);
    assert.match(spineText(file, g).replace(/\s+/g, ' '), /Zinoviev/);
    const all = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    assert.match(all, /four days before a general election/, 'the blurb from book.yaml description is on the back');
  });

  test('no spine text below 79 pages', async () => {
    const file = path.join(dir, 'cover-60.pdf');
    const g = await renderWrapCover(makeCoverBook({ print: { ...makeCoverBook().config.print, paper: 'white' } }), 60, file, ctx);
    assert.equal(g.spineText, false);
    assert.equal(spineText(file, g), '');
    const info = await pdfInfo(file);
    assert.ok(Math.abs(info.pageSize.width / 72 - (11.25 + 60 * 0.002252)) < 0.0002);
  });

  test('the barcode box is clear white at the lower right of the back cover', async () => {
    const file = path.join(dir, 'cover-212.pdf');
    const g = wrapCoverGeometry({ trim: { width: 5.5, height: 8.5 }, pages: 212, paper: 'cream' });
    const dpi = 20;
    const ppm = execFileSync('pdftoppm', ['-r', String(dpi), file]);
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.toString('latin1', 0, 40))!;
    const width = Number(header[1]);
    const pixel = (xIn: number, yIn: number) => {
      const at = header[0].length + (Math.round(yIn * dpi) * width + Math.round(xIn * dpi)) * 3;
      return [...ppm.subarray(at, at + 3)];
    };
    const b = g.barcode;
    assert.deepEqual(pixel(b.x + b.width / 2, b.y + b.height / 2), [255, 255, 255]);
    const outside = pixel(b.x + b.width / 2, b.y - 0.15);
    assert.notDeepEqual(outside, [255, 255, 255]);
  });
});

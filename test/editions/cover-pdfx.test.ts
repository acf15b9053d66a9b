// The wrap cover as CMYK PDF/X-1a for IngramSpark (Ghostscript): no RGB or ICC colour, no transparency, the
// TrimBox inside the bleed, and the barcode still decodes to the ISBN and its add-on after the conversion.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BrowserPool } from '../../src/browser.ts';
import { pdfInfo } from '../../src/check/poppler.ts';
import type { RenderContext } from '../../src/render/context.ts';
import { renderWrapCover, wrapCoverPdfX } from '../../src/render/wrap-cover/index.ts';
import { makeCoverBook } from '../wrap-cover/make-book.ts';
import { decodeBarcode } from './decode-barcode.ts';

describe('wrap cover as CMYK PDF/X-1a (real Chromium, Ghostscript, zbarimg)', () => {
  let dir: string;
  const pool = new BrowserPool();
  const ctx: RenderContext = { browser: pool, log: () => {}, signal: new AbortController().signal };
  before(async () => { dir = await mkdtemp(path.join(tmpdir(), 'cover-pdfx-test-')); });
  after(async () => { await pool.close(); await rm(dir, { recursive: true, force: true }); });

  for (const binding of ['paperback', 'hardcover'] as const) {
    test(`${binding}: CMYK only, same size, barcode decodes`, async () => {
      const base = makeCoverBook();
      const book = makeCoverBook({ isbn: '9780306406157', isbnPrinted: '978-0-306-40615-7',
        print: { ...base.config.print, binding, price: { amount: 19.99, currency: 'GBP' } } });
      const rgb = path.join(dir, `${binding}.pdf`);
      const cmyk = path.join(dir, `${binding}-pdfx.pdf`);
      const g = await renderWrapCover(book, 140, rgb, ctx);
      const check = await wrapCoverPdfX(rgb, cmyk, book, 140);
      assert.deepEqual(check.problems, []);
      assert.equal(check.rgbOrIcc, false, 'no RGB or ICC-based colour');
      assert.equal(check.transparency, false);
      assert.equal(check.trimBoxes, 1);
      const [a, b] = await Promise.all([pdfInfo(rgb), pdfInfo(cmyk)]);
      assert.ok(Math.abs(a.pageSize.width - b.pageSize.width) < 0.01 && Math.abs(a.pageSize.height - b.pageSize.height) < 0.01);
      assert.deepEqual(decodeBarcode(cmyk, g.barcode, dir).sort(), ['01999', '9780306406157']);
    });
  }
});

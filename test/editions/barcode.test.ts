// The back cover's barcode, read by a real decoder: the wrap cover PDF rendered at 600 dpi, cut to the
// barcode box, decoded by zbarimg (Debian zbar-tools) into the ISBN and the EAN-5 price add-on.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BrowserPool } from '../../src/browser.ts';
import { isbn13, isbnBarcode, priceAddOn } from '../../src/render/barcode/index.ts';
import type { RenderContext } from '../../src/render/context.ts';
import { renderWrapCover } from '../../src/render/wrap-cover/index.ts';
import { makeCoverBook } from '../wrap-cover/make-book.ts';
import { decodeBarcode } from './decode-barcode.ts';

describe('priceAddOn and isbn13', () => {
  test('no price is 90000; USD 24.95 is 52495; GBP 9.99 is 00999; above 99.99 is x9999', () => {
    assert.equal(priceAddOn(), '90000');
    assert.equal(priceAddOn({ amount: 24.95, currency: 'USD' }), '52495');
    assert.equal(priceAddOn({ amount: 9.99, currency: 'GBP' }), '00999');
    assert.equal(priceAddOn({ amount: 120, currency: 'CAD' }), '69999');
  });
  test('an ISBN-10 becomes its EAN-13', () => {
    assert.equal(isbn13('1-86197-876-8'), '9781861978769');
    assert.throws(() => isbnBarcode('12345'), RangeError);
  });
});

describe('the barcode on the wrap cover (real Chromium, zbarimg)', () => {
  let dir: string;
  const pool = new BrowserPool();
  const ctx: RenderContext = { browser: pool, log: () => {}, signal: new AbortController().signal };
  before(async () => { dir = await mkdtemp(path.join(tmpdir(), 'barcode-test-')); });
  after(async () => { await pool.close(); if (!process.env.KEEP) await rm(dir, { recursive: true, force: true }); });

  test('decodes to the ISBN and its price add-on; the ISBN is printed above it', async () => {
    const base = makeCoverBook();
    const book = makeCoverBook({
      isbn: '9781861978769', isbnPrinted: '978-1-86197-876-9',
      print: { ...base.config.print, price: { amount: 24.95, currency: 'USD' } },
    });
    const file = path.join(dir, 'cover.pdf');
    const g = await renderWrapCover(book, 212, file, ctx);
    const symbols = decodeBarcode(file, g.barcode, dir);
    assert.deepEqual(symbols.sort(), ['52495', '9781861978769']);
    const text = execFileSync('pdftotext', ['-x', String(Math.floor(g.barcode.x * 72)), '-y', String(Math.floor(g.barcode.y * 72)),
      '-W', String(Math.ceil(g.barcode.width * 72)), '-H', String(Math.ceil(g.barcode.height * 72)), file, '-'], { encoding: 'utf8' });
    assert.match(text, /ISBN 978-1-86197-876-9/);
  });

  test('without a price the add-on is 90000', async () => {
    const book = makeCoverBook({ isbn: '9781861978769' });
    const file = path.join(dir, 'cover-noprice.pdf');
    const g = await renderWrapCover(book, 120, file, ctx);
    assert.deepEqual(decodeBarcode(file, g.barcode, dir).sort(), ['90000', '9781861978769']);
  });
});

// Case laminate geometry (the README's worked example) and the KDP hardcover lines of the store report.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { wrapCoverGeometry } from '../../src/render/wrap-cover/index.ts';
import { storeReport } from '../../src/report/index.ts';
import { makeCoverBook } from '../wrap-cover/make-book.ts';

describe('hardcover (case laminate)', () => {
  test('6 × 9 in, 300 white pages: 15.0206 × 10.432 in, boards, hinges and the barcode on the back board', () => {
    const g = wrapCoverGeometry({ trim: { width: 6, height: 9 }, pages: 300, paper: 'white', binding: 'hardcover' });
    assert.deepEqual([g.width, g.height, g.spine, g.bleed, g.hinge], [15.0206, 10.432, 0.8006, 0.591, 0.394]);
    assert.deepEqual(g.board, { width: 6.125, height: 9.25 });
    const near = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} ≠ ${b}`);
    near(g.spineX, 0.591 + 6.125 + 0.394);
    near(g.front.x, g.spineX + g.spine);
    // 0.25 in inside the back board's fore-edge and tail, so clear of the hinge and the wrap.
    near(g.barcode.x + g.barcode.width, 0.591 + 6.125 - 0.25);
    near(g.barcode.y + g.barcode.height, 0.591 + 9.25 - 0.25);
  });

  test('a paperback is unchanged by the binding option', () => {
    const a = wrapCoverGeometry({ trim: { width: 6, height: 9 }, pages: 100, paper: 'white' });
    const b = wrapCoverGeometry({ trim: { width: 6, height: 9 }, pages: 100, paper: 'white', binding: 'paperback' });
    assert.deepEqual(a, b);
    assert.deepEqual([a.width, a.bleed, a.hinge], [12.4752, 0.125, 0]);
  });

  test('the report checks KDP\'s hardcover page range and trims, and asks to compare with IngramSpark\'s template', async () => {
    const base = makeCoverBook();
    const book = makeCoverBook({ isbn: '9780306406157', print: { ...base.config.print, trim: { name: '6x9in', width: 6, height: 9 }, binding: 'hardcover' } });
    const r = await storeReport({ book, pdfPages: 60, stores: 'print' });
    assert.deepEqual(r.stores.map((s) => s.store), ['Amazon KDP (hardcover)', 'IngramSpark']);
    const kdp = r.stores[0]!.checks;
    assert.equal(kdp.find((c) => c.requirement.startsWith('Page count 75–550'))?.status, 'fail');
    assert.equal(kdp.find((c) => c.requirement === 'Trim size offered for KDP hardcover')?.status, 'pass');
    assert.match(kdp.find((c) => c.requirement.startsWith('Case laminate cover'))!.requirement, /wrap 0\.591 \+ board 6\.125 \+ hinge 0\.394/);
    const ingram = r.stores[1]!.checks.find((c) => c.requirement.startsWith('Case wrap'));
    assert.equal(ingram?.status, 'warn');
  });
});

// Four editions from one build of test/editions/fixture (built once, in before()): separate outputs, each
// with its own ISBN; each wrap cover at the size its binding's formula gives for its own page count; the
// large print's body read back at 16 pt; every barcode decoded by zbarimg to its edition's ISBN and price.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { build, type BuildReport } from '../../src/build.ts';
import { pdfInfo } from '../../src/check/poppler.ts';
import { CASE_LAMINATE, wrapCoverGeometry } from '../../src/render/wrap-cover/index.ts';
import { decodeBarcode } from './decode-barcode.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixture');
const SLUG = 'a-book-in-four-editions';

describe('editions: one build of four editions', () => {
  let out: string;
  let work: string;
  let report: BuildReport;
  const file = (name: string) => path.join(out, name);
  before(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'editions-out-'));
    work = await mkdtemp(path.join(tmpdir(), 'editions-work-'));
    report = await build({ manuscript: FIXTURE, outDir: out, formats: ['epub', 'html', 'pdf'], signal: new AbortController().signal, ace: false });
  });
  after(async () => {
    await rm(out, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
  });

  test('every edition has its own outputs, and the report one section per edition and store', async () => {
    for (const e of ['paperback', 'hardcover', 'large-print']) {
      assert.ok(existsSync(file(`${SLUG}-${e}.pdf`)), `${e} PDF`);
      assert.ok(existsSync(file(`${SLUG}-${e}-cover.pdf`)), `${e} wrap cover`);
      assert.ok(existsSync(file(`html-${e}/index.html`)), `${e} HTML`);
    }
    assert.ok(existsSync(file(`${SLUG}-ebook.epub`)));
    assert.ok(!existsSync(file(`${SLUG}.pdf`)) && !existsSync(file(`${SLUG}.epub`)), 'no edition-less outputs');
    assert.deepEqual(report.editions?.map((e) => e.name), ['paperback', 'hardcover', 'large-print', 'ebook']);
    const md = await readFile(file('report.md'), 'utf8');
    assert.match(md, /## hardcover \(hardcover, ISBN 9780306406157\) — Amazon KDP \(hardcover\)/);
    assert.match(md, /## ebook \(ebook, ISBN 9781402894626\) — Apple Books/);
    assert.doesNotMatch(md, /## ebook [^\n]*IngramSpark/, 'an ebook edition has no print-store section');
  });

  test('each PDF and the EPUB carry their own edition\'s ISBN', async () => {
    const isbns: Record<string, string> = { paperback: '9781861978769', hardcover: '9780306406157', 'large-print': '9783161484100' };
    for (const [e, isbn] of Object.entries(isbns)) {
      const text = execFileSync('pdftotext', [file(`${SLUG}-${e}.pdf`), '-'], { encoding: 'utf8' }).replace(/-/g, '');
      assert.ok(text.includes(isbn), `${e} PDF has ISBN ${isbn}`);
      for (const other of Object.values(isbns)) if (other !== isbn) assert.ok(!text.includes(other), `${e} PDF has no other edition's ISBN`);
    }
    const hardcover = execFileSync('pdftotext', [file(`${SLUG}-hardcover.pdf`), '-'], { encoding: 'utf8' });
    assert.match(hardcover, /ISBN 978-0-306-40615-7/, 'the copyright page prints the ISBN as book.yaml writes it');
    const opf = execFileSync('unzip', ['-p', file(`${SLUG}-ebook.epub`), '*.opf'], { encoding: 'utf8' });
    assert.match(opf, /<dc:identifier id="book-id">urn:isbn:9781402894626<\/dc:identifier>/);
  });

  test('each wrap cover is the size its binding\'s formula gives for that edition\'s own page count (pdfinfo)', async () => {
    const editions = {
      paperback: { trim: { width: 5.5, height: 8.5 }, paper: 'cream' as const, binding: 'paperback' as const },
      hardcover: { trim: { width: 6, height: 9 }, paper: 'white' as const, binding: 'hardcover' as const },
      'large-print': { trim: { width: 6, height: 9 }, paper: 'cream' as const, binding: 'paperback' as const },
    };
    for (const [e, spec] of Object.entries(editions)) {
      const pages = (await pdfInfo(file(`${SLUG}-${e}.pdf`))).pages;
      assert.equal(report.editions?.find((x) => x.name === e)?.pages, pages);
      const size = (await pdfInfo(file(`${SLUG}-${e}-cover.pdf`))).pageSize;
      const thickness = spec.paper === 'white' ? 0.002252 : 0.0025;
      const c = CASE_LAMINATE;
      // Written out from the printers' figures (README "Editions"), not taken from the code under test.
      const want = spec.binding === 'hardcover'
        ? { width: 2 * (c.wrap + spec.trim.width + c.overhang + c.hinge) + pages * thickness + c.spineAllowance, height: spec.trim.height + 2 * c.overhang + 2 * c.wrap }
        : { width: 2 * (spec.trim.width + 0.125) + pages * thickness, height: spec.trim.height + 0.25 };
      assert.ok(Math.abs(size.width / 72 - want.width) < 0.002, `${e}: width ${size.width / 72} in, want ${want.width}`);
      assert.ok(Math.abs(size.height / 72 - want.height) < 0.002, `${e}: height ${size.height / 72} in, want ${want.height}`);
    }
    assert.deepEqual([CASE_LAMINATE.wrap, CASE_LAMINATE.hinge], [0.591, 0.394]);
  });

  test('large print: its own page count, and body text at 16 pt (word heights from pdftotext -bbox)', async () => {
    // A word's box is the face's ascent + descent: the paperback's body is the base 10.5 pt (styles/print/book.css).
    const modalHeight = (pdf: string) => {
      const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
      const counts = new Map<string, number>();
      for (const m of xml.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)) {
        const h = (Number(m[2]) - Number(m[1])).toFixed(2);
        counts.set(h, (counts.get(h) ?? 0) + 1);
      }
      return Number([...counts].sort((a, b) => b[1] - a[1])[0]![0]);
    };
    const large = modalHeight(file(`${SLUG}-large-print.pdf`));
    const regular = modalHeight(file(`${SLUG}-hardcover.pdf`));
    const pt = (large / regular) * 10.5;
    assert.ok(Math.abs(pt - 16) < 0.1, `large-print body at ${pt.toFixed(2)} pt`);
    const pages = (e: string) => report.editions!.find((x) => x.name === e)!.pages!;
    assert.ok(pages('large-print') > pages('hardcover'), `large print ${pages('large-print')} pages, hardcover ${pages('hardcover')} (same trim)`);
  });

  test('every wrap cover\'s barcode decodes to its edition\'s ISBN and price add-on (zbarimg)', async () => {
    const want: Record<string, string[]> = {
      paperback: ['51499', '9781861978769'],
      hardcover: ['52495', '9780306406157'],
      'large-print': ['90000', '9783161484100'],
    };
    for (const [e, codes] of Object.entries(want)) {
      const pages = report.editions!.find((x) => x.name === e)!.pages!;
      const spec = e === 'paperback' ? { trim: { width: 5.5, height: 8.5 }, paper: 'cream' as const } : { trim: { width: 6, height: 9 }, paper: e === 'hardcover' ? 'white' as const : 'cream' as const };
      const g = wrapCoverGeometry({ ...spec, pages, binding: e === 'hardcover' ? 'hardcover' : 'paperback' });
      assert.deepEqual(decodeBarcode(file(`${SLUG}-${e}-cover.pdf`), g.barcode, work).sort(), codes, e);
    }
  });
});

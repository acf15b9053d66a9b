// book.yaml `print: {bleed: true, crop-marks: true}`: every page is the trim plus 0.125 in on each side, the
// PDF (and its PDF/X-1a copy) says where to cut (TrimBox) and how far the bleed goes (BleedBox), and crop marks
// are drawn in the corners.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { build } from '../../src/build.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

function poppler(tool: string, args: string[]): Buffer {
  try {
    return execFileSync(tool, args);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${tool} is missing: apt-get install poppler-utils`);
    throw err;
  }
}

/** A binary PGM (P5) from pdftoppm -gray: width, height and one byte per pixel. */
function pgm(data: Buffer): { width: number; height: number; at: (x: number, y: number) => number } {
  const header = data.subarray(0, 64).toString('latin1').match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  assert.ok(header, 'pdftoppm did not write a PGM');
  const [all, w, h] = header;
  const offset = all.length;
  return { width: Number(w), height: Number(h), at: (x, y) => data[offset + y * Number(w) + x]! };
}

test('bleed and crop marks: sheet size, TrimBox, BleedBox and marks in every corner', async () => {
  const work = await mkdtemp(join(tmpdir(), 'bleed-'));
  try {
    const manuscript = join(work, 'manuscript');
    await cp(join(ROOT, 'test', 'fixtures', 'small-book'), manuscript, { recursive: true });
    await appendFile(join(manuscript, 'book.yaml'), 'print:\n  bleed: true\n  crop-marks: true\n');
    const out = join(work, 'build');
    await build({ manuscript, outDir: out, formats: ['pdf'], pdfx: true, signal: new AbortController().signal });
    const pdf = join(out, 'a-small-book.pdf');
    const boxes = poppler('pdfinfo', ['-box', '-f', '1', '-l', '999', pdf]).toString();
    const media = [...boxes.matchAll(/Page\s+\d+ MediaBox:\s+([\d. ]+)/g)].map((m) => m[1]!.trim().split(/\s+/).map(Number));
    const trim = [...boxes.matchAll(/Page\s+\d+ TrimBox:\s+([\d. ]+)/g)].map((m) => m[1]!.trim().split(/\s+/).map(Number));
    const bleed = [...boxes.matchAll(/Page\s+\d+ BleedBox:\s+([\d. ]+)/g)].map((m) => m[1]!.trim().split(/\s+/).map(Number));
    assert.ok(media.length > 0, boxes);
    for (const [i, box] of media.entries()) {
      assert.deepEqual(box, [0, 0, 414, 630], `page ${i + 1}: 5.5 × 8.5 in plus 0.125 in on every side`);
      assert.deepEqual(trim[i], [9, 9, 405, 621], `page ${i + 1}: TrimBox 9 pt inside`);
      assert.deepEqual(bleed[i], [0, 0, 414, 630], `page ${i + 1}: BleedBox = the sheet`);
    }
    // The PDF/X-1a interior for IngramSpark keeps the same trim inside the bleed.
    const pdfx = poppler('pdfinfo', ['-box', join(out, 'a-small-book-pdfx.pdf')]).toString();
    assert.match(pdfx, /TrimBox:\s+9\.00\s+9\.00\s+405\.00\s+621\.00/);
    assert.match(pdfx, /PDF subtype:\s+PDF\/X-1/);
    // The title page (3): crop marks are dark pixels in each corner's bleed area, the page around the text is white.
    const image = pgm(poppler('pdftoppm', ['-gray', '-r', '72', '-f', '3', '-l', '3', pdf]));
    const dark = (x0: number, y0: number) => {
      for (let y = y0; y < y0 + 9; y++) for (let x = x0; x < x0 + 9; x++) if (image.at(x, y) < 128) return true;
      return false;
    };
    const { width: w, height: h } = image;
    for (const [x, y, corner] of [[0, 0, 'top left'], [w - 9, 0, 'top right'], [0, h - 9, 'bottom left'], [w - 9, h - 9, 'bottom right']] as const) {
      assert.ok(dark(x, y), `no crop mark in the ${corner} corner`);
    }
    assert.ok(!dark(Math.round(w / 2), 0), 'the middle of the top bleed is empty');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});

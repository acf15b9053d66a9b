// checkPdf reads PDFs back with real poppler: a wrong page size, an unembedded font and a missing
// structure tree are each reported with their rule id.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { checkPdf } from '../../src/check/pdf.ts';
import { makeBook } from './make-book.ts';

test('checkPdf reports page size, unembedded fonts and a missing tag tree', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'bp-checkpdf-'));
  try {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica); // a base-14 font: referenced, never embedded
    doc.addPage([396, 612]).drawText('right size', { font, x: 50, y: 500 });
    doc.addPage([432, 648]).drawText('6 x 9 page', { font, x: 50, y: 500 });
    const file = path.join(dir, 'bad.pdf');
    await writeFile(file, await doc.save());
    const found = await checkPdf(makeBook({ chapters: 1, paragraphs: 1, noteEvery: 0 }), file);
    const rules = found.map((d) => d.rule).sort();
    assert.deepEqual(rules, ['pdf-font-not-embedded', 'pdf-not-tagged', 'pdf-page-size']);
    assert.match(found.find((d) => d.rule === 'pdf-page-size')!.message, /page 2 is 432 x 648 pt.*396 x 612/);
    assert.match(found.find((d) => d.rule === 'pdf-font-not-embedded')!.message, /Helvetica/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

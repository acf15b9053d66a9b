// The measuring paginator's read-back of its print (src/render/pdf/paginator/print-check.ts), on page boxes
// printed by real Chromium: three boxes with their own head and folio (the paginator's CSS), printed as they
// are, read back clean; the same with the first box's text 2 px taller than its text block, which Chromium
// carries onto the second sheet (the fault seen in Frankenstein in classic: that sheet then takes the first
// box's furniture), found and named by sheet. Real Chromium, real poppler.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { loadBook } from '../../../src/book/load.ts';
import { BrowserPool } from '../../../src/browser.ts';
import { pageCss } from '../../../src/render/html/page-css.ts';
import { pageGeometry } from '../../../src/render/html/page-geometry.ts';
import { furniture, PAGE_BOX_CSS } from '../../../src/render/pdf/paginator/furniture.ts';
import { checkPrintedFurniture } from '../../../src/render/pdf/paginator/print-check.ts';

const pool = new BrowserPool();
after(() => pool.close());
const dir = await mkdtemp(path.join(tmpdir(), 'bp-print-check-'));
after(() => rm(dir, { recursive: true, force: true }));
const { book } = await loadBook(path.join(import.meta.dirname, '..', '..', 'fixtures', 'small-book'));

const PAGES = 3;
const f = furniture(
  Array.from({ length: PAGES }, (_, i) => ({ flow: 0, opening: i === 0, blank: false, section: '' })),
  [{ page: 'chapter', title: 'The Chapter', firstChapter: true }],
  'The Book',
);

async function print(name: string, firstBoxExtra: number): Promise<string> {
  const line = 'A line of text that fills the measure of the text block, as a page of a book does. ';
  const boxes = Array.from({ length: PAGES }, (_, i) => {
    const text = `<p>Page box ${i + 1} begins.</p><p>${line.repeat(5)}</p>`;
    // The first box's text block filled to its foot and `firstBoxExtra` px beyond.
    const filler = i === 0 ? `<div style="height: calc(var(--text-height) - 40px + ${firstBoxExtra}px)"></div><p style="margin:0;line-height:20px">The last line.</p>` : text;
    return `<div class="pagedjs_page bp-page" style="page: bp-${i}"><div class="pagedjs_area"><div class="pagedjs_page_content"><section class="chapter" style="display:flow-root">${i === 0 ? `<p style="margin:0;height:20px">Page box 1 begins.</p>${filler}` : filler}</section></div></div></div>`;
  }).join('');
  const html = `<!DOCTYPE html><html><head><style>${pageCss(pageGeometry(book.config.print, PAGES), 'serif')}
body { margin: 0; width: var(--text-width); font: 11pt/20px serif; }
@page { @top-center { content: none; } @bottom-center { content: none; } }
${PAGE_BOX_CSS}
${f.css}</style></head><body><div class="pagedjs_pages">${boxes}</div></body></html>`;
  const file = path.join(dir, `${name}.html`);
  await writeFile(file, html);
  const browser = await pool.get();
  const page = await browser.newPage();
  try {
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    const pdf = path.join(dir, `${name}.pdf`);
    await writeFile(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    return pdf;
  } finally {
    await page.close();
  }
}

test('paginator chromium print check: page boxes printed as laid out read back with their own heads and folios', { timeout: 300_000 }, async () => {
  assert.deepEqual(f.folios, ['1', '2', '3']);
  assert.deepEqual(f.heads, [undefined, 'The Book', 'The Chapter']);
  const pdf = await print('fits', 0);
  assert.deepEqual(await checkPrintedFurniture(book, pdf, f), []);
});

test('paginator chromium print check: a page box whose text runs 2 px below its foot is found on the next sheet', { timeout: 300_000 }, async () => {
  const pdf = await print('spills', 2);
  const problems = await checkPrintedFurniture(book, pdf, f);
  assert.ok(problems.some((p) => /^sheet 2 prints the folio '1' where its page box has '2'/.test(p)), problems.join('\n'));
  assert.ok(problems.some((p) => /^sheet 2 prints the running head none where its page box has 'The Book'/.test(p)), problems.join('\n'));
});

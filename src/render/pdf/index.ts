// The print PDF: lay out the paginated HTML in the build's one Chromium, make the gutter match the real
// page count (laying out again when the estimate was off), print at the CSS page size with bookmarks and
// tags, then fix the metadata and make the bytes reproducible.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Book } from '../../book/model.ts';
import type { RenderContext } from '../context.ts';
import { GEOMETRY_STYLE_ID, pageCss } from '../html/page-css.ts';
import { kdpGutter, pageGeometry } from '../html/page-geometry.ts';
import { layout } from './layout.ts';
import { finishPdf } from './metadata.ts';

export interface PdfTimings {
  launchMs: number;
  layoutMs: number[];
  printMs: number;
  finishMs: number;
}

/** Timings of the last renderPdf call in this process (for the benchmark and the report). */
export let lastPdfTimings: PdfTimings | undefined;

const MAX_LAYOUTS = 4;

/**
 * Paged.js gives each footnote a random id (`note-<uuid>`), which Chromium writes into the PDF as a named
 * destination: replace it with one made from the note's number so two prints give the same bytes.
 */
const STABLE_NOTE_IDS = `for (const el of document.querySelectorAll('.footnote[data-number][id^="note-"]')) {
  const old = el.id;
  const id = 'note-' + el.dataset.number;
  el.id = id;
  for (const a of document.querySelectorAll('a[href="#' + old + '"]')) a.setAttribute('href', '#' + id);
}`;

export async function renderPdf(book: Book, htmlDir: string, outFile: string, ctx: RenderContext): Promise<{ pages: number }> {
  const indexFile = path.join(htmlDir, 'index.html');
  const html = await readFile(indexFile, 'utf8');
  // Time-out scaled with the book: 60 s plus 1 s for every 4,000 characters of HTML.
  const timeoutMs = 60_000 + Math.ceil(html.length / 4000) * 1000;
  const t0 = performance.now();
  const browser = await ctx.browser.get();
  const launchMs = performance.now() - t0;
  const page = await browser.newPage();
  const timings: PdfTimings = { launchMs, layoutMs: [], printMs: 0, finishMs: 0 };
  try {
    let result = await layout(page, indexFile, timeoutMs, ctx.signal);
    timings.layoutMs.push(result.ms);
    let usedGutter = gutterInHtml(html);
    for (let n = 1; kdpGutter(result.pages) !== usedGutter; n++) {
      if (n >= MAX_LAYOUTS) throw new Error(`the gutter did not settle after ${n} layouts (${result.pages} pages)`);
      ctx.log(`print: ${result.pages} pages need a ${kdpGutter(result.pages)} in gutter (laid out with ${usedGutter} in); laying out again`);
      await setGutterPages(indexFile, book, result.pages);
      usedGutter = kdpGutter(result.pages);
      result = await layout(page, indexFile, timeoutMs, ctx.signal);
      timings.layoutMs.push(result.ms);
    }
    await page.evaluate(STABLE_NOTE_IDS);
    ctx.log(`print: laid out ${result.pages} pages in ${Math.round(timings.layoutMs.reduce((a, b) => a + b, 0))} ms`);
    const t1 = performance.now();
    const raw = await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      outline: true,
      tagged: true,
      timeout: timeoutMs,
    });
    timings.printMs = performance.now() - t1;
    const t2 = performance.now();
    const { bytes, pages } = await finishPdf(raw, book);
    await writeFile(outFile, bytes);
    timings.finishMs = performance.now() - t2;
    if (pages !== result.pages) throw new Error(`Paged.js laid out ${result.pages} pages but Chromium printed ${pages}`);
    lastPdfTimings = timings;
    return { pages };
  } finally {
    await page.close().catch(() => {});
  }
}

function gutterInHtml(html: string): number {
  const m = /gutter ([\d.]+)in for (\d+) pages/.exec(html);
  if (!m) throw new Error('index.html has no page geometry: was it written by renderHtml?');
  return Number(m[1]);
}

/** Rewrites the page geometry in index.html for a page count, so the HTML and the PDF stay the same layout. */
async function setGutterPages(indexFile: string, book: Book, pages: number): Promise<void> {
  const html = await readFile(indexFile, 'utf8');
  const family = /--body-font: '([^']+)'/.exec(html)?.[1] ?? 'serif';
  const css = pageCss(pageGeometry(book.config.print, pages), family);
  const re = new RegExp(`(<style id="${GEOMETRY_STYLE_ID}">)[\\s\\S]*?(</style>)`);
  await writeFile(indexFile, html.replace(re, (_, open: string, close: string) => `${open}\n${css}\n${close}`));
}

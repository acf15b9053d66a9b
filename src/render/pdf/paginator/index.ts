// The measuring paginator (book.yaml `print.paginator: chromium`; issue 19). The whole book is laid out once
// in one tab of the build's Chromium as a column as wide as the text block (no Paged.js); its line boxes and
// unsplittable boxes are measured (measure.ts), the page breaks chosen from those numbers alone
// (choose-breaks.ts), the column cut into page boxes at the breaks (build-pages.ts), running heads and folios
// given to Chromium's own @page margin boxes (furniture.ts), the text guard run, and the book printed with
// one page.pdf(). The gutter follows the page count as in the Paged.js path. Two checks keep a misprint from
// being silent: before printing, each page box's content must end within its text block (a line box below the
// page's foot is carried onto the next sheet by Chromium and drawn over that page: such a page gets less room
// on one more layout); after printing, each sheet's running head and folio are read back (print-check.ts).
// Designs: their margin boxes' styles apply natively; their section running heads, section numbers, drop caps
// and hyphen ladders are taken care of here. Page references carry the folios the last layout found, laid out
// again until they settle; the index is set again with the folios found (index-folios.ts), its entries cut for
// two columns and set in Chromium's own. Not yet: bleed, right-to-left text (unsupported.ts stops the build).
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Book } from '../../../book/model.ts';
import type { PrintLayout, PrintPage } from '../../../book/print-pages.ts';
import type { RenderContext } from '../../context.ts';
import { kdpGutter } from '../../html/page-geometry.ts';
import { finishPdf } from '../metadata.ts';
import { hasPageRefs, pageRefsSettled, writePageRefFolios } from '../page-refs.ts';
import { pageStarts } from '../page-starts.ts';
import { captureSourceText, findLostText, TextLossError } from '../text-guard.ts';
import { buildPages } from './build-pages.ts';
import { chooseBreaks, UnbreakableError } from './choose-breaks.ts';
import { furniture, PAGE_BOX_CSS } from './furniture.ts';
import { writeIndexFolios } from './index-folios.ts';
import { cutsWord, measureColumn } from './measure.ts';
import { checkPrintedFurniture } from './print-check.ts';
import { checkSupported, PaginatorLimit } from './unsupported.ts';

export interface ChromiumPdfTimings {
  launchMs: number;
  /** Per pass: load, measure, choose the breaks, build the pages. */
  layoutMs: number[];
  printMs: number;
  guardMs: number;
  finishMs: number;
  totalMs: number;
  /**
   * Main-thread time of the tab's renderer per step of the last pass (Chromium's own TaskDuration from
   * page.metrics(), in ms: CPU-like, unlike wall time on a shared machine): load, measure, build, guard, print.
   */
  steps: Record<string, number>;
}

const MAX_PASSES = 4;
/** Rounds of choosing the breaks again without cutting a word at a leaf's turn (4 left one cut in the bench's 150k-word book). */
const CUT_WORD_ROUNDS = 12;
const HYPHEN_LADDERS = fileURLToPath(new URL('../../design/hyphen-ladders.js', import.meta.url));

/** Runs in the tab: the hyphen-ladders handler, given a stand-in for Paged.js, run over the book's body. */
async function hyphenLadders(source: string): Promise<void> {
  let Handler: (new () => { beforeParsed: (content: DocumentFragment) => Promise<void> }) | undefined;
  (window as unknown as { Paged: unknown }).Paged = { Handler: class {}, registerHandlers: (h: typeof Handler) => (Handler = h) };
  (0, eval)(source);
  if (!Handler) throw new Error('hyphen-ladders.js registered no handler');
  const content = document.createDocumentFragment();
  content.append(...document.body.childNodes);
  try {
    await new Handler().beforeParsed(content);
  } finally {
    document.body.append(content);
  }
}
const DOC = '_chromium-print.html';

/** Runs in the tab: how far (CSS px) each page box's content runs below its text area (or its notes below the page). */
function pageOverflows(): number[] {
  return [...document.querySelectorAll('.bp-page')].map((page) => {
    const inner = page.querySelector('.pagedjs_page_content')!;
    const foot = inner.getBoundingClientRect().bottom;
    let over = 0;
    for (const child of inner.children) over = Math.max(over, child.getBoundingClientRect().bottom - foot);
    // Index columns: what does not fit in two is set in a third, to the right of the text block.
    for (const cols of page.querySelectorAll('.bp-two-columns')) {
      const right = cols.getBoundingClientRect().right;
      const beyond = [...cols.querySelectorAll('li, h2')].map((e) => e.getBoundingClientRect()).filter((r) => r.left >= right - 1 && r.height > 0);
      if (beyond.length > 0) over = Math.max(over, Math.max(...beyond.map((r) => r.bottom)) - Math.min(...beyond.map((r) => r.top)));
    }
    const notes = page.querySelector('.pagedjs_footnote_area');
    if (notes) over = Math.max(over, notes.getBoundingClientRect().bottom - page.getBoundingClientRect().bottom);
    return over;
  });
}

export async function renderPdfChromium(
  book: Book,
  htmlDir: string,
  outFile: string,
  ctx: RenderContext,
  gutter: { inHtml: (html: string) => number; set: (indexFile: string, book: Book, pages: number) => Promise<void> },
): Promise<{ pages: number; layout: PrintLayout; timings: ChromiumPdfTimings }> {
  const started = performance.now();
  const indexFile = path.join(htmlDir, 'index.html');
  checkSupported(book);
  const browser = await ctx.browser.get();
  const timings: ChromiumPdfTimings = { launchMs: performance.now() - started, layoutMs: [], printMs: 0, guardMs: 0, finishMs: 0, totalMs: 0, steps: {} };
  const context = await browser.createBrowserContext();
  const docFile = path.join(htmlDir, DOC);
  const printFile = path.join(htmlDir, '_chromium-print.pdf');
  // Pages found too full once built: the room their first atom gets on the next layout (choose-breaks.ts).
  let limits = new Map<number, number>();
  // Page references: the folios found by the last layout, written into the next until they settle (page-refs.ts).
  let refFolios: Map<string, number> | undefined;
  // The index: its locators the folios found by the last layout (index-folios.ts).
  let indexFolios: Map<string, number> | undefined;
  // Each reason to lay out again is bounded on its own.
  const again = { refs: 0, index: 0, gutter: 0, overflow: 0 };
  // The hyphen-ladders script, read once for every pass.
  const ladders = book.config.design ? await readFile(HYPHEN_LADDERS, 'utf8') : undefined;
  try {
    for (let pass = 1; ; pass++) {
      ctx.signal.throwIfAborted();
      const t0 = performance.now();
      const written = await readFile(indexFile, 'utf8');
      const { html, index: indexWritten } = writeIndexFolios(hasPageRefs(written) ? writePageRefFolios(written, refFolios) : written, book, indexFolios);
      const used = gutter.inHtml(html);
      // The same document without Paged.js and its handlers; the page boxes' rules after the book's CSS.
      await writeFile(docFile, html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace('</head>', `<style id="bp-page-boxes">${PAGE_BOX_CSS}</style></head>`));
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(String((err as Error)?.message ?? err)));
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      let mark = 0;
      const step = async (name: string) => {
        const task = ((await page.metrics()).TaskDuration ?? 0) * 1000;
        if (name) timings.steps[name] = Math.round(task - mark);
        mark = task;
      };
      try {
        await step('');
        await page.evaluateOnNewDocument(captureSourceText);
        await page.emulateMediaType('print');
        await page.goto(pathToFileURL(docFile).href, { waitUntil: 'load', timeout: 120_000 });
        await page.evaluate(async () => {
          await document.fonts.ready;
          // Every face the book declares, used in its text or not: the running heads and folios are Chromium's
          // own margin boxes, which no layout before the print asks for, so a face only they use (the heads'
          // italic in a book with no italic text) would still be loading when printed, and with
          // `font-display: block` Chromium prints nothing for it: pages without their heads.
          await Promise.all([...document.fonts].map((face) => face.load().catch(() => undefined)));
          // The text guard's record of the text as written (text-guard.ts hooks Paged.js's start; none here).
          await (window as unknown as { PagedConfig: { before: () => Promise<void> } }).PagedConfig.before();
          // Room for the contents numbers before they are known (three figures).
          for (const a of document.querySelectorAll('.contents a[href^="#"]')) a.setAttribute('data-folio', '888');
        });
        // A design's books: no more than two hyphenated lines in a row, by the same browser script the
        // Paged.js path runs as a handler (src/render/design/hyphen-ladders.js), on the same text-wide layout.
        if (ladders) await page.evaluate(hyphenLadders, ladders);
        await step('load');
        const { atoms, textHeight, notes } = await page.evaluate(measureColumn);
        await step('measure');
        const choose = () => {
          try {
            return chooseBreaks(atoms, textHeight, notes, limits);
          } catch (err) {
            if (err instanceof UnbreakableError) throw new PaginatorLimit(`paginator: chromium: in section ${atoms[err.atom]!.flow + 1} of the book, ${err.message}; use \`print: { paginator: pagedjs }\``);
            throw err;
          }
        };
        let plan = choose();
        // A word cut at the foot of a right-hand page is read on only after the leaf is turned: a break that
        // would cut one is avoided (taken only where a page has no other) and the breaks chosen again; the
        // spread then runs a line short. Only the breaks chosen are looked at, so in rounds: each marks the cuts
        // it finds, and the pages after them move. (The bench's 150k-word book: 635 → 643 pages, no cut left.)
        for (let round = 0; round < CUT_WORD_ROUNDS; round++) {
          const ends = plan.flatMap((p, k) => (p.kind === 'content' && k % 2 === 0 && p.end < atoms.length && atoms[p.end]!.brk === 'allow' && atoms[p.end]!.flow === atoms[p.end - 1]!.flow ? [p.end] : []));
          const cut = ends.length > 0 ? await page.evaluate(cutsWord, ends) : [];
          const cuts = ends.filter((_, k) => cut[k]);
          if (cuts.length === 0) break;
          for (const i of cuts) atoms[i]!.brk = 'avoid';
          plan = choose();
        }
        const pageNotes = plan.map((p) => (p.kind === 'blank' ? [] : atoms.slice(p.start, p.end).flatMap((a) => a.notes ?? [])));
        const built = await page.evaluate(buildPages, plan.map((p) => (p.kind === 'blank' ? null : p.start)), atoms.map((a) => a.flow), pageNotes);
        const total = built.pages.length;
        // The index's entries, cut for two columns (measure.ts, choose-breaks.ts), in Chromium's own columns
        // down to the page's foot.
        await page.evaluate(() => {
          for (const cols of document.querySelectorAll<HTMLElement>('.bp-page .bp-two-columns')) {
            cols.style.width = '';
            cols.style.columnCount = '';
            const foot = cols.closest('.pagedjs_page_content')!.getBoundingClientRect().bottom;
            cols.style.height = `${foot - cols.getBoundingClientRect().top}px`;
          }
        });
        await step('build');
        timings.layoutMs.push(performance.now() - t0);
        if (errors.length > 0) throw new Error(`paginator: chromium: the page reported ${errors[0]}`);
        if (kdpGutter(total) !== used) {
          if (++again.gutter >= MAX_PASSES) throw new PaginatorLimit(`the gutter did not settle after ${pass} layouts (${total} pages)`);
          ctx.log(`print: ${total} pages need a ${kdpGutter(total)} in gutter (laid out with ${used} in); laying out again`);
          await gutter.set(indexFile, book, total);
          limits = new Map();
          continue;
        }
        const f = furniture(built.pages, built.flows, book.config.title, String(book.config.design?.settings['running-heads'] ?? 'book-and-chapter'));
        const anchors = await page.evaluate((css: string, labels: string[]) => {
          const style = document.createElement('style');
          style.textContent = css;
          document.head.appendChild(style);
          const sheets = [...document.querySelectorAll('.pagedjs_page')];
          const pageOf = (el: Element | null) => (el ? sheets.indexOf(el.closest('.pagedjs_page')!) : -1);
          for (const a of document.querySelectorAll('.contents a[href^="#"]')) {
            const at = pageOf(document.getElementById(decodeURIComponent(a.getAttribute('href')!.slice(1))));
            if (at >= 0) a.setAttribute('data-folio', labels[at]!);
            else a.removeAttribute('data-folio');
          }
          return [...document.querySelectorAll('.pagedjs_page_content [id]')].map((el) => [el.id, pageOf(el)] as [string, number]);
        }, f.css, f.labels);
        // The folio of every id, as laid out: a page reference written with another number changes the text,
        // so the book is laid out again with these numbers written in.
        const folios = new Map<string, number>();
        for (const [id, at] of anchors) if (f.arabicFrom >= 0 && at >= f.arabicFrom && !folios.has(id)) folios.set(id, at - f.arabicFrom + 1);
        if (!pageRefsSettled([html], refFolios, folios)) {
          if (++again.refs >= MAX_PASSES) throw new PaginatorLimit(`paginator: chromium: the page references did not settle after ${pass} layouts`);
          ctx.log('print: laying out again with the page references\' folios written in');
          refFolios = folios;
          // Pages found too full keep their shorter room: clearing it would let the same page overflow again
          // and move the folios back (the index book in contemporary went round so until it gave up).
          continue;
        }
        if (indexWritten !== undefined && writeIndexFolios(html, book, folios).index !== indexWritten) {
          if (++again.index >= MAX_PASSES) throw new PaginatorLimit(`paginator: chromium: the index's page numbers did not settle after ${pass} layouts`);
          ctx.log('print: laying out again with the index\'s page numbers written in');
          indexFolios = folios;
          continue;
        }
        // Each page box's content within its text block, as built: what runs below it (a line box a pixel
        // lower than measured, a border at its foot) would be printed on the next sheet, over that page.
        const over = (await page.evaluate(pageOverflows)).flatMap((px, p) => (px > 0.01 ? [[p, px] as const] : []));
        if (over.length > 0) {
          const where = over.map(([p, px]) => `page ${p + 1} by ${px.toFixed(2)} px`).join(', ');
          if (++again.overflow >= MAX_PASSES) throw new PaginatorLimit(`paginator: chromium: after ${pass} layouts the text still runs below the text block (${where}); use \`print: { paginator: pagedjs }\``);
          ctx.log(`print: the text runs below the text block (${where}); laying out again with less room on ${over.length === 1 ? 'that page' : 'those pages'}`);
          for (const [p, px] of over) {
            const start = (plan[p] as { start: number }).start;
            limits.set(start, (limits.get(start) ?? textHeight) - px - 0.01);
          }
          continue;
        }
        const g = performance.now();
        await step('furniture');
        const lost = await page.evaluate(findLostText, 5);
        await step('guard');
        timings.guardMs = performance.now() - g;
        if (lost === null) throw new Error('paginator: chromium: the text was not captured before layout');
        if (lost.length > 0) throw new TextLossError(indexFile, lost, 'the book (paginator: chromium)');
        const starts = await page.evaluate(pageStarts);
        const p0 = performance.now();
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout: 600_000 });
        timings.printMs = performance.now() - p0;
        await step('print');
        const t2 = performance.now();
        // Chromium's print read back (poppler, other processes) while pdf-lib finishes it here: the sheets,
        // their heads and folios are the same in both. The tab is closed first: nothing more is read from it,
        // and its renderer (the whole book laid out) would otherwise hold its memory through the finish.
        const misprints = writeFile(printFile, pdf).then(() => checkPrintedFurniture(book, printFile, f));
        misprints.catch(() => {}); // awaited below; not an unhandled rejection while pdf-lib works
        await page.close().catch(() => {});
        // Poppler is done before anything else happens, the finish failing or not (no process left reading).
        const { bytes, pages } = await finishPdf(pdf, book, 'chromium').finally(() => misprints.catch(() => {}));
        const misprinted = await misprints;
        await rm(printFile, { force: true });
        if (pages !== total) throw new PaginatorLimit(`paginator: chromium laid out ${total} pages but Chromium printed ${pages}: a page box did not fit its page`);
        if (misprinted.length > 0) {
          throw new PaginatorLimit(`paginator: chromium: the print does not match its page boxes (a page printed over two sheets?): ${misprinted.slice(0, 3).join('; ')}${misprinted.length > 3 ? ` (and ${misprinted.length - 3} more)` : ''}; use \`print: { paginator: pagedjs }\``);
        }
        await writeFile(outFile, bytes);
        timings.finishMs = performance.now() - t2;
        const printPages: PrintPage[] = starts.map(({ page: at, key, offset, entry, words, note, opens }) => ({ label: f.labels[at]!, physical: at + 1, chapterId: key, offset, entry, words, note, opens }));
        timings.totalMs = performance.now() - started;
        ctx.log(`print: laid out ${total} pages in one document (paginator: chromium) in ${Math.round(timings.layoutMs.reduce((a, b) => a + b, 0))} ms`);
        return { pages, layout: { pages: printPages, folios }, timings };
      } finally {
        await page.close().catch(() => {});
      }
    }
  } finally {
    await context.close().catch(() => {});
    await rm(docFile, { force: true });
    await rm(printFile, { force: true });
  }
}

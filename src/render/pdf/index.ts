// The print PDF. The book is laid out part by part (front matter, each chapter, the bibliography; every part
// opens on a right-hand page), several parts at once in tabs of the build's one Chromium: Paged.js's cost per
// page grows with the size of the document it lays out, so small documents keep the whole book linear.
// The chapters go first; their page counts give the folios (printed in each tab before its PDF is made) and
// the contents numbers, so the front matter is laid out last with the true numbers written in. The gutter
// follows the real page count (everything is laid out again when the estimate fell in another KDP band).
// The parts' PDFs are joined with their tags, bookmarks and links, then the metadata is fixed and the bytes
// made reproducible.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { kindFacts } from '../../book/kinds.ts';
import type { Book } from '../../book/model.ts';
import type { RenderContext } from '../context.ts';
import { GEOMETRY_STYLE_ID, pageCss } from '../html/page-css.ts';
import { INDEX_ID } from '../html/index-section.ts';
import { kdpGutter, pageGeometry } from '../html/page-geometry.ts';
import { addContentsLinks, numberFrontEntries, readContentsLinks, type ContentsLink } from './contents-links.ts';
import { finishPdf } from './metadata.ts';
import { mergeParts } from './merge.ts';
import { addNoteLinks, readNoteLinks, type NoteLinks } from './note-links.ts';
import { splitBook, writeFrontMatter, writeParts, type Part } from './parts.ts';
import { evenUp, openTabs, printParts } from './print-parts.ts';
import { TextLossError } from './text-guard.ts';
import { layOutIndex } from './index-part.ts';
import { hasPageRefs, pageRefsSettled, writePageRefFolios } from './page-refs.ts';
import { lowerRoman, type PrintLayout, type PrintPage } from '../../book/print-pages.ts';
import { renderPdfChromium } from './paginator/index.ts';
import { choosePaginator, PaginatorLimit } from './paginator/unsupported.ts';

export interface PdfTimings {
  launchMs: number;
  /** Wall time of each layout pass until its last part was laid out (more than one when the gutter changed). */
  layoutMs: number[];
  /** Time in Chromium's print (page.pdf), summed over the parts and tabs of the last pass; overlaps layout. */
  printMs: number;
  /** The text guard (every character of each part printed), summed over the parts and tabs of the last pass. */
  guardMs: number;
  /** Joining the parts, metadata, writing the file. */
  finishMs: number;
  /** Parts laid out separately, and tabs (renderer processes) used at once. */
  parts: number;
  tabs: number;
  /** renderPdf from call to return. */
  totalMs: number;
}

/** Timings of the last renderPdf call in this process (for the benchmark and the report). */
export let lastPdfTimings: PdfTimings | undefined;

const MAX_PASSES = 4;

/** `layout`: where each page begins in the chapters' text, and every id's folio, for the EPUB of the same build. */
export async function renderPdf(book: Book, htmlDir: string, outFile: string, ctx: RenderContext): Promise<{ pages: number; layout: PrintLayout }> {
  const started = performance.now();
  const chosen = choosePaginator(book);
  if (chosen.reason) ctx.log(`print: laid out by Paged.js: the measuring paginator does not yet support ${chosen.reason}`);
  if (chosen.paginator === 'chromium') {
    // The measuring paginator (issue 19): one document, laid out once, no Paged.js.
    try {
      const r = await renderPdfChromium(book, htmlDir, outFile, ctx, { inHtml: gutterInHtml, set: setGutterPages });
      lastPdfTimings = { ...r.timings, parts: 1, tabs: 1 };
      return { pages: r.pages, layout: r.layout };
    } catch (err) {
      const fallBack = !book.config.print.paginator && (err instanceof PaginatorLimit || err instanceof TextLossError);
      if (!fallBack) throw err;
      ctx.log(`print: laid out by Paged.js: the measuring paginator could not set this book (${(err as Error).message.replace(/; use `print: \{ paginator: pagedjs \}`$/, '')})`);
    }
  }
  const indexFile = path.join(htmlDir, 'index.html');
  let html = await readFile(indexFile, 'utf8');
  const browser = await ctx.browser.get();
  const timings: PdfTimings = { launchMs: performance.now() - started, layoutMs: [], printMs: 0, guardMs: 0, finishMs: 0, parts: 0, tabs: 0, totalMs: 0 };
  let parts: Part[] = [];
  const tabs = await openTabs(browser, Number.POSITIVE_INFINITY);
  timings.tabs = tabs.pages.length;
  // Time-outs scale with the part: 60 s plus 1 s for every 4,000 characters of HTML.
  const timeoutMs = (part: Part) => 60_000 + Math.ceil(part.size / 4000) * 1000;
  // Each part's note links that cross parts (book-endnotes), read from the laid-out tab just before it prints.
  const noteLinks = new Map<number, NoteLinks>();
  const print = async (page: Page, part: Part) => {
    noteLinks.set(part.index, await readNoteLinks(page));
    return page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout: timeoutMs(part) });
  };
  try {
    // Page references: the folios found by the last layout, written into the next (page-refs.ts).
    let refFolios: Map<string, number> | undefined;
    for (let pass = 1; ; pass++) {
      const split = splitBook(html);
      if (hasPageRefs(html)) split.bodies = split.bodies.map((b, i) => (i === 0 ? b : writePageRefFolios(b, refFolios)));
      await removeParts(parts);
      parts = await writeParts(split, htmlDir);
      timings.parts = parts.length;
      const [front, ...rest] = parts;
      // The index is laid out after the chapters, with their folios written in (index-part.ts).
      const indexPart = rest.at(-1)?.id === INDEX_ID ? rest.pop() : undefined;
      const used = gutterInHtml(html);
      let body;
      try {
        body = await printParts(tabs, rest, 1, { timeoutMs, signal: ctx.signal, print, check: pass === 1 ? (pages) => projectGutter(rest, pages, used) : undefined });
      } catch (err) {
        if (!(err instanceof WrongGutter)) throw err;
        ctx.log(`print: the first chapters project ${err.pages} pages, which need a ${kdpGutter(err.pages)} in gutter (laying out with ${used} in); starting again`);
        await setGutterPages(indexFile, book, err.pages);
        html = await readFile(indexFile, 'utf8');
        continue;
      }
      timings.printMs = body.printMs;
      // The contents: each chapter's first folio, from the counts.
      const folios = new Map<string, number>();
      let folio = 1;
      for (const part of rest) {
        if (part.id) folios.set(part.id, folio);
        for (const [id, page] of body.anchors.get(part.index) ?? []) folios.set(id, folio + page);
        folio += evenUp(body.pages.get(part.index)!);
      }
      if (!pageRefsSettled(split.bodies.slice(1), refFolios, folios)) {
        if (pass >= MAX_PASSES) throw new Error(`the page references did not settle after ${pass} layouts`);
        ctx.log('print: laying out again with the page references\' folios written in');
        refFolios = folios;
        continue;
      }
      if (indexPart) {
        await layOutIndex(book, split, indexPart, folios, folio, { pages: tabs.pages.slice(0, 1), close: async () => {} }, body, { timeoutMs, signal: ctx.signal, print });
        folios.set(INDEX_ID, folio);
        rest.push(indexPart);
      }
      await writeFrontMatter(split, front!, folios);
      let links: ContentsLink[] = [];
      const head = await printParts({ pages: tabs.pages.slice(0, 1), close: async () => {} }, [front!], 1, {
        timeoutMs, signal: ctx.signal, print: async (page, part) => {
          // The front matter keeps its own roman folios (i, ii …): no arabic folios to set; the contents
          // entries of front-matter files (preface …) are numbered from where they were laid out.
          await numberFrontEntries(page);
          links = await readContentsLinks(page);
          return print(page, part);
        },
      });
      timings.layoutMs.push(body.layoutMs + head.layoutMs);
      timings.guardMs = body.guardMs + head.guardMs;
      const counts = parts.map((p) => (p === front ? head.pages : body.pages).get(p.index)!);
      const total = counts.reduce((sum, n) => sum + evenUp(n), 0) - (counts.at(-1)! % 2);
      if (kdpGutter(total) === used) {
        ctx.log(`print: laid out ${total} pages in ${parts.length} parts, ${tabs.pages.length} at a time, in ${Math.round(sum(timings.layoutMs))} ms`);
        const t2 = performance.now();
        const pdfs = parts.map((p, i) => ({
          bytes: (p === front ? head.pdfs : body.pdfs).get(p.index)!,
          blankAfter: i < parts.length - 1 && counts[i]! % 2 === 1,
        }));
        const merged = await mergeParts(pdfs);
        const firstPage = new Map<string, number>();
        const notes: Array<{ first: number; notes: NoteLinks }> = [];
        let physical = 0;
        const printPages: PrintPage[] = [];
        parts.forEach((p, i) => {
          // Roman folios in the front matter from its first page, arabic 1 on the first page after it.
          for (const { page, key, offset, entry, words, note, opens } of (p === front ? head : body).starts.get(p.index) ?? []) {
            const label = p === front ? lowerRoman(page + 1) : String(physical - evenUp(counts[0]!) + 1 + page);
            printPages.push({ label, physical: physical + page + 1, chapterId: key, offset, entry, words, note, opens });
          }
          notes.push({ first: physical, notes: noteLinks.get(p.index) ?? { links: [], anchors: [] } });
          if (p.id) firstPage.set(p.id, physical);
          if (p !== front) for (const [id, page] of body.anchors.get(p.index) ?? []) firstPage.set(id, physical + page);
          physical += evenUp(counts[i]!);
        });
        addContentsLinks(merged, links, firstPage);
        addNoteLinks(merged, notes);
        const { bytes, pages } = await finishPdf(merged, book);
        await writeFile(outFile, bytes);
        timings.finishMs = performance.now() - t2;
        if (pages !== total) throw new Error(`the parts were laid out as ${total} pages but the joined PDF has ${pages}`);
        timings.totalMs = performance.now() - started;
        lastPdfTimings = timings;
        return { pages, layout: { pages: printPages, folios } };
      }
      if (pass >= MAX_PASSES) throw new Error(`the gutter did not settle after ${pass} layouts (${total} pages)`);
      ctx.log(`print: ${total} pages need a ${kdpGutter(total)} in gutter (laid out with ${used} in); laying out again`);
      await setGutterPages(indexFile, book, total);
      html = await readFile(indexFile, 'utf8');
    }
  } catch (err) {
    throw err instanceof TextLossError ? nameThePart(err, parts, book) : err;
  } finally {
    await tabs.close();
    await removeParts(parts);
  }
}

/** A text loss said of a temporary part file, said again of the chapter (or front/back matter) it holds. */
function nameThePart(err: TextLossError, parts: Part[], book: Book): TextLossError {
  const part = parts.find((p) => p.file === err.file);
  if (!part) return err;
  const chapter = book.chapters.find((c) => c.id === part.id);
  const where = chapter ? `${kindFacts(chapter.kind).label.toLowerCase()} “${chapter.title}” (${chapter.file})` : part.id === 'bibliography' ? 'the bibliography' : 'the front matter';
  return new TextLossError(err.file, err.losses, where);
}

class WrongGutter extends Error {
  readonly pages: number;
  constructor(pages: number) {
    super(`the book projects to ${pages} pages`);
    this.pages = pages;
  }
}

/**
 * After the first chapters (a fifth of the text, at least two parts), projects the page count from their
 * pages per character of HTML; when that falls in another KDP gutter band, stops the pass early rather than
 * finishing a layout that would be thrown away.
 * Always the same first chapters, whichever tab finished first: a book near a band's edge can be laid out
 * consistently with either gutter, so a projection from the parts that happened to be done could print the
 * same book with another gutter on a busier machine (issue 17).
 */
export function projectGutter(parts: Part[], pages: Map<number, number>, used: number): void {
  const all = parts.reduce((n, p) => n + p.size, 0);
  let count = 0;
  for (let size = 0; count < parts.length && (count < 2 || size < all / 5); count++) size += parts[count]!.size;
  const done = parts.slice(0, count);
  if (count === parts.length || done.some((p) => !pages.has(p.index))) return;
  const doneSize = done.reduce((n, p) => n + p.size, 0);
  const perChar = done.reduce((n, p) => n + pages.get(p.index)!, 0) / doneSize;
  const projected = Math.round(6 + perChar * all + parts.length / 2);
  // Only act on a clear miss: within 3% of a band edge, let the exact count after the pass decide.
  if (kdpGutter(projected * 0.97) === kdpGutter(projected * 1.03) && kdpGutter(projected) !== used) throw new WrongGutter(projected);
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

async function removeParts(parts: Part[]): Promise<void> {
  await Promise.all(parts.map((p) => rm(p.file, { force: true })));
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

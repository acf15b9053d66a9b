// Lays out and prints the parts of the book in several tabs of the build's one Chromium at once. Each tab
// lives in its own browser context, so Chromium gives it its own renderer process (tabs of one context
// share one main thread, and laying out in two of them is no faster than in one). A part is printed as
// soon as its folios are known, that is once every part before it has been laid out and counted.
import { availableParallelism } from 'node:os';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import { layout } from './layout.ts';
import { pageStarts, type PageStart } from './page-starts.ts';
import type { Part } from './parts.ts';

export interface PrintedChapters {
  /** Pages of each part as laid out (no blank verso), by part index. */
  pages: Map<number, number>;
  /** The PDF of each part, by part index. */
  pdfs: Map<number, Uint8Array>;
  /** Wall time until the last part was laid out. */
  layoutMs: number;
  /** Time spent in page.pdf, summed over the tabs. */
  printMs: number;
  /** Time spent in the text guard (see text-guard.ts), summed over the tabs. */
  guardMs: number;
  /** Each part's elements with an id: 0-based page within the part (contents numbers, index locators, page references). */
  anchors: Map<number, Map<string, number>>;
  /** Each part's pages with chapter text: where each begins (page-starts.ts). */
  starts: Map<number, PageStart[]>;
}

/**
 * Ids of a laid-out part → the 0-based page each was laid out on: headings (the contents), index anchors,
 * page-reference targets. An element Paged.js split over pages counts where it starts (the first wins).
 */
function headingPages(): Array<[string, number]> {
  const pages = [...document.querySelectorAll('.pagedjs_page')];
  const seen = new Set<string>();
  const out: Array<[string, number]> = [];
  pages.forEach((page, i) => {
    for (const el of page.querySelectorAll<HTMLElement>('.pagedjs_page_content [id]')) {
      if (seen.has(el.id)) continue;
      seen.add(el.id);
      out.push([el.id, i]);
    }
  });
  return out;
}

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

/** Folio of each page of the part: `first`, `first + 1` … (what the whole book's page counter would give). */
function setFolios(first: number): void {
  document.querySelectorAll<HTMLElement>('.pagedjs_page').forEach((page, i) => {
    page.style.counterReset = `page ${first + i}`;
    page.style.counterIncrement = 'none';
  });
}

export interface Tabs {
  pages: Page[];
  close(): Promise<void>;
}

export async function openTabs(browser: Browser, wanted: number): Promise<Tabs> {
  const n = Math.max(1, Math.min(wanted, availableParallelism(), 4));
  const contexts: BrowserContext[] = [];
  const pages: Page[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const context = await browser.createBrowserContext();
      contexts.push(context);
      pages.push(await context.newPage());
    }
  } catch (err) {
    await Promise.all(contexts.map((c) => c.close().catch(() => {})));
    throw err;
  }
  return { pages, close: async () => void (await Promise.all(contexts.map((c) => c.close().catch(() => {})))) };
}

export const evenUp = (n: number) => n + (n % 2);

/**
 * Lays out `parts` (in order; the first opens at folio `firstFolio`) and prints each with its true folios.
 * `print` turns a laid-out tab into PDF bytes.
 */
export async function printParts(
  tabs: Tabs,
  parts: Part[],
  firstFolio: number,
  options: {
    timeoutMs: (part: Part) => number;
    signal: AbortSignal;
    print: (page: Page, part: Part) => Promise<Uint8Array>;
    /** Called after each layout with the counts so far; throwing stops the pass (e.g. the gutter is wrong). */
    check?: (pages: Map<number, number>) => void;
  },
): Promise<PrintedChapters> {
  const started = performance.now();
  const result: PrintedChapters = { pages: new Map(), pdfs: new Map(), layoutMs: 0, printMs: 0, guardMs: 0, anchors: new Map(), starts: new Map() };
  const counted = parts.map(() => {
    let resolve!: (pages: number) => void;
    let reject!: (err: unknown) => void;
    const promise = new Promise<number>((res, rej) => ((resolve = res), (reject = rej)));
    promise.catch(() => {});
    return { promise, resolve, reject };
  });
  let next = 0;
  let laidOut = 0;
  let failed = false;
  const worker = async (page: Page) => {
    while (next < parts.length && !failed) {
      options.signal.throwIfAborted();
      const k = next++;
      const part = parts[k]!;
      try {
        const { pages, guardMs } = await layout(page, part.file, options.timeoutMs(part), options.signal);
        result.guardMs += guardMs;
        result.pages.set(part.index, pages);
        result.anchors.set(part.index, new Map(await page.evaluate(headingPages)));
        result.starts.set(part.index, await page.evaluate(pageStarts));
        counted[k]!.resolve(pages);
        options.check?.(result.pages);
        if (++laidOut === parts.length) result.layoutMs = performance.now() - started;
      } catch (err) {
        failed = true;
        for (const c of counted.slice(k)) c.reject(err);
        throw err;
      }
      const before = await Promise.all(counted.slice(0, k).map((c) => c.promise));
      const folio = firstFolio + before.reduce((sum, n) => sum + evenUp(n), 0);
      await page.evaluate(setFolios, folio);
      await page.evaluate(STABLE_NOTE_IDS);
      const t = performance.now();
      result.pdfs.set(part.index, await options.print(page, part));
      result.printMs += performance.now() - t;
    }
  };
  // Every tab settles before the caller may reuse them (a failed pass is followed by another on the same tabs).
  const settled = await Promise.allSettled(tabs.pages.map(worker));
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) throw failure.reason;
  return result;
}

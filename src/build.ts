// The pipeline: load → render each requested output into staging → validate → move into the output folder.
import { writeFile } from 'node:fs/promises';
import { loadBook } from './book/load.ts';
import { bookSlug, type Book } from './book/model.ts';
import type { BrowserPool as Pool } from './browser.ts';
import { hasErrors, ValidationError, type Diagnostic } from './diagnostics.ts';
import type { RenderContext } from './render/context.ts';
import { fontPlan } from './render/fonts/font-plan.ts';
import type { StoreReport } from './report/index.ts';
import type { PrintLayout } from './book/print-pages.ts';
import { recoverOutputs, Staging } from './staging.ts';
import type { EditionReport, SharedRun } from './editions/build-editions.ts';

/**
 * The renderers and checkers pull in Chromium's driver, epub-gen-memory, retext ...: loaded only once the
 * manuscript has loaded without errors, so that `--help` and a manuscript error answer at once.
 */
async function parts() {
  const [browser, aceM, epubcheckM, epubcheckServerM, sourceMap, pdfCheck, proof, cover, epub, html, pdf, pdfx, wrap, report] = await Promise.all([
    import('./browser.ts'), import('./check/ace.ts'), import('./check/epubcheck.ts'), import('./check/epubcheck-server.ts'), import('./check/epub-source-map.ts'), import('./check/pdf.ts'),
    import('./proof/in-child.ts'), import('./render/cover/index.ts'), import('./render/epub/index.ts'),
    import('./render/html/index.ts'), import('./render/pdf/index.ts'), import('./render/pdfx/index.ts'),
    import('./render/wrap-cover/index.ts'), import('./report/index.ts'),
  ]);
  return {
    BrowserPool: browser.BrowserPool, BrowserCrashError: browser.BrowserCrashError, ace: aceM.ace, epubcheck: epubcheckM.epubcheck,
    startEpubcheck: () => epubcheckServerM.startEpubcheckServer(epubcheckM.epubcheckJar(), epubcheckM.EPUBCHECK_JVM_FLAGS), epubSourceMap: sourceMap.epubSourceMap,
    checkPdf: pdfCheck.checkPdf, proofInChild: proof.proofInChild, bookCover: cover.bookCover, renderEpub: epub.renderEpub,
    renderHtml: html.renderHtml, renderPdf: pdf.renderPdf, toPdfX1a: pdfx.toPdfX1a, renderWrapCover: wrap.renderWrapCover,
    storeReport: report.storeReport, reportMarkdown: report.reportMarkdown,
  };
}

import type { Format } from './formats.ts';

/** The outputs Paged.js lays out in pages. */
const PAGINATED: ReadonlySet<Format> = new Set(['html', 'pdf']);

export { FORMATS, type Format } from './formats.ts';

export interface BuildOptions {
  manuscript: string;
  outDir: string;
  formats: readonly Format[];
  signal: AbortSignal;
  /** Run DAISY Ace on the EPUB (default true). */
  ace?: boolean;
  /** Also make a PDF/X-1a interior for IngramSpark (Ghostscript). */
  pdfx?: boolean;
  /** Covers, proofing, validation and the store report (default true; the live preview turns them off). */
  full?: boolean;
  /** Progress events; the CLI turns them into lines or a spinner. */
  onEvent?: (event: BuildEvent) => void;
  env?: NodeJS.ProcessEnv;
  /** Build only this edition of book.yaml's `editions:` (default: every edition). */
  edition?: string;
  /** Set by src/editions/build-editions.ts for each edition's run: the loaded book, staging and Chromium it shares. */
  shared?: SharedRun;
}

export type BuildEvent =
  | { type: 'start'; stage: string }
  | { type: 'done'; stage: string; ms: number; detail?: string; /** Errors the stage found (a validator). */ errors?: number }
  | { type: 'progress'; stage: string; message: string }
  | { type: 'diagnostics'; diagnostics: Diagnostic[] };

export interface BuildReport {
  book: Book;
  /** Absolute paths of everything moved into the output folder. */
  outputs: string[];
  pages?: number;
  /** Where each printed page begins (print-pages.ts), when the PDF was built; the EPUB marks those it has. */
  printPages?: PrintLayout['pages'];
  timings: { stage: string; ms: number }[];
  diagnostics: Diagnostic[];
  store?: StoreReport;
  /** With `editions:` in book.yaml: each edition built, its page count and outputs. */
  editions?: EditionReport[];
}

export async function build(options: BuildOptions): Promise<BuildReport> {
  const emit = options.onEvent ?? (() => {});
  const full = options.full ?? true;
  const timings: { stage: string; ms: number }[] = [];
  const stage = async <T>(name: string, fn: () => Promise<T>, detail?: (value: T) => string | Summary): Promise<T> => {
    options.signal.throwIfAborted();
    emit({ type: 'start', stage: name });
    const t0 = performance.now();
    const value = await fn();
    const ms = performance.now() - t0;
    timings.push({ stage: name, ms });
    const said = detail?.(value);
    emit({ type: 'done', stage: name, ms, ...(typeof said === 'object' ? { detail: said.text, errors: said.errors } : { detail: said }) });
    return value;
  };

  // A set of outputs a killed build was replacing is put back first, whatever this build then does.
  const shared = options.shared;
  if (!shared) await recoverOutputs(options.outDir);
  const loaded = shared ? shared.loaded : await stage('load', () => loadBook(options.manuscript, options.env, { print: options.formats.some((f) => PAGINATED.has(f)) }), (r) =>
    `${r.book.chapters.length} chapters, ${r.book.chapters.reduce((n, c) => n + c.notes.length, 0)} notes, ${r.book.bibliography.length} works cited`);
  // book.yaml's `editions:`: each edition is this build again, with its own Book and output names.
  if (!shared && (loaded.book.config.editions || options.edition)) {
    const { buildEditions } = await import('./editions/build-editions.ts');
    return buildEditions(options, loaded, build);
  }
  const book = shared ? shared.book : loaded.book;
  const diagnostics = shared && !shared.first ? [] : [...loaded.diagnostics];
  // Characters that no font of the book has (glyph-missing), each where it first occurs in the manuscript.
  if (!shared || shared.first) diagnostics.push(...(await fontPlan(book)).diagnostics);
  const {
    BrowserPool, BrowserCrashError, ace, epubcheck, startEpubcheck, epubSourceMap, checkPdf, proofInChild, bookCover, renderEpub, renderHtml, renderPdf,
    toPdfX1a, renderWrapCover, storeReport, reportMarkdown,
  } = await parts();
  if (diagnostics.length) emit({ type: 'diagnostics', diagnostics });

  const slug = shared ? shared.slug : bookSlug(book.config);
  const want = new Set(options.formats);
  const staging = shared ? shared.staging : await Staging.create(options.outDir);
  const log = (message: string) => emit({ type: 'progress', stage: 'render', message });
  const browser: Pool = shared ? shared.browser : new BrowserPool(options.signal, log);
  // An edition's run keeps the shared Chromium open for the next edition; the last one closes it.
  const closeBrowser = () => (!shared || shared.closeBrowser ? browser.close() : Promise.resolve());
  const ctx: RenderContext = { browser, signal: options.signal, log };
  const names = {
    epub: `${slug}.epub`, html: shared ? `html-${shared.edition.name}` : 'html', pdf: `${slug}.pdf`, wrap: `${slug}-cover.pdf`, pdfx: `${slug}-pdfx.pdf`, wrapPdfx: `${slug}-cover-pdfx.pdf`, docx: `${slug}.docx`,
    reportMd: 'report.md', reportJson: 'report.json',
  };
  const commit: string[] = [];
  const coverName = (name: string) => (shared ? `${shared.edition.name}-${name}` : name);
  // With a PDF asked for too, the EPUB waits for its layout: the printed pages' breaks go into the EPUB
  // (page-list). Settled once the PDF is rendered, or when its chain ends without one (or the build does).
  let printLayout!: (layout: PrintLayout | undefined) => void;
  const laidOut = new Promise<PrintLayout | undefined>((resolve) => (printLayout = resolve));
  let ended = false;
  // EPUBCheck's JVM warms up (loads its classes, compiles its schemas) while the book is rendered: from the
  // start, or with a PDF once it is printed and its tab closed (the EPUB waits for the print's layout
  // anyway), so that the JVM's 200 MB and the laid-out book are not in memory at once.
  const epubcheckServer = want.has('epub') && full
    ? (want.has('pdf') ? laidOut : Promise.resolve()).then(() => (ended ? undefined : startEpubcheck())).catch(() => undefined)
    : Promise.resolve(undefined);
  // Proofreading runs in a process of its own beside the rendering (its findings are shown when it is done);
  // the process ends when the build does.
  const proofStop = new AbortController();
  const proofed: Promise<Diagnostic[]> = full && (!shared || shared.first)
    ? stage('proof', () => proofInChild(loaded.sources.map((s) => ({ ...s, kind: 'markdown' as const })),
      { root: book.root, language: book.config.language, words: book.config.creators.map((c) => c.name) }, AbortSignal.any([options.signal, proofStop.signal])), summary)
      .then((found) => {
        if (found.length) emit({ type: 'diagnostics', diagnostics: found });
        return found;
      })
    : Promise.resolve([]);
  proofed.catch(() => {}); // awaited with the outputs; not an unhandled rejection before
  try {

    // Two chains run side by side: the EPUB, then its checks (EPUBCheck in Java, Ace in our browser), and
    // the paged HTML, printed to PDF in our Chromium, then the wrap cover and the PDF check.
    const epubFile = staging.path(names.epub);
    const coverMade = want.has('epub') && full
      ? stage('cover', () => bookCover(book, ctx), (c) => (c.generated ? 'generated 1600×2560 JPEG' : `from ${book.config.cover}`))
      : Promise.resolve(undefined);
    const epubRendered = want.has('epub')
      ? coverMade.then(async (cover) => {
        if (cover) await writeFile(staging.path(coverName(cover.name)), cover.data);
        const layout = want.has('pdf') ? await laidOut : undefined;
        return stage('epub', () => renderEpub(book, epubFile, ctx, layout), (r) => size(r.bytes) + (r.pageList.length ? `, ${r.pageList.length} print pages` : ''));
      })
      : Promise.resolve(undefined);
    // Ace checks the EPUB in tabs of our Chromium (no second browser) as soon as the EPUB exists, beside
    // EPUBCheck and the print chain; our Chromium is closed once Ace is done too.
    const aceChecked = want.has('epub') && full && options.ace !== false
      ? epubRendered.then(() => stage('ace', () => ace(epubFile, { browser: () => browser.get(), signal: options.signal }), summary))
      : Promise.resolve(undefined);
    aceChecked.catch(() => {}); // its failure is reported where it is awaited, not as an unhandled rejection before
    // Each validator's findings are shown as soon as it is done, at their place in the manuscript, so that a
    // stage failing elsewhere (the PDF) never hides them.
    const show = (list: Diagnostic[]) => {
      if (list.length) emit({ type: 'diagnostics', diagnostics: list });
      return list;
    };
    const epubChecked = (async () => {
      if (!want.has('epub') || !full) return { epubcheck: undefined, ace: undefined };
      await epubRendered;
      const toSource = epubSourceMap(book, epubFile);
      const [found, violations] = await Promise.all([
        stage('epubcheck', () => epubcheck(epubFile, {
          server: epubcheckServer, onServerFailed: (why) => log(`epubcheck: the warm EPUBCheck could not check the EPUB (${why}); running it again`),
        }), summary).then(async (l) => show(l.map(await toSource))),
        aceChecked.then(async (l) => l && show(l.map(await toSource))),
      ]);
      return { epubcheck: found, ace: violations };
    })();
    const printed = (async () => {
      let pdf: { pages: number; layout: PrintLayout } | undefined;
      try {
        if (want.has('html') || want.has('pdf')) {
          const html = await stage('html', () => renderHtml(book, staging.path(names.html), ctx));
          // Notes print could not set as asked (a footnote too long for a page), at their place in the manuscript.
          if (html.warnings.length) {
            diagnostics.push(...html.warnings);
            emit({ type: 'diagnostics', diagnostics: html.warnings });
          }
          if (want.has('pdf')) {
            pdf = await stage('pdf', () => renderPdf(book, staging.path(names.html), staging.path(names.pdf), ctx), (r) => `${r.pages} pages`);
            printLayout(pdf.layout);
            if (full) await stage('wrap cover', () => renderWrapCover(book, pdf!.pages, staging.path(names.wrap), ctx),
              (g) => `${g.width.toFixed(3)} × ${g.height.toFixed(3)} in, spine ${g.spine.toFixed(3)} in`);
          }
        }
      } finally {
        printLayout(undefined);
        // Free Chromium's memory before the checks: wait for the EPUB, which may still be drawing its cover,
        // and for Ace, which checks it in our Chromium.
        await epubRendered.catch(() => {});
        await aceChecked.catch(() => {});
        await closeBrowser();
      }
      const found = full && pdf ? show(await stage('pdf check', () => checkPdf(book, staging.path(names.pdf)), summary)) : undefined;
      return { pdf, found };
    })();
    // The .docx for editors (only when asked for): written with `docx`, read back and checked in staging.
    const docxMade = want.has('docx') ? (async () => {
      const { renderDocx } = await import('./render/docx/index.ts');
      const { checkDocx } = await import('./render/docx/check.ts');
      const made = await stage('docx', () => renderDocx(book, staging.path(names.docx), ctx), (r) => `${size(r.bytes)}, ${r.footnotes} footnotes`);
      if (made.warnings.length) show(made.warnings);
      return show(await checkDocx(book, staging.path(names.docx)));
    })() : Promise.resolve([]);
    // Wait for every chain even when one fails, so nothing is still writing into staging when it is removed.
    const settled = await Promise.allSettled([epubRendered, epubChecked, printed, docxMade]);
    for (const r of settled) if (r.status === 'rejected') throw r.reason;
    const checked = await epubChecked;
    const cover = await coverMade;
    const { pdf, found: pdfFindings } = await printed;

    const epubFindings = checked.epubcheck;
    const aceFindings = checked.ace;
    diagnostics.push(...(await proofed));
    const problems: Diagnostic[] = [...(epubFindings ?? []), ...(aceFindings ?? []), ...(pdfFindings ?? []), ...(await docxMade)];
    if (hasErrors(problems)) throw new ValidationError(`an output failed validation; ${options.outDir} was left as it was`, problems);

    if (want.has('pdf') && options.pdfx) {
      await stage('pdf/x-1a', () => toPdfX1a(staging.path(names.pdf), staging.path(names.pdfx), book));
      commit.push(names.pdfx);
      // The wrap cover in CMYK too (IngramSpark asks for it): Ghostscript's same path, the cover's own bleed.
      if (full && pdf) {
        const { wrapCoverPdfX } = await import('./render/wrap-cover/index.ts');
        await stage('cover pdf/x-1a', () => wrapCoverPdfX(staging.path(names.wrap), staging.path(names.wrapPdfx), book, pdf.pages));
        commit.push(names.wrapPdfx);
      }
    }

    let store: StoreReport | undefined;
    if (full) {
      store = await stage('report', () => storeReport({
        book,
        epubFile: want.has('epub') ? staging.path(names.epub) : undefined,
        pdfFile: pdf ? staging.path(names.pdf) : undefined,
        pdfPages: pdf?.pages,
        coverJpeg: cover?.data,
        wrapCoverFile: pdf ? staging.path(names.wrap) : undefined,
        pdfxFile: options.pdfx && pdf ? staging.path(names.pdfx) : undefined,
        wrapPdfxFile: options.pdfx && pdf ? staging.path(names.wrapPdfx) : undefined,
        epubcheck: epubFindings,
        ace: aceFindings,
        stores: shared?.stores,
      }), (r) => `${r.summary.pass} pass, ${r.summary.warn} warn, ${r.summary.fail} fail`);
      if (!shared) {
        await writeFile(staging.path(names.reportJson), `${JSON.stringify(store, null, 2)}\n`);
        await writeFile(staging.path(names.reportMd), reportMarkdown(store));
      }
      const failing = store.stores.flatMap((s) => s.checks.filter((c) => c.status === 'fail').map((c) => ({ store: s.store, c })));
      if (failing.length) {
        emit({ type: 'diagnostics', diagnostics: failing.map(({ store: s, c }) => ({
          file: names.reportMd, line: 0, column: 0, severity: 'warning' as const, rule: 'store-requirement',
          message: `${s}: ${c.requirement}: ${c.figure}${c.note ? ` (${c.note})` : ''}`,
        })) });
      }
    }

    options.signal.throwIfAborted();
    if (cover) commit.push(coverName(cover.name));
    if (want.has('epub')) commit.push(names.epub);
    if (want.has('html')) commit.push(names.html);
    if (want.has('docx')) commit.push(names.docx);
    if (want.has('pdf')) commit.push(names.pdf, ...(full ? [names.wrap] : []));
    if (store && !shared) commit.push(names.reportMd, names.reportJson);
    // An edition's outputs are committed with the other editions' (src/editions/build-editions.ts).
    const outputs = shared ? commit : await staging.commit(commit);
    return { book, outputs, pages: pdf?.pages, printPages: pdf?.layout.pages, timings, diagnostics: [...diagnostics, ...problems], store };
  } catch (err) {
    if (browser.crashed && !options.signal.aborted) throw new BrowserCrashError(err as Error);
    throw err;
  } finally {
    proofStop.abort();
    await proofed.catch(() => {});
    ended = true;
    printLayout(undefined);
    await (await epubcheckServer)?.close();
    await closeBrowser();
    if (!shared) await staging.dispose();
  }
}

function size(bytes: number): string {
  return bytes > 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.round(bytes / 1e3)} KB`;
}

interface Summary {
  text: string;
  errors: number;
}

function summary(list: Diagnostic[]): Summary {
  const count = (s: Diagnostic['severity']) => list.filter((d) => d.severity === s).length;
  return { text: `${count('error')} errors, ${count('warning')} warnings${count('info') ? `, ${count('info')} notes` : ''}`, errors: count('error') };
}

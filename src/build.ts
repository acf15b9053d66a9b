// The pipeline: load → render each requested output into staging → validate → move into the output folder.
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { loadBook } from './book/load.ts';
import { bookSlug, type Book } from './book/model.ts';
import { BrowserPool } from './browser.ts';
import { epubcheck } from './check/epubcheck.ts';
import { checkPdf } from './check/pdf.ts';
import { hasErrors, ValidationError, type Diagnostic } from './diagnostics.ts';
import type { RenderContext } from './render/context.ts';
import { renderEpub } from './render/epub/index.ts';
import { renderHtml } from './render/html/index.ts';
import { renderPdf } from './render/pdf/index.ts';
import { Staging } from './staging.ts';

export const FORMATS = ['epub', 'html', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

export interface BuildOptions {
  manuscript: string;
  outDir: string;
  formats: readonly Format[];
  signal: AbortSignal;
  /** Progress events; the CLI turns them into lines or a spinner. */
  onEvent?: (event: BuildEvent) => void;
  env?: NodeJS.ProcessEnv;
}

export type BuildEvent =
  | { type: 'start'; stage: string }
  | { type: 'done'; stage: string; ms: number; detail?: string }
  | { type: 'progress'; stage: string; message: string }
  | { type: 'diagnostics'; diagnostics: Diagnostic[] };

export interface BuiltOutput {
  format: Format;
  path: string;
  bytes: number;
  pages?: number;
}

export interface BuildReport {
  book: Book;
  outputs: BuiltOutput[];
  timings: { stage: string; ms: number }[];
  diagnostics: Diagnostic[];
}

export async function build(options: BuildOptions): Promise<BuildReport> {
  const emit = options.onEvent ?? (() => {});
  const timings: { stage: string; ms: number }[] = [];
  const stage = async <T>(name: string, fn: () => Promise<T>, detail?: (value: T) => string): Promise<T> => {
    options.signal.throwIfAborted();
    emit({ type: 'start', stage: name });
    const t0 = performance.now();
    const value = await fn();
    const ms = performance.now() - t0;
    timings.push({ stage: name, ms });
    emit({ type: 'done', stage: name, ms, detail: detail?.(value) });
    return value;
  };

  const { book, diagnostics } = await stage('load', () => loadBook(options.manuscript, options.env), (r) =>
    `${r.book.chapters.length} chapters, ${r.book.chapters.reduce((n, c) => n + c.notes.length, 0)} notes, ${r.book.bibliography.length} works cited`);
  if (diagnostics.length) emit({ type: 'diagnostics', diagnostics });

  const slug = bookSlug(book.config);
  const want = new Set(options.formats);
  const staging = await Staging.create(options.outDir);
  const browser = new BrowserPool(options.signal);
  const ctx: RenderContext = {
    browser,
    signal: options.signal,
    log: (message) => emit({ type: 'progress', stage: 'render', message }),
  };
  const outputs: BuiltOutput[] = [];
  try {
    const epubFile = staging.path(`${slug}.epub`);
    const htmlDir = staging.path('html');
    const pdfFile = staging.path(`${slug}.pdf`);

    // The EPUB and the paged HTML are independent; the PDF prints the HTML in the same Chromium.
    const epubDone = want.has('epub')
      ? stage('epub', () => renderEpub(book, epubFile, ctx), (r) => kb(r.bytes))
      : Promise.resolve(undefined);
    const printDone = (async () => {
      if (!want.has('html') && !want.has('pdf')) return undefined;
      await stage('html', () => renderHtml(book, htmlDir, ctx));
      if (!want.has('pdf')) return undefined;
      return stage('pdf', () => renderPdf(book, htmlDir, pdfFile, ctx), (r) => `${r.pages} pages`);
    })();
    // Wait for both even when one fails, so nothing is still writing into staging when it is removed.
    const [epubResult, printResult] = await Promise.allSettled([epubDone, printDone]);
    for (const r of [epubResult, printResult]) if (r.status === 'rejected') throw r.reason;
    const pdf = printResult.status === 'fulfilled' ? printResult.value : undefined;
    await browser.close();

    const problems: Diagnostic[] = [];
    if (want.has('epub')) {
      const found = await stage('epubcheck', () => epubcheck(epubFile), (d) => summary(d));
      problems.push(...found.map((d) => ({ ...d, file: `${basename(epubFile)}${d.file && d.file !== basename(epubFile) ? `/${d.file}` : ''}` })));
    }
    if (want.has('pdf')) {
      const found = await stage('pdf check', () => checkPdf(book, pdfFile), (d) => summary(d));
      problems.push(...found);
    }
    if (problems.length) emit({ type: 'diagnostics', diagnostics: problems });
    if (hasErrors(problems)) {
      throw new ValidationError('an output failed validation; build/ was left as it was', problems);
    }

    options.signal.throwIfAborted();
    const names = [
      ...(want.has('epub') ? [`${slug}.epub`] : []),
      ...(want.has('html') ? ['html'] : []),
      ...(want.has('pdf') ? [`${slug}.pdf`] : []),
    ];
    const moved = await staging.commit(names);
    for (const path of moved) {
      const format: Format = path.endsWith('.epub') ? 'epub' : path.endsWith('.pdf') ? 'pdf' : 'html';
      const info = await stat(path);
      outputs.push({ format, path, bytes: info.isDirectory() ? 0 : info.size, pages: format === 'pdf' ? pdf?.pages : undefined });
    }
    return { book, outputs, timings, diagnostics: [...diagnostics, ...problems] };
  } finally {
    await browser.close();
    await staging.dispose();
  }
}

function kb(bytes: number): string {
  return bytes > 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.round(bytes / 1e3)} KB`;
}

function summary(list: Diagnostic[]): string {
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.filter((d) => d.severity === 'warning').length;
  return `${errors} errors, ${warnings} warnings`;
}

// Every edition from one build: the Markdown loaded once (by build, before it calls this), one staging folder,
// one Chromium kept open from edition to edition, each edition rendered by build itself with its own Book
// (src/editions/edition-book.ts) and output names, then every edition's outputs committed as one set.
import { writeFile } from 'node:fs/promises';
import type { LoadResult } from '../book/load.ts';
import { bookSlug, type Edition } from '../book/model.ts';
import { BrowserPool } from '../browser.ts';
import type { BuildEvent, BuildOptions, BuildReport } from '../build.ts';
import { BuildError, diagnostic } from '../diagnostics.ts';
import { reportMarkdown, type StoreReport } from '../report/index.ts';
import { Staging } from '../staging.ts';
import { editionBook } from './edition-book.ts';
import { EDITION_KINDS } from './kinds.ts';

/** What build shares with each edition's run of it (BuildOptions.shared). */
export interface SharedRun {
  loaded: LoadResult;
  edition: Edition;
  /** The edition's Book. */
  book: LoadResult['book'];
  /** `<book slug>-<edition>`: the edition's output names. */
  slug: string;
  staging: Staging;
  browser: BrowserPool;
  /** Only the last edition's run closes the shared Chromium (after its Ace check, which uses it too). */
  closeBrowser: boolean;
  /** The first edition reports the manuscript's own findings (fonts, proofing); the others do not repeat them. */
  first: boolean;
  /** The store report's sections for this edition's kind. */
  stores: 'ebook' | 'print';
}

export interface EditionReport {
  name: string;
  kind: Edition['kind'];
  isbn?: string;
  pages?: number;
  outputs: string[];
}

/** The editions `--edition` asks for (all by default); print editions first, ebooks last (their checks run longest). */
export function chosenEditions(editions: Edition[] | undefined, only: string | undefined): Edition[] {
  if (!editions?.length) {
    throw new BuildError([diagnostic('book.yaml', undefined, 'error', 'edition-unknown', `--edition ${only}: book.yaml has no \`editions:\`.`,
      'Add an `editions:` list to book.yaml (see "Editions" in README.md), or leave --edition out.')]);
  }
  const list = only ? editions.filter((e) => e.name === only) : editions;
  if (!list.length) {
    throw new BuildError([diagnostic('book.yaml', undefined, 'error', 'edition-unknown', `No edition is named "${only}".`,
      `The editions in book.yaml: ${editions.map((e) => e.name).join(', ')}.`)]);
  }
  const ebookLast = (e: Edition) => (EDITION_KINDS[e.kind]!.stores === 'ebook' ? 1 : 0);
  return [...list].sort((a, b) => ebookLast(a) - ebookLast(b));
}

export async function buildEditions(options: BuildOptions, loaded: LoadResult, build: (o: BuildOptions) => Promise<BuildReport>): Promise<BuildReport> {
  const emit = options.onEvent ?? (() => {});
  const book = loaded.book;
  const slug = bookSlug(book.config);
  const editions = chosenEditions(book.config.editions, options.edition);
  const runs = editions
    .map((edition, i) => ({ edition, formats: options.formats.filter((f) => EDITION_KINDS[edition.kind]!.formats.includes(f) || (f === 'docx' && i === 0)) }))
    .filter((r) => r.formats.length);
  const staging = await Staging.create(options.outDir);
  const browser = new BrowserPool(options.signal, (message) => emit({ type: 'progress', stage: 'render', message }));
  const reports: BuildReport[] = [];
  const done: EditionReport[] = [];
  try {
    for (const [i, { edition, formats }] of runs.entries()) {
      const kind = EDITION_KINDS[edition.kind]!;
      const label = (e: BuildEvent): BuildEvent => ('stage' in e && e.type !== 'progress' ? { ...e, stage: `${e.stage} · ${edition.name}` } : e);
      const shared: SharedRun = {
        loaded, edition, book: editionBook(book, edition), slug: `${slug}-${edition.name}`, staging, browser,
        closeBrowser: i === runs.length - 1, first: i === 0, stores: kind.stores,
      };
      const r = await build({ ...options, formats, shared, onEvent: (e) => emit(label(e)) });
      reports.push(r);
      done.push({ name: edition.name, kind: edition.kind, isbn: shared.book.config.isbn, pages: r.pages, outputs: r.outputs });
    }
    const store = (options.full ?? true) ? mergedReport(book.config.title, book.config.identifier, reports, done) : undefined;
    const names = reports.flatMap((r) => r.outputs);
    if (store) {
      await writeFile(staging.path('report.json'), `${JSON.stringify({ ...store, editions: done.map(({ outputs, ...e }) => e) }, null, 2)}\n`);
      await writeFile(staging.path('report.md'), reportMarkdown(store));
      names.push('report.md', 'report.json');
    }
    options.signal.throwIfAborted();
    const outputs = await staging.commit(names);
    const committed = new Map(names.map((n, i) => [n, outputs[i]!]));
    return {
      book,
      outputs,
      pages: reports.find((r) => r.pages)?.pages,
      timings: reports.flatMap((r, i) => r.timings.map((t) => ({ ...t, stage: `${t.stage} · ${done[i]!.name}` }))),
      diagnostics: reports.flatMap((r) => r.diagnostics),
      store,
      editions: done.map((e) => ({ ...e, outputs: e.outputs.map((o) => committed.get(o)!) })),
    };
  } finally {
    await browser.close();
    await staging.dispose();
  }
}

/** One report: each edition's stores, headed with the edition (`hardcover (ISBN …) — IngramSpark`). */
function mergedReport(title: string, identifier: string, reports: BuildReport[], done: EditionReport[]): StoreReport {
  const stores = reports.flatMap((r, i) => (r.store?.stores ?? []).map((s) => ({
    ...s, store: `${done[i]!.name} (${done[i]!.kind}${done[i]!.isbn ? `, ISBN ${done[i]!.isbn}` : ''}) — ${s.store}`,
  })));
  const summary = { pass: 0, warn: 0, fail: 0 };
  for (const s of stores) for (const c of s.checks) summary[c.status]++;
  return { book: { title, identifier }, stores, summary };
}

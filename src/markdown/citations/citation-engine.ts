// One citeproc-js engine per build: resolves the CSL style and locale, formats clusters in book order.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import CSL from 'citeproc';
import { EnvironmentError } from '../../diagnostics.ts';
import type { CslItem } from './bibliography-file.ts';

export const CSL_DIR = '/usr/share/citation-style-language';
const ASSUME_ALL = (CSL as unknown as { ASSUME_ALL_ITEMS_REGISTERED: string }).ASSUME_ALL_ITEMS_REGISTERED;
const INSTALL = 'apt-get install citation-style-language-styles citation-style-language-locales';

export interface CiteItem {
  id: string;
  locator?: string;
  label?: string;
  prefix?: string;
  suffix?: string;
  'suppress-author'?: boolean;
  'author-only'?: boolean;
}

/** `chicago-note-bibliography` → the Debian file; `styles/x.csl` → a file in the manuscript (or an absolute path). */
export function resolveStyle(root: string, name: string): string {
  const file = name.endsWith('.csl') ? path.resolve(root, name) : path.join(CSL_DIR, 'styles', `${name}.csl`);
  if (!existsSync(file)) {
    throw new EnvironmentError(
      name.endsWith('.csl')
        ? `The citation style file ${file} (citation-style in book.yaml) does not exist.`
        : `The CSL style "${name}" was not found at ${file}. Install the styles with \`${INSTALL}\`, or set citation-style in book.yaml to a .csl file in the manuscript.`,
    );
  }
  return file;
}

export function localeFile(lang: string): string | undefined {
  for (const l of [lang, lang.split('-')[0], 'en-US']) {
    const file = path.join(CSL_DIR, 'locales', `locales-${l}.xml`);
    if (existsSync(file)) return file;
  }
  return undefined;
}

interface Engine {
  opt: { xclass: string };
  setOutputFormat(f: string): void;
  updateItems(ids: string[]): void;
  updateUncitedItems(ids: string[]): void;
  processCitationCluster(c: unknown, pre: [string, number][], post: [string, number][], flag?: string): [unknown, [number, string][]];
  makeCitationCluster(items: CiteItem[]): string;
  makeBibliography(): false | [{ entry_ids: string[][] }, string[]];
  restoreProcessorState(citations: unknown[]): void;
  locale: Record<string, { opts: Record<string, unknown> }>;
}

/** citeproc-js's text for a citation that prints nothing (`[-@key]` where the style shows only the author). */
const NO_PRINTED_FORM = '[NO_PRINTED_FORM]';

/**
 * Building an engine parses the style and locale (the dearest part of formatting citations). The last one is
 * kept for the next build of the same book in this process (the live preview rebuilds on every save) and
 * reset to an empty state before use; any change to the style file, locale or bibliography makes a new one.
 */
let last: { key: string; engine: Engine; styleXml: string } | undefined;

function cachedEngine(options: { root: string; style: string; locale: string; items: ReadonlyMap<string, CslItem> }): { engine: Engine; styleXml: string; key: string } {
  const stylePath = resolveStyle(options.root, options.style);
  const styleXml = readFileSync(stylePath, 'utf8');
  const key = JSON.stringify([styleXml, options.locale, [...options.items.values()]]);
  if (last?.key === key) {
    last.engine.restoreProcessorState([]);
    return last;
  }
  if (!localeFile('en-US')) {
    throw new EnvironmentError(`No CSL locale files under ${CSL_DIR}/locales (need locales-en-US.xml). Install them with \`${INSTALL}\`.`);
  }
  const items = new Map(options.items);
  const sys = {
    retrieveLocale: (lang: string) => {
      const f = localeFile(lang);
      return f ? readFileSync(f, 'utf8') : false;
    },
    retrieveItem: (id: string) => items.get(id),
  };
  const engine = new (CSL as unknown as { Engine: new (...a: unknown[]) => Engine }).Engine(sys, styleXml, options.locale, true);
  engine.setOutputFormat('html');
  last = { key, engine, styleXml };
  return last;
}

/**
 * The formatted clusters and bibliography of the last build, keyed by everything they depend on (engine, the
 * registered items, every cluster in order). Editing prose changes none of that, so a live-preview rebuild
 * reuses them instead of running citeproc again.
 */
let lastRun: { key: string; results: Map<string, string>; bibliography: [string, string][] } | undefined;

export class CitationEngine {
  readonly isNoteStyle: boolean;
  /** The locale puts a following period or comma inside closing quotes (en-US). */
  readonly punctuationInQuote: boolean;
  #engine: Engine;
  #engineKey: string;
  #items: ReadonlyMap<string, CslItem>;
  #registered: string[] = [];
  /** Clusters in book order; formatted all at once, on first read (see `#format`). */
  #calls: { id: string; items: CiteItem[]; noteIndex: number }[] = [];
  #formatted: { results: Map<string, string>; bibliography: [string, string][] } | undefined;
  /**
   * Citations that are the last (or first) citation of some item: all citeproc needs to place the next
   * one (first/subsequent, ibid, near-note). Passing every earlier citation instead is quadratic.
   */
  #live: { id: string; noteIndex: number; items: string[] }[] = [];
  #first = new Map<string, string>();
  #last = new Map<string, string>();
  /** Only styles that print "see n. 3" need each item's first citation kept. */
  #keepFirst: boolean;

  constructor(options: { root: string; style: string; locale: string; items: ReadonlyMap<string, CslItem> }) {
    const { engine, styleXml, key } = cachedEngine(options);
    this.#engine = engine;
    this.#engineKey = key;
    this.#items = options.items;
    this.isNoteStyle = this.#engine.opt.xclass === 'note';
    const lang = (this.#engine.opt as { lang?: string }).lang ?? options.locale;
    this.punctuationInQuote = this.#engine.locale[lang]?.opts['punctuation-in-quote'] === true;
    this.#keepFirst = styleXml.includes('first-reference-note-number');
  }

  /**
   * Register every cited item up front (in first-cite order), so earlier citations never change later;
   * `uncited` (book.yaml's `nocite`) join the bibliography without being cited.
   */
  register(ids: string[], uncited: string[] = []): void {
    this.#registered = [...ids, '|', ...uncited];
    this.#engine.updateItems(ids);
    this.#engine.updateUncitedItems(uncited.filter((id) => !ids.includes(id)));
  }

  /**
   * The next cluster in book order; `noteIndex` is its note number (0 in running text).
   * Returns an id for `html()`: read the HTML after the last `cite()`, as citeproc may revise earlier clusters.
   */
  cite(items: CiteItem[], noteIndex: number): string {
    if (this.#formatted) throw new Error('cite() after html(): every cluster must be given before any is read');
    const id = `c${this.#calls.length + 1}`;
    this.#calls.push({ id, items, noteIndex });
    return id;
  }

  /** The formatted citation; '' when it rightly prints nothing (`[-@key]` in a style that shows only authors). */
  html(citationId: string): string | undefined {
    return this.#format().results.get(citationId);
  }

  /** Author name(s) only, for narrative citations; does not count as a citation. */
  authorOnly(items: CiteItem[]): string {
    const html = this.#engine.makeCitationCluster(items.map((i) => ({ id: i.id, 'author-only': true })));
    // Numeric and some note styles have no author-only form: name the authors (or the title) ourselves.
    return html.includes(NO_PRINTED_FORM) ? items.map((i) => namesOf(this.#items.get(i.id))).join('; ') : html;
  }

  /** The bibliography of cited works in the style's order: [key, html] pairs. */
  bibliography(): [string, string][] {
    return this.#format().bibliography;
  }

  #format(): { results: Map<string, string>; bibliography: [string, string][] } {
    if (this.#formatted) return this.#formatted;
    const key = JSON.stringify([this.#engineKey, this.#registered, this.#calls.map((c) => [c.items, c.noteIndex])]);
    if (lastRun?.key === key) return (this.#formatted = lastRun);
    const results = new Map<string, string>();
    for (const { id, items, noteIndex } of this.#calls) {
      const pre = this.#live.map((c): [string, number] => [c.id, c.noteIndex]);
      const citation = { citationID: id, citationItems: items, properties: { noteIndex } };
      const [, updates] = this.#engine.processCitationCluster(citation, pre, [], ASSUME_ALL);
      const ids = [...pre.map((p) => p[0]), id];
      for (const [index, html] of updates) results.set(ids[index], html);
      this.#remember(id, noteIndex, items.map((i) => i.id));
    }
    for (const { id, items } of this.#calls) {
      const html = results.get(id);
      if (html?.includes(NO_PRINTED_FORM)) results.set(id, this.#printable(html, items));
    }
    const made = this.#engine.makeBibliography();
    const bibliography: [string, string][] = made ? made[1].map((html, i) => [String(made[0].entry_ids[i][0]), html]) : [];
    lastRun = { key, results, bibliography };
    return (this.#formatted = lastRun);
  }

  /**
   * A citation that printed nothing: a note must still say something, so it names the work without
   * suppressing the author; in running text the citation is simply left out.
   */
  #printable(html: string, items: CiteItem[]): string {
    if (this.isNoteStyle) {
      const again = this.#engine.makeCitationCluster(items.map(({ 'suppress-author': _, ...item }) => ({ ...item, position: 1 })));
      if (!again.includes(NO_PRINTED_FORM)) return again;
    }
    const rest = html.split(NO_PRINTED_FORM).join('');
    return /[\p{L}\p{N}]/u.test(rest.replace(/<[^>]*>/g, '')) ? rest : '';
  }

  #remember(id: string, noteIndex: number, items: string[]): void {
    const record = { id, noteIndex, items };
    for (const item of items) {
      if (!this.#first.has(item)) this.#first.set(item, id);
      this.#last.set(item, id);
    }
    this.#live.push(record);
    // Drop citations that are no longer the first or the last of any of their items.
    if (this.#live.length > (this.#keepFirst ? 2 : 1) * this.#first.size + 64) {
      this.#live = this.#live.filter((c) => c.items.some((i) => (this.#keepFirst && this.#first.get(i) === c.id) || this.#last.get(i) === c.id));
    }
  }
}

/** `Orwell`, `Orwell and Bennett`, `Orwell et al.`; else the editors; else the title. */
function namesOf(item: CslItem | undefined): string {
  if (!item) return '';
  for (const field of ['author', 'editor', 'translator']) {
    const names = item[field];
    if (!Array.isArray(names) || names.length === 0) continue;
    const name = (n: Record<string, unknown>) => String(n.family ?? n.literal ?? n.given ?? '');
    const escaped = names.map((n) => escapeHtml(name(n as Record<string, unknown>)));
    return escaped.length === 1 ? escaped[0] : escaped.length === 2 ? `${escaped[0]} and ${escaped[1]}` : `${escaped[0]} et al.`;
  }
  return typeof item.title === 'string' ? `<i>${escapeHtml(item.title)}</i>` : escapeHtml(item.id);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&#38;').replace(/</g, '&#60;').replace(/>/g, '&#62;');
}

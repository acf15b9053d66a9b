// The one model in the middle. Loading produces a Book; transforms change it; renderers read it.
import type { ElementContent, Root } from 'hast';
import type { Kind } from './kinds.ts';

/** book.yaml after validation and defaults (see src/book/schema.ts and the README's table of keys). */
export interface BookConfig {
  title: string;
  subtitle?: string;
  creators: Creator[];
  /** BCP 47, e.g. `en-GB`. */
  language: string;
  /** Stable identifier: `urn:isbn:…` when an ISBN is given, else the book.yaml `identifier` (a `urn:uuid:…`). */
  identifier: string;
  isbn?: string;
  /** The ISBN as book.yaml writes it (hyphens kept): printed above the barcode. */
  isbnPrinted?: string;
  /** Publication date, ISO `YYYY-MM-DD`. Also the source of every timestamp in the outputs (unless SOURCE_DATE_EPOCH). */
  date: string;
  publisher?: string;
  rights: string;
  description?: string;
  subjects: string[];
  edition?: string;
  /** Chapter files, relative to the manuscript folder, in reading order. */
  chapters: string[];
  /**
   * Bibliography files (CSL-YAML, CSL-JSON, BibTeX/BibLaTeX), relative to the manuscript folder, merged in
   * order (the first definition of a key wins). book.yaml may give one path or a list.
   */
  bibliography?: string[];
  /** CSL items written in book.yaml itself (`references:`), as parsed; checked when the bibliography loads. */
  references?: Record<string, unknown>[];
  /** Keys put in the bibliography without being cited; `*` stands for every entry (pandoc's `nocite: "@*"`). */
  nocite?: string[];
  /**
   * Author-date citations link to their bibliography entry (pandoc's `link-citations`). Default false.
   * The Markdown stage marks each citation with `data-cites` (its keys); a renderer makes the link.
   */
  linkCitations?: boolean;
  /** A Debian CSL style name (`chicago-fullnote-bibliography`) or a `.csl` file in the manuscript. */
  citationStyle: string;
  citationLocale: string;
  /** Where the EPUB places notes: at the end of each chapter, or at the end of the book. */
  notes: 'chapter' | 'book';
  /** Levels in the printed contents: 1 lists the files (parts, chapters ...), 2 adds their `##` sections ... (book.yaml `toc-depth`, default 1). The EPUB nav lists every level. */
  tocDepth?: number;
  /** Figures and tables numbered per chapter (`Figure 3.2`), and `[](#fig-x){.ref}` prints the number (book.yaml `number-figures`). */
  numberFigures?: boolean;
  cover?: string;
  accessibility: AccessibilityConfig;
  print: PrintConfig;
  /**
   * The design chosen in book.yaml (`design:`, a folder of styles/designs/), its settings the design's
   * defaults overlaid with the author's (src/render/design/settings.ts). Absent: the look of styles/ alone.
   */
  design?: { name: string; settings: Record<string, string | number | boolean> };
  /** The editions one build makes (book.yaml `editions:`); absent: the one book as configured above. */
  editions?: Edition[];
}

/** One edition (book.yaml `editions:`): what differs from the book; src/editions/edition-book.ts applies it. */
export interface Edition {
  /** Names its outputs: `<slug>-<name>.pdf` … */
  name: string;
  kind: 'paperback' | 'hardcover' | 'large-print' | 'ebook';
  /** 13 digits, no hyphens; `isbnPrinted` as written. */
  isbn?: string;
  isbnPrinted?: string;
  trim?: PrintConfig['trim'];
  paper?: PrintConfig['paper'];
  bleed?: boolean;
  bodySize?: number;
  price?: PrintConfig['price'];
}

export interface Creator {
  name: string;
  /** Sort form, e.g. `Orwell, George`. */
  fileAs?: string;
  /** MARC relator: `aut`, `edt`, `trl`, `ill` ... */
  role: string;
}

export interface AccessibilityConfig {
  accessModes: string[];
  accessModeSufficient: string[];
  features: string[];
  hazards: string[];
  summary?: string;
}

export interface PrintConfig {
  /** Trim size in inches. */
  trim: { width: number; height: number; name: string };
  paper: 'white' | 'cream';
  bleed: boolean;
  cropMarks: boolean;
  font: string;
  /**
   * Where print sets the notes (book.yaml `print.notes`): at the foot of the call's page (default), after
   * each chapter's text, or in a Notes section in the back matter. Absent means `footnotes`.
   */
  notes?: PrintNotes;
  /** Margins of the chosen design (`design.margins`): `narrow` gives a wider measure. Absent means `normal`. */
  margins?: 'narrow' | 'normal' | 'wide';
  /** How the book is bound (an edition's kind): the wrap cover's geometry follows it. Absent means `paperback`. */
  binding?: 'paperback' | 'hardcover';
  /** The list price printed in the barcode's EAN-5 add-on (`90000` when absent). */
  price?: { amount: number; currency: 'GBP' | 'AUD' | 'NZD' | 'USD' | 'CAD' };
  /** Body type size in points for this edition (a large-print edition's 16 pt), over the design's `body-size`. */
  bodySize?: number;
  /**
   * What lays the PDF out into pages (book.yaml `print.paginator`): the measuring paginator in Chromium
   * (src/render/pdf/paginator/), or Paged.js. Absent: the measuring paginator, unless the book uses what it cannot
   * set yet (paginator/unsupported.ts), then Paged.js.
   */
  paginator?: 'pagedjs' | 'chromium';
}

export type PrintNotes = 'footnotes' | 'chapter-endnotes' | 'book-endnotes';

/** A position in a source file, 1-based. */
export interface SourcePoint {
  line: number;
  column: number;
}

export interface Section {
  /** `id` of the heading element in `Chapter.content`. */
  id: string;
  title: string;
  /** 2 for `##`, 3 for `###` ... */
  depth: number;
  /** False when the heading has `.unlisted`: kept out of every contents. */
  listed: boolean;
}

/** One note: the author's own `[^label]` or a citation turned into a footnote. Numbered in one sequence per book. */
export interface Note {
  /** Unique in the book: `n1`, `n2` ... (used for ids in every output). */
  id: string;
  /** The number printed at the call and before the note. */
  number: number;
  kind: 'author' | 'citation';
  /** Block content (paragraphs) of the note, as hast. */
  content: ElementContent[];
  /** Where the call is in the chapter's Markdown. */
  position?: SourcePoint;
}

export interface Chapter {
  /** Stable, from the file name: `ch-01-the-zinoviev-letter`. */
  id: string;
  /** Relative to the manuscript folder: `chapters/01-the-zinoviev-letter.md`. */
  file: string;
  /** Plain text of the chapter's `#` heading (or its front matter `title:`). */
  title: string;
  /**
   * What kind of page this file is (see src/book/kinds.ts): from `type:` in its front matter or
   * `{epub:type=…}` on its `#` heading; `chapter` by default. A `part` opens a part: the files after it,
   * up to the next part or the back matter, belong to it.
   */
  kind: Kind;
  /** Listed in the contents: the kind's default, or false when the heading has `.unlisted`. */
  listed: boolean;
  /** The heading has `.unnumbered` (pandoc): no chapter number where the design numbers chapters. */
  unnumbered: boolean;
  /** Classes on the `#` heading (pandoc attributes), e.g. `['unnumbered']`. */
  classes: string[];
  /** Front matter of the chapter file (YAML at its top), as parsed; `{}` when there is none. */
  meta: Record<string, unknown>;
  /**
   * The chapter body as hast, starting with its `<h1>`. Elements carry `position` from the Markdown.
   * A note call is an element `<bp-noteref data-note="n3">` (see NOTE_REF_TAG); each renderer turns
   * it into its own markup (EPUB popup link, print float). Section breaks are `<hr class="section-break">`.
   */
  content: Root;
  sections: Section[];
  /** The notes called in this chapter, in call order. */
  notes: Note[];
  /** Index marks (`[term]{.index}`, `::: {.index term=…}`) in reading order (see src/markdown/syntax/index-term/). */
  indexMarks?: IndexMark[];
}

/** One place the author marked for the back-of-book index, or one cross-reference between entries. */
export interface IndexMark {
  /** The entry's levels, main heading first: `Labour Party!General Secretary` → `['Labour Party', 'General Secretary']`. */
  term: string[];
  /** Sort key per level (`sort=`); an empty string sorts the level by its own text. */
  sort: string[];
  /** The anchor's id in Chapter.content; a locator points at it. Absent on a cross-reference mark (`see=`). */
  id?: string;
  /** A passage (`::: {.index term=…}`): the id of the anchor at its end (the locator is a page range). */
  endId?: string;
  /** `see=` targets (each as levels): the entry sends the reader there and has no pages of its own. */
  see: string[][];
  /** `see-also=` targets (each as levels). */
  seeAlso: string[][];
  position?: SourcePoint;
}

export interface BibliographyEntry {
  /** Citation key from the CSL-YAML. */
  key: string;
  /** The formatted entry as hast (inline content of one paragraph). */
  content: ElementContent[];
}

export interface Image {
  /** As written in the Markdown, relative to the manuscript folder after resolution: `images/map.png`. */
  path: string;
  /** Absolute path on disk. */
  absolutePath: string;
  mediaType: string;
  width?: number;
  height?: number;
}

export interface Book {
  /** Absolute path of the manuscript folder. */
  root: string;
  config: BookConfig;
  chapters: Chapter[];
  /** Entries cited in the book, sorted as the style prescribes; empty when nothing is cited. */
  bibliography: BibliographyEntry[];
  /**
   * The chapter whose `::: {#refs}` div holds the bibliography (filled in by the Markdown stage); when set,
   * no renderer adds a bibliography page of its own.
   */
  bibliographyIn?: string;
  images: Image[];
  /** The chapter id that holds each element id: a renderer that splits the book into files resolves `#id` with it. */
  anchors: Map<string, string>;
  /** Seconds since the epoch for every timestamp in the outputs (SOURCE_DATE_EPOCH, else config.date). */
  epoch: number;
}

export const NOTE_REF_TAG = 'bp-noteref';

/** The id of a bibliography entry in every output (`bib-smith2004`), safe for XML ids and fragments. */
export function bibliographyId(key: string): string {
  return `bib-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** The chapter id `Book.anchors` gives for entries on the generated bibliography page. */
export const BIBLIOGRAPHY_PAGE = 'bibliography';

/** A short file-system-safe name for the outputs: `the-zinoviev-letter`. */
export function bookSlug(config: Pick<BookConfig, 'title'>): string {
  return (
    config.title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      // File names stay short (a 250-character title made a name the file system refuses): 60 characters, whole words.
      .replace(/^(?=.{61})(.{1,60})-.*$/, '$1')
      .slice(0, 60) || 'book'
  );
}

// Where the print edition's pages begin, as places in the chapters' text, so the EPUB of the same build can
// carry the print page numbers (a page-list and doc-pagebreak markers). A place is counted, not pointed at:
// the number of letters and digits from the start of the chapter's text, leaving out the notes and the
// note calls. Print and EPUB both come from the same `Chapter.content`, so the count finds the same letter
// in both (src/render/pdf/page-starts.ts counts in the laid-out pages, src/render/epub/page-breaks.ts in
// the EPUB chapter).

export interface PrintPage {
  /** The page number as printed (`12`, `iv`): the page-list's label and the marker's name. */
  label: string;
  /** 1-based page of the PDF. */
  physical: number;
  /**
   * The chapter whose text the page opens with; for a generated page the EPUB has too, `bibliography`,
   * `index`, `half-title`, `title-page`, `copyright-page` or `contents`; `notes` for a page that begins in
   * the endnotes (see `note`).
   */
  chapterId: string;
  /** Letters and digits of that chapter's text before the page's first one; on a contents page, of `entry`'s. */
  offset: number;
  /**
   * A contents page that begins in an entry: the id the entry links to (the EPUB's nav lists more than the
   * printed contents, and without folios, so its pages are found by entry, not by count).
   */
  entry?: string;
  /**
   * The letters and digits of the page's first line (at most 40): where the EPUB lays a page out
   * differently (title and copyright pages), the page begins where these do.
   */
  words?: string;
  /**
   * A page that begins in the notes set as endnotes (`chapterId` is `notes`): the id of the note it begins
   * in, `offset` counting that note's letters and digits, its number first (the EPUB sets the note by its
   * own `notes:` setting, so the page is found in the note, wherever it is). `opens`: the page begins with
   * the heading of the Notes section (`notes`) or of a chapter's notes (`group`) before the note, at 0.
   */
  note?: string;
  opens?: 'notes' | 'group';
}

/** What the EPUB can take from the PDF laid out in the same build. */
export interface PrintLayout {
  /** Every page whose text belongs to a chapter file, in page order. */
  pages: PrintPage[];
  /** The folio of the page each element with an id was laid out on (index locators). */
  folios: ReadonlyMap<string, number>;
}

/** A character that counts: a letter or a digit, in any script. */
export const COUNTED = /[\p{L}\p{N}]/u;

export function countedIn(text: string): number {
  let n = 0;
  for (const ch of text) if (COUNTED.test(ch)) n++;
  return n;
}

export function lowerRoman(n: number): string {
  const table: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [value, letters] of table) for (; n >= value; n -= value) out += letters;
  return out;
}

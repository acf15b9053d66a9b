// Running heads and folios for the measuring paginator: one named page per page (`@page bp-<n>`) with its
// head and folio as literal text, so Chromium's own margin boxes print them (styled by the book's CSS, whose
// `@page` rules give their font and place). The rules are those styles/print/book.css gives Paged.js:
// no head on an opening page or a display page, the book title on the left and the section's title on the
// right (back matter: its own title on both sides), roman folios before the first chapter, arabic from 1 on it,
// nothing on blank pages.
import { lowerRoman } from '../../../book/print-pages.ts';
import { cssString } from '../../html/page-css.ts';
import type { BuiltPage, FlowFacts } from './build-pages.ts';

export interface Furniture {
  css: string;
  /** The folio of each page, printed or not (`iv`, `12`). */
  labels: string[];
  /** Physical 0-based index of the page that is folio 1 (-1: none). */
  arabicFrom: number;
  /** What each page prints in its head and foot (undefined: nothing), read back from the PDF (print-check.ts). */
  heads: Array<string | undefined>;
  folios: Array<string | undefined>;
}

/**
 * `runningHeads`: a design's setting; `chapter-and-section` puts the chapter's title on the left and the
 * current section's on the right of a chapter's pages (src/render/design/settings.ts RUNNING_HEADS_SECTIONS).
 */
export function furniture(pages: BuiltPage[], flows: FlowFacts[], bookTitle: string, runningHeads: string = 'book-and-chapter'): Furniture {
  const arabicFrom = pages.findIndex((p) => !p.blank && p.opening && flows[p.flow]?.firstChapter);
  const labels = pages.map((_, i) => (arabicFrom >= 0 && i >= arabicFrom ? String(i - arabicFrom + 1) : lowerRoman(i + 1)));
  const heads: Array<string | undefined> = [];
  const folios: Array<string | undefined> = [];
  const rules = pages.map((page, i) => {
    const flow = flows[page.flow];
    const kind = page.blank || !flow ? 'blank' : flow.page;
    const left = i % 2 === 1;
    let head: string | undefined;
    let folio: string | undefined = labels[i];
    if (kind === 'blank' || kind === 'title' || kind === 'display') folio = undefined;
    else if (kind === 'front' || kind === 'part' || page.opening) head = undefined;
    else if (kind === 'back') head = flow!.title;
    else if (runningHeads === 'chapter-and-section' && kind === 'chapter') head = left ? flow!.title : page.section || flow!.title;
    else head = left ? bookTitle : flow!.title;
    heads.push(head || undefined);
    folios.push(folio || undefined);
    const content = (s: string | undefined) => (s ? cssString(s) : 'none');
    return `@page bp-${i} { @top-center { content: ${content(head)}; } @bottom-center { content: ${content(folio)}; } }`;
  });
  return { css: rules.join('\n'), labels, arabicFrom, heads, folios };
}

/** The page boxes' own rules (before the per-page ones). */
export const PAGE_BOX_CSS = `
.bp-page { width: var(--text-width); height: var(--text-height); display: flow-root; margin: 0; padding: 0; }
.bp-page + .bp-page { break-before: page; }
.bp-page .pagedjs_area { height: 100%; display: flex; flex-direction: column; }
.bp-page .pagedjs_page_content { flex: 1 1 auto; min-height: 0; display: flow-root; }
/* The note area at the foot of the text block (book.css's @footnote rule, which Chromium does not read). */
.pagedjs_footnote_area { flex: none; display: flow-root; border-top: 0.5pt solid #000; margin-top: 9pt; padding-top: 5pt; }
.pagedjs_footnote_area .footnote { display: block; }
.bp-page * { break-before: auto !important; break-after: auto !important; page: auto !important; }
.bp-cont { margin-top: 0 !important; padding-top: 0 !important; border-top-width: 0 !important; text-indent: 0 !important; }
li.bp-cont { list-style-type: none; }
li.bp-cont::marker { content: none; }
/* The rest of a paragraph cut over a page has no initial or opening line of its own (a design's drop caps,
   small capitals on the opening line): its lines break as they were measured. */
.bp-cont::first-line { font-variant-caps: inherit !important; letter-spacing: inherit !important; font-size: inherit !important; }
.bp-cont::first-letter { float: none !important; font-size: inherit !important; line-height: inherit !important; margin: 0 !important; padding: 0 !important; font-weight: inherit !important; font-style: inherit !important; }
.bp-top { margin-top: 0 !important; }
/* A paragraph whose initial rises above its first line (measure.ts), at the top of a page: lowered by as much. */
.bp-top.bp-rise { padding-top: var(--bp-rise) !important; }
.bp-end { margin-bottom: 0 !important; }
.contents a::after { content: attr(data-folio); }
`;

// The print edition's page breaks in an EPUB chapter: a `doc-pagebreak` marker where each printed page
// begins, found by counting letters and digits as the print layout did (src/book/print-pages.ts), and the
// page-list entries that link to them.
import type { Element, ElementContent } from 'hast';
import { COUNTED, countedIn, type PrintPage } from '../../book/print-pages.ts';
import { el, serialize, text } from './hast.ts';
import type { TocItem } from './navigation.ts';

export interface PageListEntry {
  label: string;
  href: string;
}

export const pageBreakId = (label: string) => `page-${label}`;

/** `<span epub:type="pagebreak" role="doc-pagebreak" id="page-12" aria-label="12"/>` */
function marker(label: string): Element {
  return el('span', { 'epub:type': 'pagebreak', role: 'doc-pagebreak', id: pageBreakId(label), ariaLabel: label });
}

/** Print-only or EPUB-only text at this element: left out of the count (note calls; a display page's hidden heading). */
function leftOut(node: Element): boolean {
  const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
  return classes.includes('noteref') || classes.includes('hidden-heading');
}

/** Parents where a marker may stand between blocks (they take flow content). */
const FLOW = new Set(['section', 'div', 'blockquote', 'aside', 'figure', 'li', 'dd', 'td', 'th', 'article', 'header', 'footer', 'main']);

function counted(node: ElementContent): number {
  return countedLetters(node).length;
}

/** The letters and digits of `node` as the page breaks count them (note calls and hidden headings left out). */
function countedLetters(node: ElementContent): string {
  if (node.type === 'text') return [...node.value].filter((ch) => COUNTED.test(ch)).join('');
  if (node.type !== 'element' || leftOut(node)) return '';
  return node.children.map(countedLetters).join('');
}

/**
 * Puts a marker for each of `pages` (this chapter's, in order) into `section`, the chapter's `<section>` as
 * the EPUB sets it, before the letter the page begins with (and any punctuation that opens the word); a page
 * that begins a block (a heading, a paragraph) gets its marker before the block. Returns the pages placed.
 * Text nodes are shared with the Book: they are replaced, never changed.
 */
export function insertPageBreaks(section: Element, pages: readonly PrintPage[]): PrintPage[] {
  const pending = [...pages].sort((a, b) => a.offset - b.offset);
  const placed: PrintPage[] = [];
  let count = 0;
  const walk = (parent: Element): void => {
    const out: ElementContent[] = [];
    for (const child of parent.children) {
      if (child.type === 'element') {
        // Between blocks, a page that begins here gets its marker before the block (a hidden heading too).
        const inside = FLOW.has(parent.tagName) ? (leftOut(child) ? 1 : counted(child)) : 0;
        while (inside > 0 && pending[0]?.offset === count) {
          const page = pending.shift()!;
          out.push(marker(page.label));
          placed.push(page);
        }
        if (!leftOut(child)) walk(child);
        out.push(child);
        continue;
      }
      if (child.type !== 'text' || pending.length === 0) {
        if (child.type === 'text') count += countedIn(child.value);
        out.push(child);
        continue;
      }
      // Split the text before each letter a page begins with.
      const chars = [...child.value];
      let from = 0;
      chars.forEach((ch, i) => {
        if (!COUNTED.test(ch)) return;
        if (pending[0]?.offset === count) {
          let at = i;
          while (at > from && !/\s/u.test(chars[at - 1]!) && !COUNTED.test(chars[at - 1]!)) at--;
          if (at > from) out.push(text(chars.slice(from, at).join('')));
          from = at;
          while (pending[0]?.offset === count) {
            const page = pending.shift()!;
            out.push(marker(page.label));
            placed.push(page);
          }
        }
        count++;
      });
      out.push(from === 0 ? child : text(chars.slice(from).join('')));
    }
    parent.children = out;
  };
  walk(section);
  return placed;
}

/**
 * For pages the EPUB lays out differently from print (the title and copyright pages): each page begins
 * where the letters of its first line are found in `section`, searching on from the page before. The first
 * page, if its words are not there, begins at the start; a later one is left out. Returns the pages with
 * their places in the EPUB's text, for insertPageBreaks.
 */
export function placeByWords(section: Element, pages: readonly PrintPage[]): PrintPage[] {
  const letters = countedLetters(section);
  const out: PrintPage[] = [];
  let from = 0;
  for (const page of [...pages].sort((a, b) => a.physical - b.physical)) {
    const at = page.words ? letters.indexOf(page.words, from) : -1;
    if (at >= 0) out.push({ ...page, offset: (from = at) });
    else if (out.length === 0) out.push({ ...page, offset: 0 });
  }
  return out;
}

/**
 * The printed contents' pages in the nav's contents (`toc`, which lists every listed section where print
 * stops at toc-depth): a page that begins in an entry gets its marker inside that entry's link, before the
 * letter it begins with (a nav list item holds only its link and sub-list); a page that begins with the
 * heading, before the nav (`before`). Sets `markup` on the entries marked. A page whose entry the nav does
 * not have is not placed.
 */
export function contentsPageBreaks(toc: TocItem[], pages: readonly PrintPage[]): { before: string; placed: PrintPage[] } {
  const byTarget = new Map<string, TocItem>();
  const visit = (items: TocItem[]) => items.forEach((i) => (byTarget.set(i.target, i), visit(i.children)));
  visit(toc);
  const placed: PrintPage[] = [];
  const before: Element[] = [];
  const inEntry = new Map<TocItem, PrintPage[]>();
  for (const page of pages) {
    const item = page.entry === undefined ? undefined : byTarget.get(page.entry);
    if (page.entry === undefined) {
      before.push(marker(page.label));
      placed.push(page);
    } else if (item) inEntry.set(item, [...(inEntry.get(item) ?? []), page]);
  }
  for (const [item, marks] of inEntry) {
    const link = el('a', {}, [text(item.title)]);
    placed.push(...insertPageBreaks(link, marks));
    item.markup = serialize(link.children);
  }
  return { before: serialize(before), placed };
}

/** The elements from `root` down to the one with `id` (root first), or undefined. */
function pathTo(root: Element, id: string): Element[] | undefined {
  if (root.properties.id === id) return [root];
  for (const child of root.children) {
    if (child.type !== 'element') continue;
    const found = pathTo(child, id);
    if (found) return [root, ...found];
  }
  return undefined;
}

const HEADING = /^h[1-6]$/;

/**
 * The pages that begin in endnotes (`page.note`), in `container` — a chapter's footnote asides, or the
 * endnotes section — where the EPUB sets the note: each before the letter it begins with, counted in the
 * note (its number first, as print counts it). A page that begins with a heading of the printed notes
 * (`opens`) gets its marker before the headings the EPUB sets before that note too (a Notes document's
 * title, a chapter's group title), else at the start of the note. Notes are copied before they are marked
 * (their content is the Book's). Returns the pages placed; a page whose note is not in `container` is not.
 */
export function notePageBreaks(container: Element, pages: readonly PrintPage[]): PrintPage[] {
  const byNote = new Map<string, PrintPage[]>();
  for (const p of pages) if (p.note) byNote.set(p.note, [...(byNote.get(p.note) ?? []), p]);
  const placed: PrintPage[] = [];
  for (const [id, marks] of byNote) {
    const path = pathTo(container, id);
    if (!path || path.length < 2) continue;
    const inNote: PrintPage[] = [];
    for (const page of marks) {
      // Climb over the headings before the note, as many levels as print has (the section's, a group's).
      let before: Element | undefined;
      let crossed = 0;
      const wanted = page.opens === 'notes' ? 2 : page.opens === 'group' ? 1 : 0;
      for (let i = path.length - 1; i > 0 && crossed < wanted && page.offset === 0; i--) {
        const parent = path[i - 1]!;
        const earlier = parent.children.slice(0, parent.children.indexOf(path[i]!)).filter((n) => n.type === 'element' || (n.type === 'text' && n.value.trim() !== ''));
        if (!earlier.every((n) => n.type === 'element' && HEADING.test(n.tagName))) break;
        if (earlier.length > 0) (before = parent), crossed++;
      }
      if (before) {
        before.children = [marker(page.label), ...before.children];
        placed.push(page);
      } else inNote.push(page);
    }
    if (inNote.length === 0) continue;
    const [parent, note] = path.slice(-2) as [Element, Element];
    const copy = structuredClone(note);
    parent.children = parent.children.map((c) => (c === note ? copy : c));
    placed.push(...insertPageBreaks(copy, inNote));
  }
  return placed;
}

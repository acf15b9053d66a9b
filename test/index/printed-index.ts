// Reading a printed index back (poppler, page by page): the lines of a page, its folio, the index's text
// column by column, and the check that every number the index prints is the folio of a page where the marked
// words really are. Shared by the index tests (Paged.js) and the measuring paginator's (test/print/paginator).
import assert from 'node:assert/strict';
import type { Element, Root, RootContent } from 'hast';
import { bookIndex, type IndexEntry } from '../../src/book/book-index.ts';
import type { Book } from '../../src/book/model.ts';
import { COUNTED } from '../../src/book/print-pages.ts';
import { baselines as lines, arabicFolio as folioOf, type PageText } from '../print/read-back.ts';

export const letters = (s: string) => [...s.normalize('NFKC')].filter((ch) => COUNTED.test(ch)).join('');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The words right after a mark's anchor in the chapter (an empty span: the words it stands before). */
export function wordsAfter(root: Root, id: string): string {
  let found = false;
  let out = '';
  const visit = (n: Root | RootContent): void => {
    if (out.split(/\s+/).filter(Boolean).length >= 3) return;
    if (n.type === 'element' && (n as Element).properties?.id === id) found = true;
    if (n.type === 'element' && (n as Element).tagName === 'bp-note-ref') return;
    if (found && n.type === 'text') out += n.value;
    if ('children' in n) for (const c of n.children) visit(c);
  };
  visit(root);
  return out.replace(/\u00ad/g, '').trim().split(/\s+/).slice(0, 2).join(' ');
}

/** Marked words by entry path (`Labour Party!peers`). */
export function markedWords(book: Book): Map<string, string[]> {
  const words = new Map<string, string[]>();
  for (const chapter of book.chapters) {
    for (const mark of chapter.indexMarks ?? []) {
      if (!mark.id) continue;
      const key = mark.term.join('!');
      words.set(key, [...(words.get(key) ?? []), wordsAfter(chapter.content, mark.id)]);
    }
  }
  return words;
}

export { baselines as lines, arabicFolio as folioOf } from '../print/read-back.ts';

/** A page's text in two columns, the left one first. */
export function columnText(p: PageText): string {
  const middle = p.width / 2;
  const column = (left: boolean) => lines({ ...p, words: p.words.filter((w) => (w.x0 < middle) === left) }).map((l) => l.text);
  return [...column(true), ...column(false)].join('\n');
}

/** Every entry of the book's index, sub-entries after their entry. */
export function indexEntries(book: Book): IndexEntry[] {
  const all: IndexEntry[] = [];
  const visit = (e: IndexEntry) => {
    all.push(e);
    e.children.forEach(visit);
  };
  for (const g of bookIndex(book.chapters, book.config.language)) g.entries.forEach(visit);
  return all;
}

/**
 * Every number (or range `6–7`, `112–15`) the printed index gives for an entry is the folio of a page where
 * one of its marked words is (its first word on that page, the rest where the page turns). `pdfText`: the
 * pdftotext of each page, 1-based. Returns how many numbers were checked.
 */
export function assertIndexLocators(book: Book, pages: PageText[], pdfText: string[]): number {
  const words = markedWords(book);
  const first = pages.findIndex((p) => lines(p)[0]?.text === 'Index');
  assert.ok(first > 0, 'a page opens with the heading "Index"');
  const text = pages.slice(first).map(columnText).join('\n').replace(/,\n(?=\d)/g, ', ').replace(/-\n/g, '');
  const byFolio = new Map(pages.map((p) => [folioOf(p), p.number] as const));
  let checked = 0;
  for (const e of indexEntries(book)) {
    if (e.locators.length === 0) continue;
    // A long term may turn over onto the next line of its column.
    const m = new RegExp(`(?:^|\\n)\\s*${e.term.split(' ').map(escape).join('\\s+')}, ([\\d–, ]+)`).exec(text);
    assert.ok(m, `the printed index lists “${e.term}” with page numbers`);
    const marked = words.get(e.path.join('!')) ?? [];
    assert.ok(marked.length > 0 && marked.every((w) => letters(w)), `${e.term}: marked words`);
    for (const n of m[1]!.split(/,\s*/).map((s) => s.trim()).filter(Boolean)) {
      const [from, toShort] = n.split('–');
      const start = Number(from);
      const end = toShort ? Number(from!.slice(0, from!.length - toShort.length) + toShort) : start;
      for (let folio = start; folio <= end; folio++) assert.ok(byFolio.get(folio), `${e.term}: a page with folio ${folio}`);
      const physical = byFolio.get(start)!;
      const here = letters(pdfText[physical]!);
      const onward = here + letters(pdfText[physical + 1] ?? '');
      const firstWord = (w: string) => letters(w.split(' ')[0]!);
      assert.ok(marked.some((w) => here.includes(firstWord(w)) && onward.includes(letters(w))), `${e.term}, page ${n}: “${marked.join('” or “')}” is not on it`);
      checked++;
    }
  }
  return checked;
}

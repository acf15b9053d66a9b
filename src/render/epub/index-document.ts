// The back-of-book index as an EPUB document, with the semantics of EPUB Indexes 1.0: the section is
// `epub:type="index"` (role doc-index), each letter an `index-group`, each entry an `index-entry` with its
// `index-term`, its `index-locator` links to the exact anchor in the chapter's file, sub-entries in a nested
// `index-entry-list`, and "see" / "see also" as `index-xref-preferred` / `index-xref-related` links to the
// entries they name. A locator reads as the print folio when the PDF of the same build gave them (`folio`),
// else as the chapter's title (its second, third … place in the chapter as 2, 3 …).
import type { ElementContent } from 'hast';
import { bookIndex, entryId, pageRange, type IndexEntry, type IndexLocator } from '../../book/book-index.ts';
import { kindFacts } from '../../book/kinds.ts';
import type { Book } from '../../book/model.ts';
import { chapterFile } from './chapter.ts';
import { el, text } from './hast.ts';

export const INDEX_FILE = 'index.xhtml';

/** Print folios by anchor id, when the PDF was laid out in the same build. */
export type FolioOf = (id: string) => number | undefined;

export function indexDocument(book: Book, folioOf?: FolioOf): ElementContent[] {
  const groups = bookIndex(book.chapters, book.config.language);
  const files = new Map(book.chapters.map((c) => [c.id, { file: chapterFile(c), title: c.title }]));
  const label = kindFacts('index').label;

  const locators = (entry: IndexEntry): ElementContent[] => {
    const seen = new Map<string, number>();
    const out: ElementContent[] = [];
    for (const l of entry.locators) {
      const { file, title } = files.get(l.chapterId)!;
      out.push(text(', '), el('a', { 'epub:type': 'index-locator', href: `${file}#${l.id}` }, [text(locatorText(l, title, seen, folioOf))]));
    }
    return folioOf ? byFolio(entry, folioOf, files) : out;
  };
  const xref = (type: 'index-xref-preferred' | 'index-xref-related', words: string, targets: string[][]): ElementContent[] =>
    targets.length === 0 ? [] : [
      text('. '),
      el('span', { 'epub:type': type }, [
        el('i', {}, [text(words)]),
        text(' '),
        ...targets.flatMap((t, i) => [...(i > 0 ? [text('; ')] : []), el('a', { href: `#${entryId(t)}` }, [text(t.join(', '))])]),
      ]),
    ];
  const entry = (e: IndexEntry): ElementContent =>
    el('li', { 'epub:type': 'index-entry', id: entryId(e.path) }, [
      el('span', { 'epub:type': 'index-term' }, [text(e.term)]),
      ...locators(e),
      ...xref('index-xref-preferred', 'See', e.see),
      ...xref('index-xref-related', e.locators.length > 0 || e.children.length > 0 ? 'See also' : 'See', e.seeAlso),
      ...(e.children.length > 0 ? [el('ul', { 'epub:type': 'index-entry-list' }, e.children.map(entry))] : []),
    ]);
  return [
    el('section', { 'epub:type': 'index', role: 'doc-index', ariaLabelledBy: ['index-title'] }, [
      el('h1', { id: 'index-title' }, [text(label)]),
      ...groups.map((g, i) =>
        el('section', { 'epub:type': 'index-group', ariaLabelledBy: [`index-group-${i + 1}`] }, [
          el('h2', { id: `index-group-${i + 1}` }, [text(g.label)]),
          el('ul', { 'epub:type': 'index-entry-list' }, g.entries.map(entry)),
        ]),
      ),
    ]),
  ];
}

/**
 * Locators as print sets them (src/render/html/index-section.ts): by folio, in page order, a page once (a page
 * inside a range is not repeated), a place without a folio (front matter) left out.
 */
function byFolio(entry: IndexEntry, folioOf: FolioOf, files: Map<string, { file: string }>): ElementContent[] {
  const placed = entry.locators.flatMap((l) => {
    const from = folioOf(l.id);
    return from === undefined ? [] : [{ l, from, to: l.endId ? Math.max(from, folioOf(l.endId) ?? from) : from }];
  });
  placed.sort((a, b) => a.from - b.from || b.to - a.to);
  const kept = placed.filter((p, i) => !placed.slice(0, i).some((q) => q.from <= p.from && p.to <= q.to));
  return kept.flatMap(({ l, from, to }) => [
    text(', '),
    el('a', { 'epub:type': 'index-locator', href: `${files.get(l.chapterId)!.file}#${l.id}` }, [text(pageRange(from, to))]),
  ]);
}

function locatorText(l: IndexLocator, title: string, seen: Map<string, number>, folioOf?: FolioOf): string {
  const from = folioOf?.(l.id);
  if (from !== undefined) return l.endId ? pageRange(from, folioOf!(l.endId) ?? from) : String(from);
  const n = (seen.get(l.chapterId) ?? 0) + 1;
  seen.set(l.chapterId, n);
  return n === 1 ? title : String(n);
}

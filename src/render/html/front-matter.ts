// Front matter: half-title, title page, copyright page and contents (page numbers by target-counter), with
// the book's own front-matter files placed among them as the kinds table says (dedication before the
// contents, preface after it ...).
import type { Element } from 'hast';
import { kindFacts } from '../../book/kinds.ts';
import type { Book, Chapter } from '../../book/model.ts';
import { frontAt, listedOutline, outline, type OutlineNode } from '../../book/outline.ts';
import { BOOK_NOTES_ID } from './endnotes.ts';
import { h } from './h.ts';
import { hasIndex } from '../../book/book-index.ts';
import { INDEX_ID } from './index-section.ts';

const ROLE_LABEL: Record<string, string> = { edt: 'Edited by', trl: 'Translated by', ill: 'Illustrated by' };

/** `printed`: the print markup of a chapter file (see chapter.ts). */
export function frontMatter(book: Book, typefaces: string[], printed: (chapter: Chapter) => Element): Element[] {
  const c = book.config;
  const authors = c.creators.filter((p) => p.role === 'aut').map((p) => p.name);
  const others = c.creators.filter((p) => p.role !== 'aut' && ROLE_LABEL[p.role]);
  const year = c.date.slice(0, 4);
  const halfTitle = h('section', { className: ['half-title'] }, h('p', { className: ['half-title-text'] }, c.title));
  const titlePage = h(
    'section',
    { className: ['title-page'] },
    h('h1', { className: ['book-title'] }, c.title),
    c.subtitle && h('p', { className: ['book-subtitle'] }, c.subtitle),
    authors.length > 0 && h('p', { className: ['book-author'] }, authors.join(' and ')),
    others.map((p) => h('p', { className: ['book-contributor'] }, `${ROLE_LABEL[p.role]} ${p.name}`)),
    c.publisher && h('p', { className: ['book-publisher'] }, c.publisher),
  );
  // The ISBN as book.yaml writes it when it has the agency's hyphens (their places vary by registrant).
  const isbn = c.isbn ? `ISBN ${c.isbnPrinted?.includes('-') ? c.isbnPrinted : formatIsbn(c.isbn)}` : undefined;
  const copyright = h(
    'section',
    { className: ['copyright-page'] },
    h('p', {}, c.rights),
    c.publisher && h('p', {}, `Published ${year} by ${c.publisher}.`),
    c.edition && h('p', {}, c.edition),
    h('p', {}, isbn ?? `Identifier: ${c.identifier.replace(/^urn:uuid:/, '')}`),
    h('p', {}, `Set in ${typefaces.join(', ')}.`),
  );
  const entries = contentsEntries(listedOutline(outline(printOrder(book.chapters))), book.config.tocDepth ?? 1);
  if (book.config.print.notes === 'book-endnotes' && book.chapters.some((ch) => ch.notes.length > 0)) {
    entries.push(h('li', { className: ['toc-back', 'toc-notes'] }, h('a', { href: `#${BOOK_NOTES_ID}` }, h('span', { className: ['toc-title'] }, 'Notes'))));
  }
  if (book.bibliography.length > 0 && !book.bibliographyIn) {
    entries.push(
      h('li', { className: ['toc-back'] }, h('a', { href: '#bibliography' }, h('span', { className: ['toc-title'] }, 'Bibliography'))),
    );
  }
  if (hasIndex(book.chapters)) entries.push(h('li', { className: ['toc-back'] }, h('a', { href: `#${INDEX_ID}` }, h('span', { className: ['toc-title'] }, kindFacts('index').label))));
  const contents = h(
    'nav',
    { className: ['contents'], id: 'contents', role: 'doc-toc', ariaLabel: 'Contents' },
    h('h1', { className: ['contents-title'] }, 'Contents'),
    h('ol', {}, entries),
  );
  const before = frontAt(book.chapters, 'before-title');
  const own = before.some((c) => kindFacts(c.kind).replaces === 'half-title');
  return [
    ...(own ? [] : [halfTitle]),
    ...before.map(printed),
    titlePage,
    copyright,
    ...frontAt(book.chapters, 'before-contents').map(printed),
    contents,
    ...frontAt(book.chapters, 'after-contents').map(printed),
  ];
}

/** The files in the order print sets them: front matter by place, then body and back matter as in book.yaml. */
export function printOrder(chapters: readonly Chapter[]): Chapter[] {
  const front = [...frontAt(chapters, 'before-title'), ...frontAt(chapters, 'before-contents'), ...frontAt(chapters, 'after-contents')];
  return [...front, ...chapters.filter((c) => !front.includes(c))];
}

/** One `<li>` per listed file, classed by matter (`toc-front`, `toc-chapter`, `toc-back`), a part's files in a nested list. */
function contentsEntries(nodes: OutlineNode[], depth: number): Element[] {
  return nodes.map((n) => {
    const matter = n.facts.matter === 'body' ? 'toc-chapter' : `toc-${n.facts.matter}`;
    const className = [matter, `toc-${n.chapter.kind}`];
    const link = h('a', { href: `#${n.chapter.id}` }, h('span', { className: ['toc-title'] }, n.chapter.title));
    const inner = [...sectionEntries(n.chapter, depth), ...contentsEntries(n.children, depth)];
    return h('li', { className }, link, inner.length > 0 && h('ol', {}, inner));
  });
}

/** With toc-depth 2 or more, a file's listed sections down to that depth (`##` is 2), nested by depth. */
function sectionEntries(chapter: Chapter, depth: number): Element[] {
  const root: Element[] = [];
  const stack: Array<{ depth: number; list: Element[] }> = [{ depth: 1, list: root }];
  for (const s of chapter.sections) {
    if (!s.listed || s.depth > depth) continue;
    while (stack.length > 1 && stack[stack.length - 1]!.depth >= s.depth) stack.pop();
    const children: Element[] = [];
    const item = h('li', { className: ['toc-section'] }, h('a', { href: `#${s.id}` }, h('span', { className: ['toc-title'] }, s.title)));
    stack[stack.length - 1]!.list.push(item);
    stack.push({ depth: s.depth, list: children });
    // The nested list is attached once it has entries (an empty <ol> would print a gap).
    item.children.push({ type: 'element', tagName: 'ol', properties: {}, children });
  }
  const prune = (items: Element[]): Element[] => {
    for (const item of items) {
      const ol = item.children.at(-1) as Element;
      if (ol.children.length === 0) item.children.pop();
      else prune(ol.children as Element[]);
    }
    return items;
  };
  return prune(root);
}

function formatIsbn(isbn: string): string {
  const d = isbn.replace(/[^0-9Xx]/g, '');
  return d.length === 13 ? `${d.slice(0, 3)}-${d.slice(3, 4)}-${d.slice(4, 8)}-${d.slice(8, 12)}-${d.slice(12)}` : isbn;
}

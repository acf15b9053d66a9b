// Front matter: half-title, title page, copyright page and contents (page numbers by target-counter).
import type { Element } from 'hast';
import type { Book } from '../../book/model.ts';
import { h } from './h.ts';

const ROLE_LABEL: Record<string, string> = { edt: 'Edited by', trl: 'Translated by', ill: 'Illustrated by' };

export function frontMatter(book: Book, typefaces: string[]): Element[] {
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
  const isbn = c.isbn ? `ISBN ${formatIsbn(c.isbn)}` : undefined;
  const copyright = h(
    'section',
    { className: ['copyright-page'] },
    h('p', {}, c.rights),
    c.publisher && h('p', {}, `Published ${year} by ${c.publisher}.`),
    c.edition && h('p', {}, c.edition),
    h('p', {}, isbn ?? `Identifier: ${c.identifier.replace(/^urn:uuid:/, '')}`),
    h('p', {}, `Set in ${typefaces.join(', ')}.`),
  );
  const entries = book.chapters.map((ch) =>
    h('li', { className: ['toc-chapter'] }, h('a', { href: `#${ch.id}` }, h('span', { className: ['toc-title'] }, ch.title))),
  );
  if (book.bibliography.length > 0) {
    entries.push(
      h('li', { className: ['toc-back'] }, h('a', { href: '#bibliography' }, h('span', { className: ['toc-title'] }, 'Bibliography'))),
    );
  }
  const contents = h(
    'nav',
    { className: ['contents'], id: 'contents', role: 'doc-toc', ariaLabel: 'Contents' },
    h('h1', { className: ['contents-title'] }, 'Contents'),
    h('ol', {}, entries),
  );
  return [halfTitle, titlePage, copyright, contents];
}

function formatIsbn(isbn: string): string {
  const d = isbn.replace(/[^0-9Xx]/g, '');
  return d.length === 13 ? `${d.slice(0, 3)}-${d.slice(3, 4)}-${d.slice(4, 8)}-${d.slice(8, 12)}-${d.slice(12)}` : isbn;
}

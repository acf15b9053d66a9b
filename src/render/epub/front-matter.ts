// The documents around the chapters: title page, copyright page, end-of-book notes, bibliography.
import type { ElementContent } from 'hast';
import { bibliographyId, type Book } from '../../book/model.ts';
import { chapterFile, noteEndnote } from './chapter.ts';
import { el, text } from './hast.ts';
import { fontCredit } from './fonts.ts';

export function creatorLine(book: Book): string {
  const names = book.config.creators.filter((c) => c.role === 'aut').map((c) => c.name);
  const list = names.length ? names : book.config.creators.map((c) => c.name);
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

export function titlePage(book: Book): ElementContent[] {
  const c = book.config;
  const children: ElementContent[] = [el('h1', { className: ['title'] }, [text(c.title)])];
  if (c.subtitle) children.push(el('p', { className: ['subtitle'] }, [text(c.subtitle)]));
  children.push(el('p', { className: ['author'] }, [text(creatorLine(book))]));
  if (c.publisher) children.push(el('p', { className: ['publisher'] }, [text(c.publisher)]));
  return [el('section', { 'epub:type': 'titlepage', className: ['titlepage'], ariaLabel: 'Title page' }, children)];
}

const ROLE_NAMES: Record<string, string> = {
  edt: 'Edited by',
  trl: 'Translated by',
  ill: 'Illustrated by',
  aui: 'Introduction by',
  aft: 'Afterword by',
};

export function copyrightPage(book: Book, typefaces: string[] = []): ElementContent[] {
  const c = book.config;
  const p = (value: string) => el('p', {}, [text(value)]);
  const lines: ElementContent[] = [el('h1', { className: ['hidden-heading'] }, [text('Copyright')])];
  lines.push(el('p', { className: ['book-title'] }, [text(c.subtitle ? `${c.title}: ${c.subtitle}` : c.title)]));
  for (const creator of c.creators) {
    if (ROLE_NAMES[creator.role]) lines.push(p(`${ROLE_NAMES[creator.role]} ${creator.name}`));
  }
  lines.push(p(c.rights));
  if (c.edition) lines.push(p(c.edition));
  lines.push(p(`Published ${c.date}${c.publisher ? ` by ${c.publisher}` : ''}.`));
  lines.push(p(c.isbn ? `ISBN ${c.isbn}` : `Identifier: ${c.identifier}`));
  lines.push(p(fontCredit(typefaces)));
  return [el('section', { 'epub:type': 'copyright-page', className: ['copyright'], ariaLabel: 'Copyright' }, lines)];
}

/**
 * notes: book — a real endnotes section: every chapter's notes under the chapter's title, each group an
 * ordered list of endnotes (numbered as in the text), each note with its back-link to the call.
 */
export function notesDocument(book: Book): ElementContent[] {
  const children: ElementContent[] = [el('h1', { id: 'notes-title' }, [text('Notes')])];
  for (const chapter of book.chapters) {
    if (chapter.notes.length === 0) continue;
    const headingId = `notes-${chapter.id}`;
    children.push(
      el('section', { ariaLabelledBy: [headingId], className: ['notes-group'] }, [
        el('h2', { id: headingId }, [text(chapter.title)]),
        el('ol', { className: ['endnotes'], start: String(chapter.notes[0]!.number) }, chapter.notes.map((n) => noteEndnote(n, chapterFile(chapter)))),
      ]),
    );
  }
  return [el('section', { 'epub:type': 'endnotes', role: 'doc-endnotes', ariaLabelledBy: ['notes-title'] }, children)];
}

export function bibliographyDocument(book: Book): ElementContent[] {
  const entries = book.bibliography.map((entry) =>
    el('li', { id: bibliographyId(entry.key) }, entry.content),
  );
  return [
    el('section', { 'epub:type': 'bibliography', role: 'doc-bibliography', ariaLabelledBy: ['bibliography-title'] }, [
      el('h1', { id: 'bibliography-title' }, [text('Bibliography')]),
      el('ul', { className: ['bibliography'] }, entries),
    ]),
  ];
}

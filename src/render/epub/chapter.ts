// One Chapter → the body of its XHTML document: note calls become EPUB 3 noterefs, images point at
// files epub-gen-memory will pack, and (with notes: chapter) the notes follow as footnote asides.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Element, ElementContent, RootContent } from 'hast';
import type { Book, Chapter, Note } from '../../book/model.ts';
import { NOTE_REF_TAG } from '../../book/model.ts';
import { el, text } from './hast.ts';

export const NOTES_FILE = 'notes.xhtml';

export function chapterFile(chapter: Chapter): string {
  return `${chapter.id}.xhtml`;
}

/** Where the note texts live, seen from the chapter's own file. */
function noteHref(book: Book, note: Note): string {
  return book.config.notes === 'book' ? `${NOTES_FILE}#${note.id}` : `#${note.id}`;
}

export function noteCallId(noteId: string): string {
  return `nref-${noteId}`;
}

/** `<sup><a epub:type="noteref" role="doc-noteref" id="nref-n3" href="#n3">3</a></sup>` */
function noteCall(book: Book, note: Note): Element {
  return el('sup', { className: ['noteref'] }, [
    el(
      'a',
      { 'epub:type': 'noteref', role: 'doc-noteref', id: noteCallId(note.id), href: noteHref(book, note) },
      [text(String(note.number))],
    ),
  ]);
}

/**
 * The note as a popup footnote with a link back to its call. `callFile` is '' when the call is in the
 * same document. The back-link (the number) opens the first paragraph, the way printed notes look.
 */
export function noteAside(note: Note, callFile: string): Element {
  const back = el('a', { role: 'doc-backlink', href: `${callFile}#${noteCallId(note.id)}`, className: ['note-number'] }, [
    text(String(note.number)),
  ]);
  const lead = [back, text('. ')];
  const content = note.content.length ? note.content : [el('p', {}, [])];
  const [first, ...rest] = content;
  const opening =
    first.type === 'element' && first.tagName === 'p'
      ? { ...first, children: [...lead, ...first.children] }
      : null;
  const children = opening ? [opening, ...rest] : [el('p', {}, lead), ...content];
  return el('aside', { 'epub:type': 'footnote', role: 'doc-footnote', id: note.id, className: ['footnote'] }, children);
}

/** Image `src` as written in the chapter → the book's image (absolute path, for epub-gen-memory to read). */
function imageUrl(book: Book, chapter: Chapter, src: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src)) return src;
  const fromChapter = path.posix.normalize(path.posix.join(path.posix.dirname(chapter.file), src));
  const fromRoot = path.posix.normalize(src);
  const image =
    book.images.find((i) => i.path === fromRoot) ??
    book.images.find((i) => i.path === fromChapter);
  const absolute = image?.absolutePath ?? path.resolve(book.root, fromRoot);
  return pathToFileURL(absolute).href;
}

interface Rewrite {
  book: Book;
  chapter: Chapter;
  notes: Map<string, Note>;
}

function rewrite(node: RootContent, r: Rewrite): RootContent {
  if (node.type !== 'element') return node;
  if (node.tagName === NOTE_REF_TAG) {
    const id = String(node.properties?.dataNote ?? '');
    const note = r.notes.get(id);
    if (!note) throw new Error(`${r.chapter.file}: note call ${id} has no note in Chapter.notes`);
    return noteCall(r.book, note);
  }
  let properties = node.properties;
  if (node.tagName === 'img' && typeof properties.src === 'string') {
    properties = { ...properties, src: imageUrl(r.book, r.chapter, properties.src) };
  }
  const children = node.children.map((c) => rewrite(c, r) as ElementContent);
  return { ...node, properties, children };
}

/** The `<h1>`'s id, given one when the Markdown pipeline did not. */
function headingId(chapter: Chapter, body: ElementContent[]): string {
  const h1 = body.find((n): n is Element => n.type === 'element' && n.tagName === 'h1');
  if (!h1) return '';
  if (typeof h1.properties.id !== 'string') h1.properties = { ...h1.properties, id: `${chapter.id}-title` };
  return String(h1.properties.id);
}

export function chapterBody(book: Book, chapter: Chapter): ElementContent[] {
  const notes = new Map(chapter.notes.map((n) => [n.id, n]));
  const r: Rewrite = { book, chapter, notes };
  const body = chapter.content.children
    .filter((n) => n.type !== 'doctype')
    .map((n) => rewrite(n, r) as ElementContent);
  const labelledBy = headingId(chapter, body);
  const section = el(
    'section',
    labelledBy ? { 'epub:type': 'chapter', role: 'doc-chapter', ariaLabelledBy: [labelledBy] } : { 'epub:type': 'chapter', role: 'doc-chapter' },
    body,
  );
  if (book.config.notes === 'book' || chapter.notes.length === 0) return [section];
  const asides = chapter.notes.map((n) => noteAside(n, ''));
  return [section, el('div', { className: ['footnotes'] }, asides)];
}

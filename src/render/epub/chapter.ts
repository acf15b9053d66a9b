// One Chapter → the body of its XHTML document: note calls become EPUB 3 noterefs, images point at
// files epub-gen-memory will pack, and (with notes: chapter) the notes follow as footnote asides.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Element, ElementContent, Properties, RootContent } from 'hast';
import { kindFacts, type KindFacts } from '../../book/kinds.ts';
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

/** Containers a note may open with (a block quote, a list ...): the number goes into their first paragraph. */
const OPENS_INTO = new Set(['blockquote', 'div', 'ul', 'ol', 'li', 'figure']);
const BLOCKS = new Set([...OPENS_INTO, 'p', 'pre', 'table', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'dl']);

/**
 * The content with `lead` at the start of its first paragraph, looking into the first child of a block quote
 * (or list, or div) so that the number stays on the first line of text; null when it opens with no paragraph.
 */
function withLead(content: ElementContent[], lead: ElementContent[]): ElementContent[] | null {
  const [first, ...rest] = content;
  if (first?.type !== 'element') return null;
  if (first.tagName === 'p') return [{ ...first, children: [...lead, ...first.children] }, ...rest];
  if (!OPENS_INTO.has(first.tagName)) return null;
  const kids = first.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  // A tight list item holds its text directly: the number opens it.
  const inline = kids[0] && (kids[0].type === 'text' || (kids[0].type === 'element' && !BLOCKS.has(kids[0].tagName)));
  const inner = inline ? [...lead, ...kids] : withLead(kids, lead);
  return inner ? [{ ...first, children: inner }, ...rest] : null;
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
  const opened = withLead(content, lead);
  const children = opened ?? [el('p', {}, lead), ...content];
  return el('aside', { 'epub:type': 'footnote', role: 'doc-footnote', id: note.id, className: ['footnote'] }, children);
}

/**
 * notes: book — the note as an entry of the endnotes list, visible in it (reading systems that hide
 * `footnote` asides outside pop-ups, Apple Books and Kobo, show the list), its number a back-link to the call.
 */
export function noteEndnote(note: Note, callFile: string): Element {
  const back = el('a', { role: 'doc-backlink', href: `${callFile}#${noteCallId(note.id)}`, className: ['note-number'] }, [
    text(String(note.number)),
  ]);
  const lead = [back, text('. ')];
  const content = note.content.length ? note.content : [el('p', {}, [])];
  const children = withLead(content, lead) ?? [el('p', {}, lead), ...content];
  // No ARIA role: DPUB-ARIA 1.1 deprecates doc-endnote (Ace reports it); a list item inside the doc-endnotes
  // section is what assistive technology expects.
  return el('li', { 'epub:type': 'endnote', id: note.id, className: ['endnote'], value: String(note.number) }, children);
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
  if (typeof properties.lang === 'string' && properties.xmlLang === undefined) {
    // XHTML: a language change is said both ways (`lang` for HTML readers, `xml:lang` for XML ones).
    properties = { ...properties, xmlLang: properties.lang };
  }
  if (node.tagName === 'a' && typeof properties.href === 'string' && properties.href.startsWith('#')) {
    // A link into another chapter: the EPUB splits the book into one file per chapter.
    const holder = r.book.anchors?.get(properties.href.slice(1));
    if (holder && holder !== r.chapter.id) properties = { ...properties, href: `${holder}.xhtml${properties.href}` };
  }
  const children = node.children.map((c) => rewrite(c, r) as ElementContent);
  return { ...node, properties, children };
}

/**
 * The `<h1>`'s id, given one when the Markdown pipeline did not. A display page (dedication, epigraph ...)
 * keeps its heading as the section's accessible name, hidden from sight.
 */
function heading(chapter: Chapter, body: ElementContent[], display: boolean): string {
  const h1 = body.find((n): n is Element => n.type === 'element' && n.tagName === 'h1');
  if (!h1) return '';
  if (typeof h1.properties.id !== 'string') h1.properties = { ...h1.properties, id: `${chapter.id}-title` };
  if (display) {
    const classes = Array.isArray(h1.properties.className) ? h1.properties.className : [];
    h1.properties = { ...h1.properties, className: [...classes, 'hidden-heading'] };
  }
  return String(h1.properties.id);
}

/** The `<section>`'s semantics from the kinds table: `epub:type`, the ARIA role where there is one, its name. */
function sectionProperties(chapter: Chapter, facts: KindFacts, labelledBy: string): Properties {
  const props: Properties = { 'epub:type': facts.epubType, className: facts.display ? [`kind-${chapter.kind}`, 'display'] : [`kind-${chapter.kind}`] };
  if (facts.role) props.role = facts.role;
  if (labelledBy) props.ariaLabelledBy = [labelledBy];
  else props.ariaLabel = chapter.title || facts.label;
  return props;
}

/** `<body epub:type>` per matter. */
export function bodyType(chapter: Chapter): string {
  return `${kindFacts(chapter.kind).matter}matter`;
}

export function chapterBody(book: Book, chapter: Chapter): ElementContent[] {
  const notes = new Map(chapter.notes.map((n) => [n.id, n]));
  const r: Rewrite = { book, chapter, notes };
  const facts = kindFacts(chapter.kind);
  const body = chapter.content.children
    .filter((n) => n.type !== 'doctype')
    .map((n) => rewrite(n, r) as ElementContent);
  const section = el('section', sectionProperties(chapter, facts, heading(chapter, body, facts.display)), body);
  if (book.config.notes === 'book' || chapter.notes.length === 0) return [section];
  const asides = chapter.notes.map((n) => noteAside(n, ''));
  return [section, el('div', { className: ['footnotes'] }, asides)];
}

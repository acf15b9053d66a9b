// Endnotes in print (book.yaml `print.notes`): a linked call in the text, and the notes as an ordered list,
// after the chapter's text (`chapter-endnotes`, and footnotes too long for one page) or in a Notes section in
// the back matter grouped under the chapter titles (`book-endnotes`). The call links to its note and the
// note's number links back to the call; src/render/pdf/note-links.ts keeps the links that cross parts.
import type { Element, ElementContent } from 'hast';
import type { Chapter, Note, PrintConfig, PrintNotes } from '../../book/model.ts';
import { diagnostic, type Diagnostic } from '../../diagnostics.ts';
import { h, textOf } from './h.ts';
import { pageGeometry } from './page-geometry.ts';

/** The id of the back-matter Notes section (its part, its contents entry). */
export const BOOK_NOTES_ID = 'book-notes';

export const noteCallId = (note: Note) => `call-${note.id}`;

/** `<sup class="note-call"><a href="#n3" id="call-n3">3</a></sup>`: the call of a note set as an endnote. */
export function endnoteCall(note: Note): Element {
  return h('sup', { className: ['note-call', 'endnote-call'] }, h('a', { href: `#${note.id}`, id: noteCallId(note), className: ['note-link'] }, String(note.number)));
}

/** Containers a note may open with: the number goes into their first paragraph (it stays on the first line of text). */
const OPENS_INTO = new Set(['blockquote', 'div', 'ul', 'ol', 'li']);

/** Blocks: anything else a container opens with is its text (a tight list item's words, an emphasis). */
const BLOCKS = new Set(['p', 'blockquote', 'div', 'ul', 'ol', 'li', 'pre', 'table', 'figure', 'dl', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section']);

function withLead(content: ElementContent[], lead: ElementContent, holdsText = false): ElementContent[] | null {
  const index = content.findIndex((n) => n.type === 'element' || (n.type === 'text' && n.value.trim() !== ''));
  const first = content[index];
  if (!first) return null;
  // A tight list item (`<li>words…`) or a div holding its words directly: the number goes before them.
  if (holdsText && (first.type === 'text' || (first.type === 'element' && !BLOCKS.has(first.tagName)))) return [lead, ...content.slice(index)];
  if (first.type !== 'element') return null;
  const rest = content.slice(index + 1);
  if (first.tagName === 'p') return [{ ...first, children: [lead, ...first.children] }, ...rest];
  if (!OPENS_INTO.has(first.tagName)) return null;
  const inner = withLead(first.children, lead, first.tagName === 'li' || first.tagName === 'div');
  if (!inner) return null;
  const className = [...((first.properties.className as string[] | undefined) ?? []), 'en-lead'];
  return [{ ...first, properties: { ...first.properties, className }, children: inner }, ...rest];
}

/** One note in the list: its number (a link back to the call) opens the first paragraph; paragraphs stay paragraphs. */
export function endnote(note: Note): Element {
  const number = h('a', { className: ['en-number', 'note-link'], href: `#${noteCallId(note)}`, role: 'doc-backlink', ariaLabel: `Back to the text of note ${note.number}` }, String(note.number));
  const content = structuredClone(note.content);
  const body = withLead(content, number) ?? [h('p', {}, number), ...content];
  // Paragraphs after the first are indented (by class: the sibling selector did not reach them after layout).
  body.forEach((b, i) => {
    if (i > 0 && b.type === 'element' && b.tagName === 'p') b.properties = { ...b.properties, className: ['en-more'] };
  });
  return h('li', { className: ['endnote', `note-${note.kind}`], id: note.id, dataNumber: String(note.number) }, body);
}

function list(notes: Note[]): Element {
  return h('ol', { className: ['endnotes'] }, notes.map(endnote));
}

/** After a chapter's text: a "Notes" heading and the chapter's notes. */
export function chapterEndnotes(chapter: Chapter, notes: Note[]): Element {
  return h('section', { className: ['chapter-notes'], role: 'doc-endnotes', ariaLabel: `Notes to ${chapter.title}` }, h('h2', { className: ['notes-title'] }, 'Notes'), list(notes));
}

/**
 * The back matter's Notes section: every chapter's notes under its title. Set as back matter (its own running
 * head, "Notes"); `notes` gives each chapter's notes as print sets them (copies, hyphenated).
 */
export function bookEndnotes(chapters: Chapter[], notes: (chapter: Chapter) => Note[]): Element | undefined {
  const groups = chapters.filter((c) => c.notes.length > 0);
  if (groups.length === 0) return undefined;
  return h(
    'section',
    { className: ['chapter', 'later-chapter', 'book-notes', 'back-matter', 'page-back', 'opens-recto'], id: BOOK_NOTES_ID, role: 'doc-endnotes' },
    h('h1', { className: ['chapter-title'] }, 'Notes'),
    groups.map((c) => h('section', { className: ['notes-group'], ariaLabelledBy: [`notes-${c.id}`] }, h('h2', { className: ['notes-chapter'], id: `notes-${c.id}` }, c.title), list(notes(c)))),
  );
}

/** Where each note is set: 'foot' (floated to the foot of its call's page) or 'end' (in an endnotes list). */
export type NotePlace = 'foot' | 'end';

/**
 * Footnotes that cannot fit on one page. Paged.js 0.4.3 cannot carry a footnote over more than one page
 * (it stops with "Layout repeated", or prints the note over the text and past the foot of the page), so such
 * a note is set at the end of its chapter instead, and reported. The height is estimated from the text: the
 * measure of the note area (8.5/11 pt) against the text block, with a margin for the estimate's error.
 */
export function tooLongForFootnotes(chapters: Chapter[], print: PrintConfig & { notes?: PrintNotes }): { ids: Set<string>; warnings: Diagnostic[] } {
  const ids = new Set<string>();
  const warnings: Diagnostic[] = [];
  if ((print.notes ?? 'footnotes') !== 'footnotes') return { ids, warnings };
  // The text block with a 0.5 in gutter (books up to 300 pages; a longer book's narrower measure is within
  // the margin below) and the page's text height, in points.
  const g = pageGeometry(print, 300);
  const widthPt = (g.width - g.inside - g.outside) * 72;
  const heightPt = (g.height - g.top - g.bottom) * 72;
  const perLine = widthPt / 4.2; // characters per line at 8.5 pt (Literata: 4.0–4.2 pt a character, spaces included)
  // A note up to this height is set on its call's page, or with its call on the next (footnote-policy: line).
  // Measured (2026-12, Literata 5.5 × 8.5 in): notes estimated at 0.9 of the text height printed whole; one
  // estimated at 1.0 lost its last lines below the foot of the page.
  const limit = heightPt * 0.93;
  for (const chapter of chapters) {
    for (const note of chapter.notes) {
      const height = noteHeight(note.content, perLine);
      if (height <= limit) continue;
      ids.add(note.id);
      warnings.push(
        diagnostic(
          chapter.file,
          note.position,
          'warning',
          'note-too-long',
          `note ${note.number} is about ${(height / heightPt).toFixed(1)} pages long, more than a footnote can be; print sets it at the end of the chapter, under “Notes”, and its call links there`,
          'Shorten the note, or set `print.notes: chapter-endnotes` (or `book-endnotes`) in book.yaml.',
        ),
      );
    }
  }
  return { ids, warnings };
}

/** Estimated height in points of a note's blocks: 11 pt lines, a little space between blocks. */
function noteHeight(content: ElementContent[], perLine: number): number {
  let lines = 0;
  let blocks = 0;
  const visit = (nodes: ElementContent[]) => {
    for (const n of nodes) {
      if (n.type !== 'element') continue;
      if (['p', 'pre', 'li', 'h1', 'h2', 'h3', 'h4', 'tr', 'dt', 'dd', 'figcaption'].includes(n.tagName)) {
        const text = textOf([n]);
        lines += n.tagName === 'pre' ? text.split('\n').length : Math.max(1, Math.ceil(text.length / perLine));
        blocks++;
      } else visit(n.children);
    }
  };
  visit(content);
  if (blocks === 0) lines = Math.max(1, Math.ceil(textOf(content).length / perLine));
  return lines * 11 + blocks * 2;
}

// A book for the notes tests (print and EPUB): three chapters with notes of every shape — one short
// paragraph, several paragraphs, opening with a block quote, and one too long for a page (about 1.5 pages).
// Every note ends with its own made-up word (`Qbq`), so a test can find each note's text exactly once.
import type { Element, ElementContent } from 'hast';
import type { Book, Note, PrintNotes } from '../../src/book/model.ts';
import { makeBook, prose } from './make-book.ts';

const el = (tagName: string, children: ElementContent[], properties: Element['properties'] = {}): Element => ({ type: 'element', tagName, properties, children });
const text = (value: string): ElementContent => ({ type: 'text', value });

/** A word made of letters for a number: 1 → `Qbq`, 12 → `Qbcq` (no digits: digits are what the read-back counts as note numbers). */
export const endWord = (n: number) => `Q${[...String(n)].map((d) => 'abcdefghij'[Number(d)]).join('')}q`;

/** The note that is too long for a footnote, and where its call is said to be in the manuscript. */
export const LONG_NOTE = 5;
export const LONG_NOTE_AT = { line: 21, column: 14 };
/** Notes opening with a block quote. */
export const QUOTE_NOTES = [2, 8];
/** Notes of several paragraphs. */
export const MULTI_NOTES = [3, 6, 9];

export function makeNotesBook(printNotes: PrintNotes = 'footnotes', epubNotes: 'chapter' | 'book' = 'chapter'): Book {
  const book = makeBook({ chapters: 3, paragraphs: 12, noteEvery: 3, title: 'Notes in Every Shape' });
  for (const chapter of book.chapters) {
    for (const note of chapter.notes) note.content = content(note);
    const long = chapter.notes.find((n) => n.number === LONG_NOTE);
    if (long) long.position = LONG_NOTE_AT;
  }
  book.config = { ...book.config, notes: epubNotes, print: { ...book.config.print, notes: printNotes } };
  return book;
}

function content(note: Note): ElementContent[] {
  const n = note.number;
  const end = ` ${endWord(n)}.`;
  if (n === LONG_NOTE) {
    // About 1.5 pages of 8.5 pt text on a 5.5 × 8.5 in page, in four paragraphs.
    return [0, 1, 2, 3].map((q) => el('p', [text(prose(n * 100 + q, 150) + (q === 3 ? end : ''))]));
  }
  if (QUOTE_NOTES.includes(n)) {
    return [
      el('blockquote', [el('p', [text(`“${prose(n * 100, 24)}”`)])]),
      el('p', [text(prose(n * 100 + 1, 16) + end)]),
    ];
  }
  if (MULTI_NOTES.includes(n)) {
    return [0, 1, 2].map((q) => el('p', [text(prose(n * 100 + q, 30) + (q === 2 ? end : ''))]));
  }
  return [el('p', [el('em', [text('Times')]), text(`, 3 November 1924. ${prose(n * 100, 14)}${end}`)])];
}

/** A note's text as a reader sees it: its blocks' text joined by spaces. */
export function noteText(note: Note): string {
  const blocks: string[] = [];
  const visit = (nodes: ElementContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      if (node.tagName === 'p') blocks.push(plain(node.children));
      else visit(node.children);
    }
  };
  visit(note.content);
  return blocks.join(' ').replace(/\s+/g, ' ').trim();
}

function plain(nodes: ElementContent[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.value : n.type === 'element' ? plain(n.children) : '')).join('');
}

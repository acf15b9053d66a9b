// Numbers notes in one sequence per book and formats every citation, in reading order.
import type { FootnoteReference, Text } from 'mdast';
import type { Position } from 'unist';
import type { Note } from '../book/model.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { bookOrder } from './book-order.ts';
import type { CitationNode } from './citations/citation-node.ts';
import type { CitationEngine, CiteItem } from './citations/citation-engine.ts';
import { movePunctuation } from './citations/note-punctuation.ts';
import type { ParsedChapter } from './parse-chapter.ts';

/** What a citation becomes: inline text (author-date, or inside a note) and/or a note of its own. */
export interface CitationPlan {
  /** citeproc citation id, read with engine.html() once all are processed. */
  citeId?: string;
  /** Narrative: author names, shown in the text. */
  authorHtml?: string;
  /** Note style outside a note: the id of the citation note. */
  noteId?: string;
  /** Inside an author's note: drop citeproc's closing period, the author's sentence has its own. */
  inNote?: boolean;
  /** Note style: the punctuation that followed the citation, printed before the note call (pandoc). */
  punctuation?: Text;
}

export interface NotePlan extends Omit<Note, 'content'> {
  /** The author's definition (kind author) or the citation (kind citation). */
  source: FootnoteReference | CitationNode;
}

export interface Plan {
  calls: Map<FootnoteReference, string>;
  citations: Map<CitationNode, CitationPlan>;
  /** Per chapter, in call order. */
  notes: NotePlan[][];
}

export interface PlanOptions {
  engine?: CitationEngine;
  /** The bibliography's sources for messages (`references.yaml`, `refs.bib, more.yaml`); unset when there is none. */
  bibliographyFile?: string;
  knownKeys: ReadonlySet<string>;
  diagnostics: Diagnostic[];
}

/** Known keys in first-cite order (for `engine.register`). */
export function citedKeys(chapters: ParsedChapter[], knownKeys: ReadonlySet<string>): string[] {
  const keys = new Set<string>();
  for (const chapter of chapters) {
    for (const event of bookOrder(chapter)) {
      if (event.type === 'cite') for (const item of event.node.items) if (knownKeys.has(item.key)) keys.add(item.key);
    }
  }
  return [...keys];
}

export function citeAndNumber(chapters: ParsedChapter[], options: PlanOptions): Plan {
  const { engine, knownKeys, diagnostics } = options;
  const plan: Plan = { calls: new Map(), citations: new Map(), notes: [] };
  let counter = 0;
  let currentNote = 0;
  let toldNoBibliography = false;
  for (const chapter of chapters) {
    const notes: NotePlan[] = [];
    const byIdentifier = new Map<string, string>();
    plan.notes.push(notes);
    const addNote = (kind: Note['kind'], source: NotePlan['source']) => {
      const number = ++counter;
      const note: NotePlan = { id: `n${number}`, number, kind, source, position: point(source.position) };
      notes.push(note);
      return note;
    };
    for (const event of bookOrder(chapter)) {
      if (event.type === 'nested-call') {
        diagnostics.push(diagnostic(chapter.file, event.node.position?.start, 'warning', 'footnote-nested',
          `Footnote [^${event.node.label ?? event.node.identifier}] is called inside another footnote; notes cannot have notes, so the call is left out.`,
          'Move the call into the running text, or merge the two notes.'));
      } else if (event.type === 'call') {
        if (event.first) {
          const note = addNote('author', event.node);
          byIdentifier.set(event.node.identifier, note.id);
          currentNote = note.number;
        }
        plan.calls.set(event.node, byIdentifier.get(event.node.identifier)!);
      } else {
        const node = event.node;
        if (!engine && !options.bibliographyFile) {
          if (!toldNoBibliography) {
            diagnostics.push(diagnostic(chapter.file, node.position?.start, 'error', 'citation-no-bibliography',
              `The book cites ${node.raw} but book.yaml names no bibliography.`,
              'Add "bibliography: references.yaml" to book.yaml, with an entry for each cited key.'));
          }
          toldNoBibliography = true;
          continue;
        }
        const ownNote = engine?.isNoteStyle === true && !event.inNote;
        // Narrative in the text: the author is printed in the text, so the inline citation omits it.
        const narrativeInline = node.mode === 'narrative' && !ownNote;
        const items: CiteItem[] = [];
        for (const item of node.items) {
          if (!knownKeys.has(item.key)) {
            diagnostics.push(diagnostic(chapter.file, item.at, 'error', 'citation-unknown',
              `Citation key "${item.key}" is not in ${options.bibliographyFile}.`,
              `Add an entry with id: ${item.key}, or fix the key.`));
            continue;
          }
          items.push(cslItem(item, narrativeInline));
        }
        if (!engine || items.length === 0) continue;
        const citation: CitationPlan = {};
        if (node.mode === 'narrative') citation.authorHtml = engine.authorOnly(items);
        if (ownNote) {
          const note = addNote('citation', node);
          citation.noteId = note.id;
          citation.citeId = engine.cite(items, note.number);
        } else {
          citation.citeId = engine.cite(items, event.inNote ? currentNote : 0);
          if (event.inNote && engine.isNoteStyle) citation.inNote = true;
        }
        plan.citations.set(node, citation);
      }
    }
    if (engine?.isNoteStyle) {
      const moved = movePunctuation(chapter.tree, (node) => plan.citations.get(node)?.noteId !== undefined, engine.punctuationInQuote);
      for (const [node, text] of moved) plan.citations.get(node)!.punctuation = text;
    }
  }
  return plan;
}

function cslItem(item: CitationNode['items'][number], narrative: boolean): CiteItem {
  const out: CiteItem = { id: item.key };
  if (item.locator) out.locator = item.locator;
  if (item.label) out.label = item.label;
  if (item.prefix) out.prefix = item.prefix;
  if (item.suffix) out.suffix = item.suffix;
  if (item.suppressAuthor || narrative) out['suppress-author'] = true;
  return out;
}

function point(position: Position | undefined) {
  return position ? { line: position.start.line, column: position.start.column } : undefined;
}

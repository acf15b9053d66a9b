// Walks a chapter in reading order as the reader meets things: a note's content right after its call.
import type { FootnoteDefinition, FootnoteReference, RootContent } from 'mdast';
import type { CitationNode } from './citations/citation-node.ts';
import type { ParsedChapter } from './parse-chapter.ts';

export type BookEvent =
  | { type: 'call'; node: FootnoteReference; first: boolean }
  | { type: 'nested-call'; node: FootnoteReference }
  | { type: 'cite'; node: CitationNode; inNote: boolean };

export function* bookOrder(chapter: ParsedChapter): Generator<BookEvent> {
  const seen = new Set<string>();
  function* walk(nodes: RootContent[], inNote: FootnoteDefinition | undefined): Generator<BookEvent> {
    for (const node of nodes) {
      if (node.type === 'footnoteDefinition') continue;
      if (node.type === 'footnoteReference') {
        if (inNote) {
          yield { type: 'nested-call', node };
          continue;
        }
        const first = !seen.has(node.identifier);
        seen.add(node.identifier);
        yield { type: 'call', node, first };
        const def = chapter.definitions.get(node.identifier);
        if (first && def) yield* walk(def.children, def);
      } else if (node.type === 'citation') {
        yield { type: 'cite', node, inNote: inNote !== undefined };
      } else if ('children' in node) {
        yield* walk(node.children as RootContent[], inNote);
      }
    }
  }
  yield* walk(chapter.tree.children, undefined);
}

// The book as its contents present it: front matter, then the body (where a `part` file gathers the files
// after it, up to the next part or the back matter), then the back matter. Both contents (the EPUB nav and
// the printed contents) are drawn from this one tree, so they nest alike.
import { kindFacts, type KindFacts, type Place } from './kinds.ts';
import type { Chapter } from './model.ts';

export interface OutlineNode {
  chapter: Chapter;
  facts: KindFacts;
  /** The files of a part; empty for every other kind. */
  children: OutlineNode[];
}

export function outline(chapters: readonly Chapter[]): OutlineNode[] {
  const top: OutlineNode[] = [];
  let part: OutlineNode | undefined;
  for (const chapter of chapters) {
    const node: OutlineNode = { chapter, facts: kindFacts(chapter.kind), children: [] };
    if (node.facts.matter !== 'body' || chapter.kind === 'part') part = undefined;
    (part ? part.children : top).push(node);
    if (chapter.kind === 'part') part = node;
  }
  return top;
}

/** Only what is listed: an unlisted node drops out, and the listed files inside it move up a level. */
export function listedOutline(nodes: readonly OutlineNode[]): OutlineNode[] {
  return nodes.flatMap((n) => {
    const children = listedOutline(n.children);
    return n.chapter.listed ? [{ ...n, children }] : children;
  });
}

/** The front-matter files that go at a place among the generated pages, in book.yaml order. */
export function frontAt(chapters: readonly Chapter[], place: Place): Chapter[] {
  return chapters.filter((c) => kindFacts(c.kind).matter === 'front' && kindFacts(c.kind).place === place);
}

/** Body and back matter, in book.yaml order. */
export function afterFront(chapters: readonly Chapter[]): Chapter[] {
  return chapters.filter((c) => kindFacts(c.kind).matter !== 'front');
}

// The punctuation characters of one paragraph, in order, each with its offset in the file.
import type { Paragraph, RootContent } from 'nlcst';
import type { Node } from 'unist';

export interface Mark {
  char: string;
  offset: number;
}

export function marks(paragraph: Paragraph): Mark[] {
  const out: Mark[] = [];
  const walk = (node: Node) => {
    if (node.type === 'PunctuationNode' || node.type === 'SymbolNode') {
      const start = node.position?.start.offset;
      if (start === undefined || !('value' in node)) return;
      [...String(node.value)].forEach((char, index) => out.push({ char, offset: start + index }));
    } else if ('children' in node && Array.isArray(node.children)) node.children.forEach(walk);
  };
  walk(paragraph);
  return out;
}

/**
 * Paragraphs as units for balancing brackets and quotes: each on its own, except the lines of one stanza
 * (within one of the `stanzas` spans), which form one unit.
 */
export function balanceUnits(paragraphs: Paragraph[], stanzas: Array<[number, number]>): Paragraph[][] {
  const units: Paragraph[][] = [];
  let current: [number, number] | undefined;
  for (const paragraph of paragraphs) {
    const at = paragraph.position?.start.offset ?? -1;
    const stanza = stanzas.find(([start, end]) => at >= start && at < end);
    if (stanza && stanza === current) units.at(-1)!.push(paragraph);
    else units.push([paragraph]);
    current = stanza;
  }
  return units;
}

/** First non-space leaf of a paragraph, for "does the next paragraph open with a quote?". */
export function firstLeaf(node: Paragraph | RootContent | undefined): string {
  while (node && 'children' in node) {
    node = node.children.find((child) => child.type !== 'WhiteSpaceNode');
  }
  return node && 'value' in node ? node.value : '';
}

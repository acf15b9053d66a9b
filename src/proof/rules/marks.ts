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

/** First non-space leaf of a paragraph, for "does the next paragraph open with a quote?". */
export function firstLeaf(node: Paragraph | RootContent | undefined): string {
  while (node && 'children' in node) {
    node = node.children.find((child) => child.type !== 'WhiteSpaceNode');
  }
  return node && 'value' in node ? node.value : '';
}

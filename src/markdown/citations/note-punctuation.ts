// Pandoc's placement of a citation note: `text [@k].` prints `text.¹` — the space before the call goes,
// and punctuation after it (with any closing quotes or brackets that follow: `[@k].”`) moves before it.
// In a locale that puts punctuation inside quotes (en-US), `“word” [@k].` prints `“word.”¹`.
import type { Parent, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { CitationNode } from './citation-node.ts';

/** Punctuation that starts a run to move (pandoc: `.,;:!?`), then any punctuation that follows it. */
const RUN = /^[.,;:!?]\p{P}*/u;
const CLOSING_QUOTE = /[”’"']$/;

/** `noted(node)` tells whether a citation became a note of its own; returns the punctuation moved before each call. */
export function movePunctuation(tree: Root, noted: (node: CitationNode) => boolean, inQuote: boolean): Map<CitationNode, Text> {
  const moved = new Map<CitationNode, Text>();
  visit(tree, (node) => {
    if (!('children' in node) || node.type === 'footnoteDefinition') return;
    const children = (node as Parent).children;
    children.forEach((child, i) => {
      if (child.type !== 'citation' || !noted(child)) return;
      const before = children[i - 1];
      const after = children[i + 1];
      if (child.mode === 'normal' && before?.type === 'text') before.value = before.value.replace(/\s+$/, '');
      const run = after?.type === 'text' ? RUN.exec(after.value)?.[0] : undefined;
      if (!run || after?.type !== 'text') return;
      const punctuation: Text = { type: 'text', value: run };
      const start = after.position?.start;
      if (start && after.position) {
        const end = { line: start.line, column: start.column + run.length, offset: start.offset === undefined ? undefined : start.offset + run.length };
        punctuation.position = { start: { ...start }, end };
        after.position = { ...after.position, start: end };
      }
      after.value = after.value.slice(run.length);
      // en-US: “word.” — a period or comma goes inside the quote that ends the text before the call.
      if (inQuote && child.mode === 'normal' && before?.type === 'text' && CLOSING_QUOTE.test(before.value) && /^[.,]/.test(run)) {
        before.value = before.value.slice(0, -1) + run[0] + before.value.slice(-1);
        punctuation.value = run.slice(1);
      }
      if (punctuation.value) moved.set(child, punctuation);
    });
  });
  return moved;
}

// Two note calls with nothing between them (a citation note moved after the punctuation, then an author's
// note: `text.[^a][^b]`) would print as one number, “³⁴” read as note 34. A superscript comma goes between
// them, as a typesetter sets it (“³,⁴”), in every output.
import type { Element, ElementContent, Root } from 'hast';
import { NOTE_REF_TAG } from '../book/model.ts';

/** The class of the separator; the stylesheets set it like a call. */
export const NOTE_SEPARATOR_CLASS = 'note-sep';

const isCall = (node: ElementContent | undefined) => node?.type === 'element' && node.tagName === NOTE_REF_TAG;

export function separateAdjacentCalls(tree: Root | Element): void {
  // Empty text nodes (left where a citation moved after the punctuation) do not separate two calls.
  const children = (tree.children as ElementContent[]).filter((c) => !(c.type === 'text' && c.value === ''));
  for (let i = children.length - 1; i > 0; i--) {
    if (isCall(children[i]) && isCall(children[i - 1])) {
      children.splice(i, 0, { type: 'element', tagName: 'sup', properties: { className: [NOTE_SEPARATOR_CLASS] }, children: [{ type: 'text', value: ',' }] });
    }
  }
  tree.children = children as typeof tree.children;
  for (const child of children) if (child.type === 'element') separateAdjacentCalls(child);
}

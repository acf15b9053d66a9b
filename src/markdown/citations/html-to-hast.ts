// citeproc returns HTML (`<i>`, `<b>`, `<span style=…>`, `<div class="csl-entry">`): parse it into inline hast.
import type { ElementContent, Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Position } from 'unist';

/** Inline hast for a citeproc HTML string; block wrappers become spans; every node gets `position`. */
export function htmlToHast(html: string, position?: Position): ElementContent[] {
  const root = fromHtml(html.trim(), { fragment: true });
  const out = unwrapEntry(root.children as ElementContent[]);
  for (const node of out) place(node, position);
  return out;
}

function unwrapEntry(nodes: ElementContent[]): ElementContent[] {
  if (nodes.length === 1 && nodes[0].type === 'element' && nodes[0].tagName === 'div') return nodes[0].children;
  return nodes;
}

function place(node: ElementContent, position: Position | undefined): void {
  if (position) node.position = position;
  else delete node.position;
  if (node.type !== 'element') return;
  const el = node as Element;
  if (el.tagName === 'div') el.tagName = 'span';
  for (const child of el.children) place(child, position);
}

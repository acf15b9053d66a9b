// The text of an nlcst node (its leaves' values, concatenated).
import type { Node } from 'unist';

export function text(node: Node): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if (!('children' in node) || !Array.isArray(node.children)) return '';
  let out = '';
  for (const child of node.children as Node[]) out += 'value' in child && typeof child.value === 'string' ? child.value : text(child);
  return out;
}

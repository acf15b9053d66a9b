// Tiny hast builders and the one serialiser the EPUB renderer uses.
import type { Element, ElementContent, Properties, Root, Text } from 'hast';
import { toHtml } from 'hast-util-to-html';

export function el(tagName: string, properties: Properties = {}, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

export function text(value: string): Text {
  return { type: 'text', value };
}

/**
 * Serialise for epub-gen-memory, which re-parses the markup as HTML and writes XHTML: void elements
 * closed, no named character references (XML knows only five).
 */
export function serialize(node: Root | ElementContent | ElementContent[]): string {
  const tree: Root = Array.isArray(node) ? { type: 'root', children: node } : node.type === 'root' ? node : { type: 'root', children: [node] };
  return toHtml(tree, {
    closeSelfClosing: true,
    characterReferences: { useNamedReferences: false },
    allowDangerousHtml: false,
  });
}

// A tiny hast builder for the print document (no dependency beyond the hast types).
import type { Element, ElementContent, Properties } from 'hast';

export type Child = ElementContent | string | null | undefined | false | Child[];

export function h(tagName: string, properties: Properties = {}, ...children: Child[]): Element {
  return { type: 'element', tagName, properties, children: flatten(children) };
}

function flatten(children: Child[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) out.push(...flatten(c));
    else if (typeof c === 'string') out.push({ type: 'text', value: c });
    else out.push(c);
  }
  return out;
}

/** Plain text of hast content (for estimates and titles). */
export function textOf(nodes: readonly ElementContent[] | ElementContent): string {
  const list = Array.isArray(nodes) ? nodes : [nodes];
  let s = '';
  for (const n of list as ElementContent[]) {
    if (n.type === 'text') s += n.value;
    else if (n.type === 'element') s += textOf(n.children);
  }
  return s;
}

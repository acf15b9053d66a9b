// Raw inline HTML (`` `<abbr title="x">y</abbr>`{=html} ``) → hast, kept only when safe by the rules of
// ../../safety.ts: no <script>, <iframe>, <object>, <embed>, <style>, no on* attributes, no
// script-bearing URLs. Comments are dropped. Each raw piece must be complete in itself (a tag opened in
// one and closed in another is closed by the HTML parser at once).
import type { ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { isUnsafeUrl } from '../../safety.ts';

const UNSAFE_TAGS = new Set(['script', 'iframe', 'object', 'embed', 'style']);
const URL_PROPERTIES = new Set(['href', 'src', 'action', 'formAction', 'xLinkHref', 'poster', 'cite', 'data']);

export type RawHtmlResult = { ok: true; children: ElementContent[] } | { ok: false; reason: string };

export function rawHtml(value: string): RawHtmlResult {
  const tree: HastRoot = fromHtml(value, { fragment: true });
  const problem = check(tree.children);
  if (problem) return { ok: false, reason: problem };
  return { ok: true, children: clean(tree.children) };
}

function check(nodes: HastContent[]): string | undefined {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    if (UNSAFE_TAGS.has(node.tagName)) return `Raw HTML <${node.tagName}> is not allowed in a book.`;
    for (const [name, value] of Object.entries(node.properties)) {
      if (/^on/i.test(name)) return `The HTML attribute ${name.toLowerCase()} runs script; it is not allowed in a book.`;
      if (URL_PROPERTIES.has(name) && typeof value === 'string' && isUnsafeUrl(value)) {
        return `The address "${value.slice(0, 40)}" runs code or embeds data; books may only link to web pages and places in the book.`;
      }
    }
    const inner = check(node.children);
    if (inner) return inner;
  }
  return undefined;
}

function clean(nodes: HastContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) {
    // Positions inside the fragment would point at the wrong place in the chapter: the raw node has the real one.
    if (node.type === 'element') out.push({ type: 'element', tagName: node.tagName, properties: node.properties, children: clean(node.children) });
    else if (node.type === 'text') out.push({ type: 'text', value: node.value });
  }
  return out;
}

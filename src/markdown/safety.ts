// Raw HTML never reaches the outputs; unsafe HTML and script-bearing URLs are errors.
import type { Definition, Html, Link, Parent, Root, RootContent } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { SourceMap } from './source-map.ts';

const UNSAFE_TAG = /<\s*(script|iframe|object|embed|style)\b/i;
const EVENT_ATTR = /<[a-z][^>]*?\s(on[a-z]+)\s*=/i;
const UNSAFE_URL = /^(javascript|vbscript|data):/i;

export function isUnsafeUrl(url: string): boolean {
  // Browsers ignore control characters and whitespace inside the scheme.
  return UNSAFE_URL.test(url.replace(/[\u0000-\u0020\u007f]/g, ''));
}

/** Reports and removes raw HTML; reports unsafe links and keeps only their text. */
export function safety(tree: Root, file: string, map: SourceMap, diagnostics: Diagnostic[]): void {
  visit(tree, (any, index, parent: Parent | undefined) => {
    if (!parent || index === undefined) return;
    const node = any as RootContent;
    if (node.type === 'html') {
      checkHtml(node as Html, file, map, diagnostics);
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if ((node.type === 'link' || node.type === 'definition') && isUnsafeUrl((node as Link | Definition).url)) {
      diagnostics.push(diagnostic(file, node.position?.start, 'error', 'link-unsafe-url',
        `The link target "${(node as Link).url.slice(0, 40)}" runs code or embeds data; books may only link to web pages and places in the book.`,
        'Use an https:// address, or remove the link.'));
      if (node.type === 'definition') {
        (node as Definition).url = '';
        return;
      }
      parent.children.splice(index, 1, ...((node as Link).children as RootContent[]));
      return [SKIP, index];
    }
  });
}

function checkHtml(node: Html, file: string, map: SourceMap, diagnostics: Diagnostic[]): void {
  const value = node.value;
  const start = node.position?.start.offset;
  const at = (index: number) => (start === undefined ? node.position?.start : map.point(start + index));
  const tag = UNSAFE_TAG.exec(value);
  const attr = EVENT_ATTR.exec(value);
  if (tag || attr) {
    const index = tag ? tag.index : attr!.index + attr![0].lastIndexOf(attr![1]);
    diagnostics.push(diagnostic(file, at(index), 'error', 'html-unsafe',
      tag ? `Raw HTML <${tag[1].toLowerCase()}> is not allowed in a book.` : `The HTML attribute ${attr![1]} runs script; it is not allowed in a book.`,
      'Remove it: write the content in Markdown (images with ![alt](path), emphasis with *…*).'));
    return;
  }
  const trimmed = value.trim();
  // Comments are the author's notes to self, and closing tags were reported with their opening tag.
  if (trimmed.startsWith('<!--') || /^<\/[a-z][\w-]*\s*>$/i.test(trimmed)) return;
  diagnostics.push(diagnostic(file, node.position?.start, 'warning', 'html-raw-ignored',
    `Raw HTML "${trimmed.slice(0, 40)}" is left out of the book.`,
    'Write it in Markdown instead (emphasis *…*, links [text](url), tables with | … |).'));
}

// Finds Pandoc citations (`[@a, p. 3; see @b]`, `[-@a]`, narrative `@a`) and undefined footnote
// calls (`[^x]` left as text by GFM) in text nodes, replacing citations with `citation` nodes.
import type { Parent, Root, RootContent, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { diagnostic, type Diagnostic } from '../../diagnostics.ts';
import type { SourceMap } from '../source-map.ts';
import { KEY, parseSuffix, type CitationItemSource, type CitationNode } from './citation-node.ts';

export interface CitationSyntaxOptions {
  file: string;
  map: SourceMap;
  /** Keys in the bibliography (narrative `@key` counts only for these or key-like words). */
  knownKeys: ReadonlySet<string>;
  diagnostics: Diagnostic[];
}

const BRACKET = /\[([^[\]]*)\]/g;
const AT_WORD = /(?:^|[\s;])-?@/;
const NARRATIVE = /(?<![\p{L}\p{N}_@.:/+\\-])@/gu;
const UNDEFINED_NOTE = /\[\^([^\]\s]+)\]/g;

/** Key-like: has a year (`smith2004`) or a colon (`doe:2004`); `@jane` alone is left as text. */
export function looksLikeKey(key: string): boolean {
  return /\p{L}/u.test(key[0]) && (/\d{4}/.test(key) || key.includes(':'));
}

export function citationSyntax(tree: Root, options: CitationSyntaxOptions): void {
  visit(tree, 'text', (node: Text, index, parent: Parent | undefined) => {
    if (!parent || index === undefined) return;
    const parts = splitText(node, options);
    if (!parts) return;
    parent.children.splice(index, 1, ...(parts as RootContent[]));
    return [SKIP, index + parts.length];
  });
}

function splitText(node: Text, options: CitationSyntaxOptions): (Text | CitationNode)[] | undefined {
  const { map, file, diagnostics } = options;
  const value = node.value;
  for (const m of value.matchAll(UNDEFINED_NOTE)) {
    diagnostics.push(
      diagnostic(file, map.textPoint(node, m.index), 'error', 'footnote-undefined',
        `Footnote [^${m[1]}] is called here but never defined.`,
        `Add a definition line "[^${m[1]}]: …" to this chapter, or remove the call.`),
    );
  }
  const found: { start: number; end: number; node: CitationNode }[] = [];
  for (const m of value.matchAll(BRACKET)) {
    if (m[0].startsWith('[^') || !AT_WORD.test(m[1])) continue;
    const start = m.index;
    const end = start + m[0].length;
    const items = parseCluster(node, m[1], start + 1, options);
    if (!items) continue;
    found.push({ start, end, node: citationNode(node, 'normal', items, m[0], start, end, map) });
  }
  for (const m of value.matchAll(NARRATIVE)) {
    const at = m.index;
    if (found.some((f) => at >= f.start && at < f.end)) continue;
    KEY.lastIndex = at + 1;
    const k = KEY.exec(value);
    if (!k || !(options.knownKeys.has(k[0]) || looksLikeKey(k[0]))) continue;
    const item: CitationItemSource = { key: k[0], at: map.textPoint(node, at) };
    let end = at + 1 + k[0].length;
    const locator = /^ \[([^[\]@]*)\]/.exec(value.slice(end));
    if (locator) {
      Object.assign(item, parseSuffix(', ' + locator[1].replace(/^\s*,\s*/, '')));
      end += locator[0].length;
    }
    found.push({ start: at, end, node: citationNode(node, 'narrative', [item], value.slice(at, end), at, end, map) });
  }
  if (found.length === 0) return undefined;
  found.sort((a, b) => a.start - b.start);
  const out: (Text | CitationNode)[] = [];
  let last = 0;
  for (const f of found) {
    if (f.start > last) out.push(textPart(node, last, f.start, map));
    out.push(f.node);
    last = f.end;
  }
  if (last < value.length) out.push(textPart(node, last, value.length, map));
  return out;
}

/** `see @a, 3; -@b` → items, or undefined (plus a diagnostic) when a part is not a citation. */
function parseCluster(node: Text, inner: string, offset: number, options: CitationSyntaxOptions) {
  const { map } = options;
  const items: CitationItemSource[] = [];
  let partStart = 0;
  for (const part of inner.split(';')) {
    const partOffset = offset + partStart;
    partStart += part.length + 1;
    const at = /(^|\s)(-?)@/.exec(part);
    if (!at) return malformed(node, partOffset + (part.length - part.trimStart().length), inner, options);
    const atIndex = at.index + at[1].length + at[2].length;
    KEY.lastIndex = atIndex + 1;
    const k = KEY.exec(part);
    if (!k) return malformed(node, partOffset + atIndex, inner, options);
    const prefix = part.slice(0, at.index + at[1].length).trim();
    const item: CitationItemSource = {
      key: k[0],
      at: map.textPoint(node, partOffset + atIndex),
      ...parseSuffix(part.slice(atIndex + 1 + k[0].length)),
    };
    if (prefix) item.prefix = prefix.replace(/\s+/g, ' ') + ' ';
    if (at[2]) item.suppressAuthor = true;
    items.push(item);
  }
  return items;
}

function malformed(node: Text, index: number, inner: string, options: CitationSyntaxOptions): undefined {
  options.diagnostics.push(
    diagnostic(options.file, options.map.textPoint(node, index), 'error', 'citation-malformed',
      `Citation "[${inner}]" is malformed: every part between ";" needs one @key.`,
      'Write it as [@key], [@key, p. 12] or [see @a, 3; @b]; to print a literal bracket with @, escape it as \\@.'),
  );
  return undefined;
}

function citationNode(node: Text, mode: CitationNode['mode'], items: CitationItemSource[], raw: string,
  start: number, end: number, map: SourceMap): CitationNode {
  return { type: 'citation', mode, items, raw, position: { start: pt(node, start, map), end: pt(node, end, map) } };
}

function textPart(node: Text, start: number, end: number, map: SourceMap): Text {
  return { type: 'text', value: node.value.slice(start, end), position: { start: pt(node, start, map), end: pt(node, end, map) } };
}

function pt(node: Text, index: number, map: SourceMap) {
  const p = map.textPoint(node, index);
  return { line: p.line, column: p.column, offset: map.offset(p) };
}

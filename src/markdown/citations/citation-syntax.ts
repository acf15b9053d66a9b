// Finds Pandoc citations (`[@a, p. 3; see @b]`, `[-@a]`, narrative `@a`, `@{odd key}`) and undefined
// footnote calls (`[^x]` left as text by GFM), replacing citations with `citation` nodes. A cluster may
// span several siblings (`[see *Ulysses* @a, p. 3, *emphasis added*]`): the brackets and keys are in text
// nodes, the markup between them becomes citeproc's inline HTML in the prefix or suffix.
import type { Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { diagnostic, type Diagnostic } from '../../diagnostics.ts';
import type { SourcePoint } from '../../book/model.ts';
import type { SourceMap } from '../source-map.ts';
import { parseSuffix, readKey, type CitationItemSource, type CitationNode } from './citation-node.ts';

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
/** Each non-text sibling stands for one private-use character while the clusters are read. */
const SLOT = 0xe000;
const SLOTS = /[\ue000-\uf8ff]/g;
const HAS_SLOT = /[\ue000-\uf8ff]/;

/** Key-like: has a year (`smith2004`) or a colon (`doe:2004`); `@jane` alone is left as text. */
export function looksLikeKey(key: string): boolean {
  return /\p{L}/u.test(key[0]) && (/\d{4}/.test(key) || key.includes(':'));
}

export function citationSyntax(tree: Root, options: CitationSyntaxOptions): void {
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const parent = node as Parent;
    if (!parent.children.some((c) => c.type === 'text')) return;
    const children = splitChildren(parent.children as PhrasingContent[], options);
    if (children) parent.children = children as RootContent[];
  });
}

/** A run of siblings read as one string: text as is, every other node as one slot character. */
class Line {
  readonly value: string;
  readonly nodes: PhrasingContent[];
  /** Per node: where it starts in `value`. */
  readonly starts: number[] = [];

  constructor(nodes: PhrasingContent[]) {
    this.nodes = nodes;
    let value = '';
    nodes.forEach((n, i) => {
      this.starts.push(value.length);
      value += n.type === 'text' ? n.value : String.fromCharCode(SLOT + Math.min(i, 0x18ff));
    });
    this.value = value;
  }

  /** The text node and offset in it for `index` of `value` (undefined inside a slot). */
  at(index: number): { node: Text; offset: number } | undefined {
    let i = this.starts.length - 1;
    while (i > 0 && this.starts[i] > index) i--;
    const node = this.nodes[i];
    return node.type === 'text' ? { node, offset: index - this.starts[i] } : undefined;
  }

  /** The source point of `index`; an `end` point belongs to the character before it. */
  point(index: number, map: SourceMap, end = false) {
    const here = end && index > 0 ? this.at(index - 1) : this.at(index);
    const p = here ? map.textPoint(here.node, here.offset + (end && index > 0 ? 1 : 0)) : (this.nodes[0].position?.start ?? { line: 0, column: 0 });
    return { line: p.line, column: p.column, offset: map.offset(p) };
  }

  place(index: number, map: SourceMap): SourcePoint {
    const { line, column } = this.point(index, map);
    return { line, column };
  }

  /** The siblings covering [start, end): text sliced, other nodes whole. */
  slice(start: number, end: number, map: SourceMap): PhrasingContent[] {
    const out: PhrasingContent[] = [];
    this.nodes.forEach((node, i) => {
      const from = this.starts[i];
      const to = i + 1 < this.nodes.length ? this.starts[i + 1] : this.value.length;
      if (to <= start || from >= end) return;
      if (node.type !== 'text') out.push(node);
      else if (from >= start && to <= end) out.push(node);
      else {
        const a = Math.max(start, from) - from;
        const b = Math.min(end, to) - from;
        out.push({ type: 'text', value: node.value.slice(a, b), position: { start: textPt(node, a, map), end: textPt(node, b, map) } });
      }
    });
    return out;
  }

  /** A prefix or suffix for citeproc: slots become their text, with emphasis and strong as `<i>` / `<b>`. */
  html(text: string): string {
    return text.replace(SLOTS, (c) => inlineHtml(this.nodes[c.charCodeAt(0) - SLOT]));
  }
}

function inlineHtml(node: PhrasingContent | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.value;
  if (node.type === 'emphasis' || node.type === 'strong') {
    const tag = node.type === 'emphasis' ? 'i' : 'b';
    return `<${tag}>${node.children.map(inlineHtml).join('')}</${tag}>`;
  }
  if (node.type === 'delete') return node.children.map(inlineHtml).join('');
  return toString(node);
}

function splitChildren(children: PhrasingContent[], options: CitationSyntaxOptions): PhrasingContent[] | undefined {
  const { map, file, diagnostics } = options;
  for (const node of children) {
    if (node.type !== 'text') continue;
    for (const m of node.value.matchAll(UNDEFINED_NOTE)) {
      diagnostics.push(
        diagnostic(file, map.textPoint(node, m.index), 'error', 'footnote-undefined',
          `Footnote [^${m[1]}] is called here but never defined.`,
          `Add a definition line "[^${m[1]}]: …" to this chapter, or remove the call.`),
      );
    }
  }
  const line = new Line(children);
  const value = line.value;
  const found: { start: number; end: number; node: CitationNode }[] = [];
  for (const m of value.matchAll(BRACKET)) {
    if (m[0].startsWith('[^') || !AT_WORD.test(m[1])) continue;
    // The brackets themselves must be text, not a link or an image.
    if (!line.at(m.index) || !line.at(m.index + m[0].length - 1)) continue;
    const start = m.index;
    const end = start + m[0].length;
    // Raw HTML and note calls have no place in a citation's prefix or suffix.
    if (line.slice(start, end, map).some((n) => n.type === 'html' || n.type === 'footnoteReference')) continue;
    const items = parseCluster(line, m[1], start + 1, options);
    if (!items) continue;
    found.push({ start, end, node: citationNode(line, 'normal', items, start, end, map) });
  }
  for (const m of value.matchAll(NARRATIVE)) {
    const at = m.index;
    if (found.some((f) => at >= f.start && at < f.end) || !line.at(at)) continue;
    const k = readKey(value, at + 1);
    if (!k || HAS_SLOT.test(k.key) || !(options.knownKeys.has(k.key) || value[at + 1] === '{' || looksLikeKey(k.key))) continue;
    const item: CitationItemSource = { key: k.key, at: line.place(at, map) };
    let end = at + 1 + k.length;
    const locator = /^ \[([^[\]@]*)\]/.exec(value.slice(end));
    if (locator) {
      Object.assign(item, parseSuffix(', ' + locator[1].replace(/^\s*,\s*/, '')));
      if (item.suffix) item.suffix = line.html(item.suffix);
      end += locator[0].length;
    }
    found.push({ start: at, end, node: citationNode(line, 'narrative', [item], at, end, map) });
  }
  if (found.length === 0) return undefined;
  found.sort((a, b) => a.start - b.start);
  const out: PhrasingContent[] = [];
  let last = 0;
  for (const f of found) {
    if (f.start > last) out.push(...line.slice(last, f.start, map));
    out.push(f.node);
    last = f.end;
  }
  if (last < value.length) out.push(...line.slice(last, value.length, map));
  return out;
}

/** `see @a, 3; -@b` → items, or undefined (plus a diagnostic) when a part is not a citation. */
function parseCluster(line: Line, inner: string, offset: number, options: CitationSyntaxOptions) {
  const { map } = options;
  const items: CitationItemSource[] = [];
  let partStart = 0;
  for (const part of splitParts(inner)) {
    const partOffset = offset + partStart;
    partStart += part.length + 1;
    const at = /(^|\s)(-?)@/.exec(part);
    if (!at) return malformed(line, partOffset + (part.length - part.trimStart().length), inner, options);
    const atIndex = at.index + at[1].length + at[2].length;
    const k = readKey(part, atIndex + 1);
    if (!k || HAS_SLOT.test(k.key)) return malformed(line, partOffset + atIndex, inner, options);
    const prefix = part.slice(0, at.index + at[1].length).trim();
    const item: CitationItemSource = {
      key: k.key,
      at: line.place(partOffset + atIndex, map),
      ...parseSuffix(part.slice(atIndex + 1 + k.length)),
    };
    if (item.suffix) item.suffix = line.html(item.suffix);
    if (prefix) item.prefix = line.html(prefix.replace(/\s+/g, ' ')) + ' ';
    if (at[2]) item.suppressAuthor = true;
    items.push(item);
  }
  return items;
}

/** Split a cluster at `;`, except inside braces (`@{a;b}`, `{pp. 1; 3}`). */
function splitParts(inner: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (c === ';' && depth === 0) {
      parts.push(inner.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(inner.slice(from));
  return parts;
}

function malformed(line: Line, index: number, inner: string, options: CitationSyntaxOptions): undefined {
  const shown = inner.replace(SLOTS, '…');
  options.diagnostics.push(
    diagnostic(options.file, line.place(index, options.map), 'error', 'citation-malformed',
      `Citation "[${shown}]" is malformed: every part between ";" needs one @key.`,
      'Write it as [@key], [@key, p. 12] or [see @a, 3; @b]; to print a literal bracket with @, escape it as \\@.'),
  );
  return undefined;
}

function citationNode(line: Line, mode: CitationNode['mode'], items: CitationItemSource[],
  start: number, end: number, map: SourceMap): CitationNode {
  const raw = toString({ type: 'paragraph', children: line.slice(start, end, map) });
  return { type: 'citation', mode, items, raw, position: { start: line.point(start, map), end: line.point(end, map, true) } };
}

function textPt(node: Text, index: number, map: SourceMap) {
  const p = map.textPoint(node, index);
  return { line: p.line, column: p.column, offset: map.offset(p) };
}

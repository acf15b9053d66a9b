// Prepare an mdast tree so that only prose reaches the English parser, with exact source positions:
// - text whose value differs from its source (escapes, `> ` on continued lines, entities) is cut into pieces
//   that each match the source, so every word keeps its own line and column;
// - citations (`[@key]`, `[see @a, p. 3]`, `@key`), footnote labels (`[^1]`) and URLs become opaque
//   `citation`/`url` nodes, which mdast-util-to-nlcst turns into SourceNodes (never spell-checked).
import type { Nodes, Paragraph, Root, Text } from 'mdast';
import type { Locate } from './locator.ts';

/** mdast types that are not prose at all. */
export const IGNORE_TYPES = ['code', 'html', 'yaml', 'toml', 'definition', 'math', 'rawBlock', 'pageBreak'];
/** mdast types kept as one opaque token (mdast-util-to-nlcst `source`). */
// Inline math is a word of the sentence ("with range $r$, is"): an opaque token, so no gap is left.
export const SOURCE_TYPES = ['inlineCode', 'inlineMath', 'rawInline', 'footnoteReference', 'citation', 'url'];

const NOT_PROSE = new RegExp(
  [
    String.raw`\[[^\[\]\n]*(?<![\p{L}\d_])-?@[\p{L}\d_][^\[\]\n]*\]`, // bracketed citation
    String.raw`\[\^[^\]\s]+\]`, // footnote label
    String.raw`(?<![\p{L}\d_@.])-?@[\p{L}\d_](?:[\p{L}\d_:.#$%&+?<>~/-]*[\p{L}\d_])?`, // narrative citation
    String.raw`\b(?:https?://|www\.)[^\s<>]*[^\s<>.,;:!?'"’”)\]]`, // URL
  ].join('|'),
  'gu',
);

interface Piece {
  value: string;
  offset: number;
}

/** Cut `value` into runs that appear verbatim in `source` (which starts at `base`). */
function align(value: string, source: string, base: number): Piece[] {
  if (value === source) return [{ value, offset: base }];
  const pieces: Piece[] = [];
  let current: Piece | undefined;
  let j = 0;
  for (let i = 0; i < value.length; ) {
    if (j < source.length && value[i] === source[j]) {
      current ??= { value: '', offset: base + j };
      current.value += value[i++];
      j++;
      continue;
    }
    if (current) pieces.push(current);
    current = undefined;
    if (j >= source.length) {
      pieces.push({ value: value.slice(i), offset: base + source.length });
      break;
    }
    const semicolon = source[j] === '&' ? source.indexOf(';', j) : -1;
    if (semicolon > j && semicolon - j < 33) {
      pieces.push({ value: value[i++], offset: base + j }); // a character reference stands for one character
      j = semicolon + 1;
    } else j++; // markup the value does not contain: `\`, `> `, indentation
  }
  if (current) pieces.push(current);
  return pieces;
}

function splitText(node: Text, doc: string, locate: Locate): Nodes[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return [node];
  const out: Nodes[] = [];
  const at = (value: string, offset: number, type: 'text' | 'citation' | 'url') => {
    const position = { start: locate(offset), end: locate(offset + value.length) };
    out.push({ type, value, position } as Text);
  };
  for (const piece of align(node.value, doc.slice(start, end), start)) {
    let last = 0;
    for (const match of piece.value.matchAll(NOT_PROSE)) {
      const index = match.index ?? 0;
      if (index > last) at(piece.value.slice(last, index), piece.offset + last, 'text');
      at(match[0], piece.offset + index, /^[-@[]/.test(match[0]) ? 'citation' : 'url');
      last = index + match[0].length;
    }
    if (last < piece.value.length) at(piece.value.slice(last), piece.offset + last, 'text');
  }
  return out;
}

function isAutolink(node: Nodes): boolean {
  if (node.type !== 'link' || node.children.length !== 1 || node.children[0].type !== 'text') return false;
  const text = node.children[0].value;
  return [text, `mailto:${text}`, `http://${text}`, `https://${text}`].includes(node.url);
}

/** Mutates `tree` (see the file comment). */
export function prepareProse(tree: Root, doc: string, locate: Locate): Root {
  const walk = (parent: Nodes) => {
    if (!('children' in parent)) return;
    const children: Nodes[] = [];
    for (const child of parent.children as Nodes[]) {
      if (child.type === 'text') children.push(...splitText(child, doc, locate));
      else if (isAutolink(child)) children.push({ ...child, type: 'url' } as unknown as Nodes);
      // An empty link (`[](#fig-x){.ref}`) prints a label made at build time: a word, never a spacing fault.
      else if (child.type === 'link' && child.children.length === 0) children.push({ ...child, type: 'url', children: [{ type: 'text', value: 'ref' }] } as unknown as Nodes);
      else {
        walk(child);
        children.push(child);
      }
    }
    (parent as { children: Nodes[] }).children = children;
  };
  walk(tree);
  return tree;
}

/** A plain-text file as mdast: each run of non-blank lines is one paragraph of one text node. */
export function textToMdast(doc: string, locate: Locate): Root {
  const children: Paragraph[] = [];
  // Line by line rather than one pattern: `[^\n]*\S[^\n]*` retried at every offset of a long blank line is
  // quadratic.
  const paragraph = (start: number, end: number) => {
    const position = { start: locate(start), end: locate(end) };
    children.push({ type: 'paragraph', children: [{ type: 'text', value: doc.slice(start, end), position }], position });
  };
  let start = -1;
  let end = 0;
  let offset = 0;
  for (const line of doc.split('\n')) {
    if (/\S/.test(line)) {
      if (start < 0) start = offset;
      end = offset + line.length;
    } else if (start >= 0) {
      paragraph(start, end);
      start = -1;
    }
    offset += line.length + 1;
  }
  if (start >= 0) paragraph(start, end);
  const root: Root = { type: 'root', children, position: { start: locate(0), end: locate(doc.length) } };
  return root;
}

// Pandoc's fancy and example lists, which CommonMark leaves as paragraphs:
//   i. ii. iii.   (i) (ii)   I.  II.        roman numerals (a capital with a period needs two spaces after it)
//   a. b)  (c)    A.  B)  (C)               letters
//   #. #.                                   auto-numbered
//   (@) (@good)                             example lists, numbered on through the chapter; `(@good)` in
//                                           the text becomes the example's number
// A run of paragraphs whose lines begin with markers of one style becomes an ordered `list` with
// `start` and an HTML `type` (`i`, `I`, `a`, `A`), as pandoc writes it. Lines without a marker continue
// the item before them. Works on the parsed tree; positions of the item text are kept.
import type { List, ListItem, Paragraph, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { visit } from 'unist-util-visit';

type Style = 'lower-roman' | 'upper-roman' | 'lower-alpha' | 'upper-alpha' | 'auto' | 'example';
const HTML_TYPE: Partial<Record<Style, string>> = { 'lower-roman': 'i', 'upper-roman': 'I', 'lower-alpha': 'a', 'upper-alpha': 'A' };

// `(x)`, `x)` or `x.` then space(s). Group 1: the open paren, 2: the marker, 3: the closing, 4: spaces.
const MARKER = /^(\()?(#|@[\w-]*|[ivxlcdm]+|[IVXLCDM]+|[a-z]|[A-Z])([.)])([ \t]+|$)/;

interface Marker {
  style: Style;
  value: number;
  label?: string;
  length: number;
}

function roman(s: string): number {
  const v: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
  let total = 0;
  const t = s.toLowerCase();
  for (let i = 0; i < t.length; i++) {
    const cur = v[t[i]!]!;
    const next = v[t[i + 1] ?? ''] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return total;
}

function parseMarker(line: string, want: Style | undefined): Marker | undefined {
  const m = MARKER.exec(line);
  if (!m) return undefined;
  const [, open, body, close, space] = m as unknown as [string, string | undefined, string, string, string];
  if (open && close !== ')') return undefined;
  if (!open && close === ')' && /^\d/.test(body)) return undefined;
  const length = m[0].length;
  if (body === '#') return open ? undefined : { style: 'auto', value: 1, length };
  if (body.startsWith('@')) return open && close === ')' ? { style: 'example', value: 0, label: body.slice(1) || undefined, length } : undefined;
  if (/^[A-Z]$/.test(body) && close === '.' && !open && space.length < 2 && want !== 'upper-alpha' && want !== 'upper-roman') return undefined;
  const isRoman = /^[ivxlcdm]+$/i.test(body);
  const lower = body === body.toLowerCase();
  // A single letter is a roman numeral only where roman is expected or the list starts at i / I.
  let style: Style;
  if (isRoman && (body.length > 1 || want?.endsWith('roman') || /^[iI]$/.test(body))) style = lower ? 'lower-roman' : 'upper-roman';
  else if (body.length === 1) style = lower ? 'lower-alpha' : 'upper-alpha';
  else return undefined;
  if (want && want !== style) {
    // `want` decides between the two readings of a letter such as `c` or `v`.
    if (want.endsWith('alpha') && body.length === 1) style = want;
    else return undefined;
  }
  const value = style.endsWith('roman') ? roman(body) : body.toLowerCase().charCodeAt(0) - 96;
  return { style, value, length };
}

/**
 * The paragraph's inline content split into lines (soft line breaks inside text nodes). With the source,
 * each later line's text is placed where it is on its line (after any indent or `> `), offsets included.
 */
function lines(p: Paragraph, source?: SourceLines): PhrasingContent[][] {
  const out: PhrasingContent[][] = [[]];
  for (const child of p.children) {
    if (child.type !== 'text' || !child.value.includes('\n')) {
      out[out.length - 1]!.push(child);
      continue;
    }
    const parts = child.value.split('\n');
    let offset = 0;
    parts.forEach((part, i) => {
      if (i > 0) out.push([]);
      const start = child.position?.start;
      const at = start && i > 0 ? (source?.place(start.line + i, part) ?? { line: start.line + i, column: 1 }) : start;
      const end = at && { line: at.line, column: at.column + part.length, offset: at.offset === undefined ? undefined : at.offset + part.length };
      if (part) out[out.length - 1]!.push({ type: 'text', value: part, position: at && end ? { start: at, end } : undefined });
      offset += part.length + 1;
    });
  }
  return out;
}

interface SourceLines {
  place(line: number, text: string): { line: number; column: number; offset: number } | undefined;
}

function sourceLines(text: string): SourceLines {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    place(line, part) {
      const from = starts[line - 1];
      if (from === undefined) return undefined;
      const to = starts[line] ?? text.length;
      const column = text.slice(from, to).indexOf(part);
      return column < 0 ? undefined : { line, column: column + 1, offset: from + column };
    },
  };
}

function firstText(line: PhrasingContent[]): string {
  const first = line[0];
  return first?.type === 'text' ? first.value : '';
}

function stripMarker(line: PhrasingContent[], length: number): PhrasingContent[] {
  const first = line[0] as Text;
  const rest = first.value.slice(length);
  const start = first.position?.start;
  const moved: Text = { type: 'text', value: rest, position: start ? { start: { ...start, column: start.column + length, offset: start.offset === undefined ? undefined : start.offset + length }, end: first.position!.end } : undefined };
  return rest ? [moved, ...line.slice(1)] : line.slice(1);
}

/** From the first positioned node's start to the last one's end: where an item's text is in the source. */
function spanOf(nodes: PhrasingContent[]): Paragraph['position'] {
  const placed = nodes.filter((n) => n.position);
  return placed.length ? { start: placed[0]!.position!.start, end: placed[placed.length - 1]!.position!.end } : undefined;
}

function joinLines(parts: PhrasingContent[][]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  parts.forEach((line, i) => {
    if (i > 0) out.push({ type: 'text', value: '\n' });
    out.push(...line);
  });
  return out;
}

/** `source`: the text the tree was parsed from, to keep the items' text at its exact places. */
export function fancyLists(tree: Root, source?: string): void {
  const placed = source === undefined ? undefined : sourceLines(source);
  const examples = new Map<string, number>();
  let exampleCount = 0;
  visit(tree, (node) => {
    if (!('children' in node) || node.type === 'paragraph' || node.type === 'heading') return;
    const parent = node as Parent;
    for (let i = 0; i < parent.children.length; i++) {
      const first = parent.children[i];
      if (first?.type !== 'paragraph') continue;
      const head = parseMarker(firstText(lines(first as Paragraph)[0]!), undefined);
      if (!head) continue;
      const style = head.style;
      const items: { marker: Marker; content: PhrasingContent[][] }[] = [];
      let j = i;
      for (; j < parent.children.length; j++) {
        const p = parent.children[j];
        if (p?.type !== 'paragraph') break;
        const ls = lines(p as Paragraph, placed);
        const m = parseMarker(firstText(ls[0]!), style);
        if (!m || m.style !== style) break;
        for (const line of ls) {
          const mm = parseMarker(firstText(line), style);
          if (mm && mm.style === style) items.push({ marker: mm, content: [stripMarker(line, mm.length)] });
          else items[items.length - 1]!.content.push(line);
        }
      }
      const spread = j - i > 1 && j - i === items.length;
      let start = style === 'example' ? exampleCount + 1 : head.value;
      if (style === 'auto') start = 1;
      const list: List = {
        type: 'list',
        ordered: true,
        start,
        spread,
        position: { start: first.position!.start, end: parent.children[j - 1]!.position!.end },
        children: items.map((item): ListItem => {
          if (style === 'example') {
            exampleCount++;
            if (item.marker.label) examples.set(item.marker.label, exampleCount);
          }
          const children = joinLines(item.content);
          const position = spanOf(children);
          return { type: 'listItem', spread, position, children: [{ type: 'paragraph', position, children }] };
        }),
        data: { hProperties: HTML_TYPE[style] ? { type: HTML_TYPE[style] } : style === 'example' ? { className: ['example'] } : {} },
      };
      parent.children.splice(i, j - i, list as RootContent);
    }
  });
  if (examples.size === 0) return;
  // `(@good)` in the text: the example's number, as pandoc does.
  visit(tree, 'text', (node: Text) => {
    if (!node.value.includes('(@')) return;
    node.value = node.value.replace(/\(@([\w-]+)\)/g, (all, label: string) => (examples.has(label) ? `(${examples.get(label)})` : all));
  });
}

// remarkBracketedSpan — pandoc's bracketed spans: `[text]{.smallcaps}`, `[mot]{lang=fr}`,
// `[x]{#id .a key=v}`, and `[]{#anchor}` (an empty span: an anchor).
// Node: mdast `span` (phrasing children) with `data.attributes` (see ../attributes.ts) and
// `data.hName: 'span'`, `data.hProperties` → `<span class="smallcaps">`. No rule ids: brackets whose
// braces are not valid attributes stay text. Links, references, footnote calls (`[^1]`), citations
// (`[@key]`), images (`![x]`) and escaped brackets (`\[x\]{.y}`) are never spans.
// Works on the parsed tree (micromark has no hook for `]{`): one linear pass over each parent's text
// children, so a span may hold emphasis, code, links (`[*emph* text]{.smallcaps}`). Needs the source:
// run it with the VFile that was parsed (`processor.runSync(tree, file)`).
import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { parseAttributes, toProperties, type Attributes } from '../attributes.ts';
import { indexAt, pointer, positionOf, sliceText, textSource, type TextSource } from './text-source.ts';

export interface Span extends Parent {
  type: 'span';
  children: PhrasingContent[];
}

declare module 'mdast' {
  interface PhrasingContentMap {
    span: Span;
  }
  interface RootContentMap {
    span: Span;
  }
  interface Data {
    /** Pandoc attributes written on the node (`{#id .class key=value}`). */
    attributes?: Attributes;
  }
}

interface Found {
  attributes: Attributes;
  /** Source offsets of `[` and just after `}`. */
  start: number;
  end: number;
}

interface Mark {
  child: number;
  /** Value index of `[` or `]`. */
  index: number;
  /** Close marks: value index just after `}`. */
  after: number;
  open: boolean;
  /** `![x]` (an unresolved image) and `[^x]` (a footnote call) pair brackets but are never spans. */
  blocked?: boolean;
  found?: Found;
}

export function remarkBracketedSpan() {
  return (tree: Root, file: VFile) => {
    const source = sourceOf(file, tree, 'remarkBracketedSpan');
    const toPoint = pointer(file);
    const made = new WeakSet<object>();
    visit(tree, (node) => {
      if ('children' in node && !made.has(node)) spansIn(node as Parent, source, toPoint, made);
    });
  };
}

/** The source text the tree was parsed from; the transforms read escapes and offsets in it. */
export function sourceOf(file: VFile, tree: Root, plugin: string): string {
  const source = String(file.value ?? '');
  if (source === '' && tree.children.length > 0) {
    throw new Error(`${plugin} needs the Markdown source: run the processor with the VFile that was parsed (processor.runSync(tree, file)).`);
  }
  return source;
}

function spansIn(parent: Parent, source: string, toPoint: (offset: number) => Point, made: WeakSet<object>): void {
  const children = parent.children;
  if (!children.some((c) => c.type === 'text' && c.position && c.value.includes(']{'))) return;
  const sources = new Map<number, TextSource>();
  const marks: Mark[] = [];
  const stack: Mark[] = [];
  children.forEach((child, ci) => {
    if (child.type !== 'text' || !child.position) return;
    const ts = textSource(child, source);
    sources.set(ci, ts);
    const value = child.value;
    for (let i = 0; i < value.length; i++) {
      const c = value[i];
      if (ts.literal[i] || (c !== '[' && c !== ']')) continue;
      if (c === '[') {
        const blocked = (value[i - 1] === '!' && !ts.literal[i - 1]) || value[i + 1] === '^';
        const mark: Mark = { child: ci, index: i, after: i + 1, open: true, blocked };
        stack.push(mark);
        if (!blocked) marks.push(mark);
        continue;
      }
      const open = stack.pop();
      if (!open || open.blocked || value[i + 1] !== '{' || ts.literal[i + 1]) continue;
      const braceAt = ts.offsets[i + 1]!;
      const parsed = parseAttributes(source, braceAt);
      const end = braceAt + parsed.length;
      if (!parsed.ok || end > child.position.end.offset!) continue;
      const openAt = sources.get(open.child)!.offsets[open.index]!;
      open.found = { attributes: parsed.attributes, start: openAt, end };
      const after = indexAt(ts, i + 1, end);
      marks.push({ child: ci, index: i, after, open: false, found: open.found });
      i = after - 1;
    }
  });
  if (!marks.some((m) => !m.open)) return;
  rebuild(parent, marks.filter((m) => m.found), sources, toPoint, made);
}

/** Splits the text children at the marks and moves everything between `[` and `]{…}` into a span. */
function rebuild(parent: Parent, marks: Mark[], sources: Map<number, TextSource>, toPoint: (offset: number) => Point, made: WeakSet<object>): void {
  const frames: PhrasingContent[][] = [[]];
  let m = 0;
  parent.children.forEach((child, ci) => {
    const top = () => frames[frames.length - 1]!;
    if (m >= marks.length || marks[m]!.child !== ci) {
      top().push(child as PhrasingContent);
      return;
    }
    const text = child as Text;
    const ts = sources.get(ci)!;
    let from = 0;
    for (; m < marks.length && marks[m]!.child === ci; m++) {
      const mark = marks[m]!;
      if (mark.index > from) top().push(sliceText(text, ts, from, mark.index, toPoint));
      if (mark.open) {
        frames.push([]);
        from = mark.index + 1;
        continue;
      }
      const found = mark.found!;
      const span: Span = {
        type: 'span',
        children: frames.pop()!,
        position: positionOf(toPoint, found.start, found.end),
        data: { attributes: found.attributes, hName: 'span', hProperties: toProperties(found.attributes) },
      };
      made.add(span);
      top().push(span);
      from = mark.after;
    }
    if (from < text.value.length) top().push(sliceText(text, ts, from, text.value.length, toPoint));
  });
  parent.children = frames[0]!;
}

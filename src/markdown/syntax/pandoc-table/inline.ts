// A cell's text (line fragments that are not next to each other in the file) parsed as inline Markdown
// by the document's own parser, so link references, footnote calls and every inline extension behave as
// in a paragraph. The fragments are written as the lines of a small text document; its events go through
// the compile context's handlers (the same ones the paragraph's text goes through), and every position
// of the new nodes is then moved from the small document back to the file.
import type { Nodes, Parent, Root } from 'mdast';
import type { CompileContext } from 'mdast-util-from-markdown';
import { codes } from 'micromark-util-symbol';
import { subtokenize } from 'micromark-util-subtokenize';
import type { Chunk, Point as MicromarkPoint, Token } from 'micromark-util-types';
import type { Point } from 'unist';
import type { Fragment } from './layout.ts';
import type { TableLine, TableSource } from './node.ts';

/** Where column `column` (of the layout) of a table line is in the file; past the end: the line's end. */
export function sourcePoint(line: TableLine, column: number): Point {
  const at = Math.max(line.indent, Math.min(column, line.text.length));
  let index = at - line.indent;
  if (line.padding) for (const p of line.padding) if (p < at) index--;
  return { line: line.start.line, column: line.start.column + index, offset: (line.start.offset ?? 0) + index };
}

/** A token for `context.enter` / `context.exit` (never in the events). */
export function span(type: Token['type'], start: Point, end: Point): Token {
  const at = (p: Point): MicromarkPoint => ({ line: p.line, column: p.column, offset: p.offset ?? 0, _index: 0, _bufferIndex: -1 });
  return { type, start: at(start), end: at(end) };
}

/** Parses the fragments as inline content appended to the node on top of the compile stack. */
export function parseInline(context: CompileContext, source: TableSource, fragments: Fragment[]): void {
  const chunks: Chunk[] = [];
  for (const f of fragments) {
    if (chunks.length > 0) chunks.push(codes.lineFeed);
    chunks.push(source.lines[f.line]!.text.slice(f.start, f.end));
  }
  chunks.push(codes.eof);
  const events = source.parser.text({ line: 1, column: 1, offset: 0 }).write(chunks);
  while (!subtokenize(events)) {
    // Until no content is left to expand.
  }
  const parent = context.stack[context.stack.length - 1] as Parent;
  const before = parent.children.length;
  const root = context.stack[0] as Root;
  const unclosedBefore = root.data?.inlineNoteUnclosed?.length ?? 0;
  const { sliceSerialize: _, ...shared } = context;
  const config = context.config;
  for (const [kind, token, tokenizer] of events) {
    const handle = { ...shared, sliceSerialize: tokenizer.sliceSerialize } as CompileContext;
    if (kind === 'enter') for (const listener of config.beforeEnter ?? []) listener.call(handle, token);
    const handler = config[kind][token.type];
    if (handler) handler.call(handle, token);
    if (kind === 'exit') for (const listener of config.afterExit ?? []) listener.call(handle, token);
  }
  // Back to the file: line k of the small document is fragment k.
  const move = (p: Point): Point => {
    const f = fragments[p.line - 1] ?? fragments[fragments.length - 1]!;
    return sourcePoint(source.lines[f.line]!, f.start + p.column - 1);
  };
  const visit = (node: Nodes) => {
    if (node.position) node.position = { start: move(node.position.start), end: move(node.position.end) };
    if ('children' in node) for (const child of node.children) visit(child);
  };
  for (const child of parent.children.slice(before)) visit(child);
  const unclosed = root.data?.inlineNoteUnclosed;
  if (unclosed) for (let i = unclosedBefore; i < unclosed.length; i++) unclosed[i] = move(unclosed[i]!);
}

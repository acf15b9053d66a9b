// mdast-util-from-markdown extension: a `pandocTable` token → an mdast `table` (header row first, `align`
// per column, `data.headless` when pandoc's table has no header); a `pandocTableText` token (a malformed
// table) → its lines as ordinary paragraphs, the first carrying the problem for the plugin to report.
// Cells hold inline content; a grid cell of several paragraphs holds paragraphs.
import type { Paragraph, Table, TableCell, TableRow } from 'mdast';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import type { Point } from 'unist';
import { parseInline, sourcePoint, span } from './inline.ts';
import { isBlank, type Fragment, type Row } from './layout.ts';
import type { TableSource } from './node.ts';

export function pandocTableFromMarkdown(): FromMarkdownExtension {
  return {
    // A multiline cell's line endings stay in its text (as in a paragraph).
    canContainEols: ['tableCell'],
    enter: { pandocTable: enterTable, pandocTableText: enterText },
    exit: { pandocTable: exitTable },
  };
}

function enterTable(this: CompileContext, token: Token): undefined {
  const source = token._pandocTable!;
  if (source.analysis.kind !== 'table') return;
  const { layout } = source.analysis;
  const node: Table = { type: 'table', align: layout.align, children: [] };
  if (layout.headless) node.data = { headless: true };
  this.enter(node, token);
  for (const row of layout.rows) addRow(this, source, row);
}

function exitTable(this: CompileContext, token: Token): undefined {
  this.exit(token);
}

function addRow(context: CompileContext, source: TableSource, row: Row): void {
  const lines = source.lines;
  const last = lines[row.last]!;
  const rowToken = span('pandocTableRow', lines[row.first]!.start, sourcePoint(last, last.text.length));
  context.enter({ type: 'tableRow', children: [] } satisfies TableRow, rowToken);
  for (const paragraphs of row.cells) {
    const all = paragraphs.flat();
    const start = all[0] ? pointOf(source, all[0], 'start') : rowToken.start;
    const end = all.length > 0 ? pointOf(source, all[all.length - 1]!, 'end') : rowToken.start;
    const cellToken = span('pandocTableCell', start, end);
    context.enter({ type: 'tableCell', children: [] } satisfies TableCell, cellToken);
    if (paragraphs.length === 1) parseInline(context, source, paragraphs[0]!);
    else for (const fragments of paragraphs) addParagraph(context, source, fragments);
    context.exit(cellToken);
  }
  context.exit(rowToken);
}

function pointOf(source: TableSource, f: Fragment, edge: 'start' | 'end'): Point {
  return sourcePoint(source.lines[f.line]!, edge === 'start' ? f.start : f.end);
}

function addParagraph(context: CompileContext, source: TableSource, fragments: Fragment[], data?: Paragraph['data']): void {
  const token = span('pandocTableParagraph', pointOf(source, fragments[0]!, 'start'), pointOf(source, fragments[fragments.length - 1]!, 'end'));
  const node: Paragraph = { type: 'paragraph', children: [] };
  if (data) node.data = data;
  context.enter(node, token);
  parseInline(context, source, fragments);
  context.exit(token);
}

/** A malformed table: each run of non-blank lines is a paragraph of its (trimmed) lines. */
function enterText(this: CompileContext, token: Token): undefined {
  const source = token._pandocTable!;
  if (source.analysis.kind !== 'malformed') return;
  const { problem } = source.analysis;
  const place = sourcePoint(source.lines[problem.line]!, problem.column);
  let run: Fragment[] = [];
  let first = true;
  const flush = () => {
    if (run.length === 0) return;
    addParagraph(this, source, run, first ? { pandocTableProblem: { ...problem, place } } : undefined);
    first = false;
    run = [];
  };
  source.lines.forEach((line, index) => {
    if (isBlank(line.text)) return flush();
    const start = line.text.search(/[^ ]/);
    run.push({ line: index, start, end: line.text.trimEnd().length });
  });
  flush();
}

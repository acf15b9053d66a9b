// remarkPandocTables: pandoc's simple, multiline and grid tables (the pipe tables are remark-gfm's).
// Node: an ordinary mdast `table` (header row first, `align` per column, cells of inline Markdown; a grid
//   cell of several paragraphs holds `paragraph`s), so captions (table-caption), alignment classes and
//   every output treat it like a pipe table. A table without a header row has `data.headless: true`;
//   `headlessTable` (for the `table` to-hast handler) then makes all its rows body rows with `<td>`s.
// Diagnostics (vfile messages, source `remark-pandoc-table`):
//   `table-malformed` (warning) where the table goes wrong (text across a column boundary or left of the
//   first column, a multiline row wider than the dashes, a ragged grid line, a missing wall or border, a
//   misplaced `+===+`): the table's lines are printed as ordinary paragraphs;
//   `table-cell-blocks` (warning) at a cell line that starts a list, quotation or code block.
import type { Element, ElementContent } from 'hast';
import type { Root, Table } from 'mdast';
import { defaultHandlers, type Handlers, type State } from 'mdast-util-to-hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from '../report.ts';
import { pandocTableFromMarkdown } from './from-markdown.ts';
import { pandocTableSyntax } from './syntax.ts';

export type { Align, Analysis, Layout } from './layout.ts';

const SOURCE = 'remark-pandoc-table';

export const remarkPandocTables: Plugin<[], Root> = function () {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(pandocTableSyntax());
  (data.fromMarkdownExtensions ??= []).push(pandocTableFromMarkdown());
  return (tree: Root, file: VFile) => {
    visit(tree, 'paragraph', (node) => {
      const problem = node.data?.pandocTableProblem;
      if (!problem) return;
      report(file, problem.place, 'warning', SOURCE, 'table-malformed', problem.message, problem.hint);
      delete node.data!.pandocTableProblem;
      if (Object.keys(node.data!).length === 0) delete node.data;
    });
    // A cell over several lines may hold what only a block can: a list, a quotation, code. Cells hold
    // paragraphs and inline Markdown here, so such a line would print as its markup: say so, at the line.
    visit(tree, 'tableCell', (cell) => {
      visit(cell, 'text', (text) => {
        const lines = text.value.split('\n');
        const at = lines.findIndex((line, i) => i > 0 && BLOCK_START.test(line));
        if (at === -1 || !text.position) return;
        const place = { line: text.position.start.line + at, column: 1 };
        report(file, place, 'warning', SOURCE, 'table-cell-blocks',
          `"${lines[at]!.trim().slice(0, 30)}" starts a list, quotation or code block, which a table cell cannot hold here: it is printed as text.`,
          'Write the cell as plain sentences, or move the list out of the table.');
      });
    });
  };
};

/** A line that begins a block construct (a list item, a quotation, a code fence). */
const BLOCK_START = /^\s*(?:[-*+]\s+\S|\d{1,9}[.)]\s+\S|>\s|```|~~~)/;

/**
 * For a headerless table (`data.headless`), the default handler's `<thead>` row becomes the first body
 * row and its `<th>`s become `<td>`s. Other tables are returned as they are.
 */
export function headlessTable(node: Table, result: Element): Element {
  if (!node.data?.headless) return result;
  const head = result.children.find((c): c is Element => c.type === 'element' && c.tagName === 'thead');
  if (!head) return result;
  const rows = head.children.filter((c): c is Element => c.type === 'element');
  for (const row of rows) for (const cell of row.children) if (cell.type === 'element' && cell.tagName === 'th') cell.tagName = 'td';
  let body = result.children.find((c): c is Element => c.type === 'element' && c.tagName === 'tbody');
  const bodyRows = body ? body.children.filter((c): c is Element => c.type === 'element') : [];
  if (!body) body = { type: 'element', tagName: 'tbody', properties: {}, children: [] };
  body.position = head.position && { start: head.position.start, end: (body.position ?? head.position).end };
  body.children = lines([...rows, ...bodyRows]);
  result.children = lines(result.children.filter((c): c is Element => c.type === 'element' && c !== head && c.tagName !== 'tbody').concat(body));
  return result;
}

/** Children with a newline before each and at the end (as mdast-util-to-hast's `wrap(…, true)`). */
function lines(children: Element[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const child of children) out.push({ type: 'text', value: '\n' }, child);
  out.push({ type: 'text', value: '\n' });
  return out;
}

/** The default `table` handler with `headlessTable` (for tests and pipelines without their own). */
export function table(state: State, node: Table): Element {
  return headlessTable(node, defaultHandlers.table(state, node));
}

export const pandocTableHandlers: Handlers = { table };

// What the syntax extension hands to the mdast side, and the data it leaves on nodes.
import type { ParseContext } from 'micromark-util-types';
import type { Point } from 'unist';
import type { Analysis, Problem } from './layout.ts';

/** One source line of a table as the layout saw it. */
export interface TableLine {
  /** The line with tabs expanded (the layout's columns), from the start of its flow line. */
  text: string;
  /** Where character `indent` of `text` is in the file (the columns before it are a line prefix). */
  start: Point;
  indent: number;
  /** Columns of `text` that are a tab's padding (no character of the file), ascending. */
  padding?: number[];
}

/** Attached to the `pandocTable` / `pandocTableText` token. */
export interface TableSource {
  analysis: Analysis;
  lines: TableLine[];
  /** The document's parser: cells are parsed as its text content (so references and notes resolve). */
  parser: ParseContext;
  /** The header line is the one-line paragraph (or indented line) just above: the table takes it over. */
  absorb: boolean;
}

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    pandocTable: 'pandocTable';
    /** A malformed table: its lines become ordinary paragraphs. */
    pandocTableText: 'pandocTableText';
    pandocTableLine: 'pandocTableLine';
    /** Only inside a check: the lines looked at. */
    pandocTableScan: 'pandocTableScan';
    /** Never in the events: the mdast side's rows, cells and paragraphs. */
    pandocTableRow: 'pandocTableRow';
    pandocTableCell: 'pandocTableCell';
    pandocTableParagraph: 'pandocTableParagraph';
  }
  interface Token {
    _pandocTable?: TableSource;
  }
}

declare module 'mdast' {
  interface TableData {
    /** A pandoc table without a header row: every row is a body row (see `headlessTable`). */
    headless?: boolean;
  }
  interface ParagraphData {
    /** A malformed table printed as text: the plugin reports it (then removes this). */
    pandocTableProblem?: Problem & { place: Point };
  }
}

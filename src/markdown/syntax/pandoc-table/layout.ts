// The shape of pandoc's simple, multiline and grid tables, read from lines of text (tabs already expanded,
// so a column is a character position). Nothing here knows about micromark: the syntax extension feeds
// lines to a `Collector` (which says when it has seen enough), then `analyze` says whether they are a
// table, how far it runs, where its cells are, or what is wrong with it.
//
//   simple:     a header line, a line of dash groups (two or more) under it, one row per line, ended by a
//               blank line (or by a dashes line and a blank line); headerless: dashes, rows, dashes.
//   multiline:  dashes, header lines, dash groups, rows separated by blank lines, dashes and a blank line;
//               headerless: dash groups, rows, dashes. Cells wrap over the lines of their row.
//   grid:       `+---+` borders, `|` walls under each `+`, `+===+` under the header row, `:` for alignment.
// The order of the attempts is pandoc's: multiline, simple, simple headerless, multiline headerless.

export type Align = 'left' | 'right' | 'center' | null;

/** Characters `start` to `end` (exclusive) of line `line` (an index into the table's lines). */
export interface Fragment {
  line: number;
  start: number;
  end: number;
}

/** A cell's text: paragraphs of line fragments (no paragraph: an empty cell). */
export type CellText = Fragment[][];

export interface Row {
  /** Its first and last line (indices into the table's lines). */
  first: number;
  last: number;
  cells: CellText[];
}

export interface Layout {
  syntax: 'simple' | 'multiline' | 'grid';
  headless: boolean;
  align: Align[];
  /** The header row first, unless `headless`. */
  rows: Row[];
}

export interface Problem {
  line: number;
  column: number;
  message: string;
  hint: string;
}

export type Analysis =
  | { kind: 'table'; lines: number; layout: Layout }
  | { kind: 'malformed'; lines: number; problem: Problem };

interface Group {
  start: number;
  end: number;
}

interface Column {
  start: number;
  dashEnd: number;
  /** Where the next column starts (the last column runs to the end of the line). */
  slotEnd: number;
}

export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== 32) return false;
  return true;
}

/** The dash groups of a line of dashes and spaces (at most three spaces before the first dash). */
export function dashGroups(text: string): Group[] | undefined {
  let i = 0;
  while (i < text.length && text[i] === ' ') i++;
  if (i > 3 || text[i] !== '-') return undefined;
  const groups: Group[] = [];
  while (i < text.length) {
    if (text[i] === ' ') i++;
    else if (text[i] === '-') {
      const start = i;
      while (i < text.length && text[i] === '-') i++;
      groups.push({ start, end: i });
    } else return undefined;
  }
  return groups;
}

interface Border {
  plus: number[];
  fill: '-' | '=';
  align: Align[];
}

/** `+---+:--:+` (a grid table's border), starting at `indent`, with spaces only after it. */
function border(text: string, indent: number): Border | undefined {
  if (text[indent] !== '+') return undefined;
  const plus = [indent];
  const align: Align[] = [];
  let fill: '-' | '=' | undefined;
  let i = indent + 1;
  while (i < text.length && text[i] !== ' ') {
    const start = i;
    while (i < text.length && text[i] !== '+' && text[i] !== ' ') i++;
    if (text[i] !== '+' || i === start) return undefined;
    const segment = text.slice(start, i);
    const left = segment.startsWith(':');
    const right = segment.length > 1 && segment.endsWith(':');
    const body = segment.slice(left ? 1 : 0, right ? -1 : undefined);
    const char = body[0];
    if ((char !== '-' && char !== '=') || body !== char.repeat(body.length) || (fill && fill !== char)) return undefined;
    fill = char;
    align.push(left && right ? 'center' : left ? 'left' : right ? 'right' : null);
    plus.push(i);
    i++;
  }
  if (!fill || !isBlank(text.slice(i))) return undefined;
  return { plus, fill, align };
}

const GRID_LINE = /^ *[+|]/;

function isTopBorder(text: string): boolean {
  const indent = text.search(/[^ ]/);
  return indent !== -1 && indent <= 3 && border(text, indent)?.fill === '-';
}

/** Takes lines until the table (or what looks like one) has certainly ended. */
export class Collector {
  readonly lines: string[] = [];
  kind: 'grid' | 'dashes' | 'header' | undefined;
  /** The first line is a simple table's header, whatever it looks like. */
  readonly headed: boolean;
  constructor(headed = false) {
    this.headed = headed;
  }

  /** Adds a line; false: enough (the table, if any, ends at or before this line). */
  push(text: string): boolean {
    const lines = this.lines;
    const i = lines.push(text) - 1;
    if (i === 0) {
      if (isBlank(text)) return false;
      this.kind = this.headed ? 'header' : isTopBorder(text) ? 'grid' : dashGroups(text) ? 'dashes' : 'header';
      return true;
    }
    if (this.kind === 'grid') return GRID_LINE.test(text);
    if (this.kind === 'header') return i === 1 ? (dashGroups(text)?.length ?? 0) >= 2 : !isBlank(text);
    // Dashes first: it ends at a line of dashes followed by a blank line.
    if (i === 1) return !isBlank(text);
    return !(isBlank(text) && dashGroups(lines[i - 1]!) !== undefined);
  }
}

export function analyze(lines: readonly string[], headed = false): Analysis | undefined {
  const first = lines[0];
  if (first === undefined || isBlank(first)) return undefined;
  if (headed) return simple(lines);
  if (isTopBorder(first)) return grid(lines);
  if (dashGroups(first)) return dashesFirst(lines);
  return simple(lines);
}

function columns(groups: Group[]): Column[] {
  return groups.map((g, i) => ({ start: g.start, dashEnd: g.end, slotEnd: groups[i + 1]?.start ?? Infinity }));
}

function malformed(lines: number, line: number, column: number, message: string, hint: string): Analysis {
  return { kind: 'malformed', lines, problem: { line, column, message, hint } };
}

const COLUMN_HINT = 'Keep each cell\'s text between the start of its dashes and the start of the next column\'s dashes.';

/** Text that would be cut by a column boundary, or left of the first column, or (multiline) past the dashes. */
function checkLine(text: string, cols: Column[], width: number | undefined): { column: number; message: string } | undefined {
  const indent = text.search(/[^ ]/);
  if (indent === -1) return undefined;
  if (indent < cols[0]!.start) return { column: indent, message: 'text starts left of the first column\'s dashes' };
  for (let i = 1; i < cols.length; i++) {
    const b = cols[i]!.start;
    if (b < text.length && text[b - 1] !== ' ' && text[b] !== ' ') {
      let s = b - 1;
      while (s > 0 && text[s - 1] !== ' ') s--;
      return { column: s, message: `text runs across the boundary between columns ${i} and ${i + 1}` };
    }
  }
  if (width !== undefined) {
    const last = text.trimEnd().length;
    if (last > width) {
      let s = width;
      while (text[s] === ' ') s++;
      return { column: s, message: 'a line is wider than the dashes' };
    }
  }
  return undefined;
}

/** The trimmed text of each column on one line. */
function slots(text: string, line: number, cols: Column[]): Array<Fragment | undefined> {
  return cols.map((c) => {
    let start = c.start;
    let end = Math.min(c.slotEnd, text.length);
    while (start < end && text[start] === ' ') start++;
    while (end > start && text[end - 1] === ' ') end--;
    return start < end ? { line, start, end } : undefined;
  });
}

/** pandoc's rule: from the shortest non-empty sample, text indented from the dashes' start and/or short of their end. */
function alignment(col: Column, samples: Array<Fragment | undefined>): Align {
  let best: Fragment | undefined;
  for (const s of samples) if (s && (!best || s.end < best.end)) best = s;
  if (!best) return null;
  const left = best.start > col.start;
  const right = best.end < col.dashEnd;
  return left && right ? 'center' : left ? 'right' : right ? 'left' : null;
}

/** Rows from line ranges; each column's fragments over the row's lines are one paragraph. */
function rowsOf(lines: readonly string[], ranges: Array<[number, number]>, cols: Column[]): Row[] {
  return ranges.map(([first, last]) => {
    const cells: CellText[] = cols.map(() => []);
    for (let l = first; l <= last; l++) {
      slots(lines[l]!, l, cols).forEach((f, c) => {
        if (!f) return;
        if (cells[c]!.length === 0) cells[c]!.push([]);
        cells[c]![0]!.push(f);
      });
    }
    return { first, last, cells };
  });
}

/** Checks lines [from, to) and returns the first problem as a malformed analysis. */
function checkLines(lines: readonly string[], from: number, to: number, cols: Column[], width: number | undefined, count: number): Analysis | undefined {
  for (let l = from; l < to; l++) {
    const found = checkLine(lines[l]!, cols, width);
    if (found) {
      return malformed(count, l, found.column, `This table is malformed: ${found.message}, so it is printed as text.`,
        width === undefined ? COLUMN_HINT : `${COLUMN_HINT} In a multiline table, lengthen the dashes or wrap the text.`);
    }
  }
  return undefined;
}

function simple(lines: readonly string[]): Analysis | undefined {
  const groups = lines.length > 1 ? dashGroups(lines[1]!) : undefined;
  if (!groups || groups.length < 2) return undefined;
  let end = 2;
  while (end < lines.length && !isBlank(lines[end]!)) end++;
  // A last row that is a line of dashes (followed by the blank line or the end) closes the table.
  const rowsEnd = end - 1 >= 2 && dashGroups(lines[end - 1]!) ? end - 1 : end;
  if (rowsEnd === 2) return undefined;
  const cols = columns(groups);
  const bad = checkLines(lines, 0, 1, cols, undefined, end) ?? checkLines(lines, 2, rowsEnd, cols, undefined, end);
  if (bad) return bad;
  const header = slots(lines[0]!, 0, cols);
  const ranges: Array<[number, number]> = [[0, 0]];
  for (let l = 2; l < rowsEnd; l++) ranges.push([l, l]);
  return {
    kind: 'table', lines: end,
    layout: { syntax: 'simple', headless: false, align: cols.map((c, i) => alignment(c, [header[i]])), rows: rowsOf(lines, ranges, cols) },
  };
}

/** Runs of non-blank lines in [from, to). */
function runs(lines: readonly string[], from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = -1;
  for (let l = from; l <= to; l++) {
    const blank = l === to || isBlank(lines[l]!);
    if (!blank && start === -1) start = l;
    if (blank && start !== -1) {
      out.push([start, l - 1]);
      start = -1;
    }
  }
  return out;
}

function dashesFirst(lines: readonly string[]): Analysis | undefined {
  if (lines.length < 2 || isBlank(lines[1]!)) return undefined;
  let footer = -1;
  for (let l = 1; l < lines.length && footer === -1; l++) {
    if (dashGroups(lines[l]!) && (l + 1 === lines.length || isBlank(lines[l + 1]!))) footer = l;
  }
  if (footer < 2) return undefined;
  const count = footer + 1;
  // Multiline with a header: header lines (no blank one) down to the first dashes line, rows right after it.
  let groupsLine = 1;
  while (groupsLine < footer && !dashGroups(lines[groupsLine]!) && !isBlank(lines[groupsLine]!)) groupsLine++;
  if (groupsLine >= 2 && groupsLine < footer && dashGroups(lines[groupsLine]!)) {
    const cols = columns(dashGroups(lines[groupsLine]!)!);
    const width = cols[cols.length - 1]!.dashEnd;
    const bad = checkLines(lines, 1, groupsLine, cols, width, count) ?? checkLines(lines, groupsLine + 1, footer, cols, width, count);
    if (bad) return bad;
    const headerSlots: Array<Array<Fragment | undefined>> = [];
    for (let l = 1; l < groupsLine; l++) headerSlots.push(slots(lines[l]!, l, cols));
    return {
      kind: 'table', lines: count,
      layout: {
        syntax: 'multiline', headless: false,
        align: cols.map((c, i) => alignment(c, headerSlots.map((s) => s[i]))),
        rows: rowsOf(lines, [[1, groupsLine - 1], ...runs(lines, groupsLine + 1, footer)], cols),
      },
    };
  }
  const cols = columns(dashGroups(lines[0]!)!);
  const firstRow = slots(lines[1]!, 1, cols);
  const align = cols.map((c, i) => alignment(c, [firstRow[i]]));
  // Simple without a header: one row per line, no blank line before the closing dashes.
  let blankInside = false;
  for (let l = 1; l < footer && !blankInside; l++) blankInside = isBlank(lines[l]!);
  if (!blankInside) {
    const ranges: Array<[number, number]> = [];
    for (let l = 1; l < footer; l++) ranges.push([l, l]);
    return checkLines(lines, 1, footer, cols, undefined, count)
      ?? { kind: 'table', lines: count, layout: { syntax: 'simple', headless: true, align, rows: rowsOf(lines, ranges, cols) } };
  }
  const width = cols[cols.length - 1]!.dashEnd;
  return checkLines(lines, 1, footer, cols, width, count)
    ?? { kind: 'table', lines: count, layout: { syntax: 'multiline', headless: true, align, rows: rowsOf(lines, runs(lines, 1, footer), cols) } };
}

const GRID_HINT = 'Line up every | and + under the + of the top border; merged cells are not supported.';

function grid(lines: readonly string[]): Analysis | undefined {
  const indent = lines[0]!.search(/[^ ]/);
  const top = border(lines[0]!, indent)!;
  let n = 1;
  while (n < lines.length && GRID_LINE.test(lines[n]!)) n++;
  if (n < 2) return undefined;
  const plus = top.plus;
  const right = plus[plus.length - 1]!;
  const ranges: Array<[number, number]> = [];
  let align = top.align;
  let headed = false;
  let rowStart = -1;
  for (let l = 1; l < n; l++) {
    const text = lines[l]!;
    const at = text.search(/[^ ]/);
    if (at !== indent) {
      return malformed(n, l, at, 'This grid table is malformed: a line does not start under the top border\'s first +, so it is printed as text.', GRID_HINT);
    }
    if (text[indent] === '|') {
      for (const p of plus) {
        if (text[p] === '|') continue;
        const short = p >= text.trimEnd().length;
        return malformed(n, l, short ? text.trimEnd().length : p,
          `This grid table is malformed: ${short ? 'a line ends before the right border' : 'a cell wall | is missing under a + of the top border'}, so it is printed as text.`, GRID_HINT);
      }
      if (!isBlank(text.slice(right + 1))) {
        return malformed(n, l, right + 1, 'This grid table is malformed: a line runs past the right border, so it is printed as text.', GRID_HINT);
      }
      if (rowStart === -1) rowStart = l;
      continue;
    }
    const line = border(text, indent);
    if (!line || line.plus.length !== plus.length || line.plus.some((p, i) => p !== plus[i])) {
      // The first place where a + is missing or extra.
      const walls = new Set(plus);
      let column = indent;
      while (column <= right && column < text.length && walls.has(column) === (text[column] === '+')) column++;
      return malformed(n, l, Math.min(column, text.length), 'This grid table is malformed: a border line does not match the top border, so it is printed as text.', GRID_HINT);
    }
    if (rowStart === -1) {
      return malformed(n, l, indent, 'This grid table is malformed: two border lines follow each other (an empty row), so it is printed as text.', GRID_HINT);
    }
    ranges.push([rowStart, l - 1]);
    rowStart = -1;
    if (line.fill === '=') {
      if (ranges.length !== 1) {
        return malformed(n, l, indent, 'This grid table is malformed: a +===+ line may only follow the first row (the header); table footers are not supported, so it is printed as text.',
          'Use +===+ once, under the header row, and +---+ between the other rows.');
      }
      headed = true;
      align = line.align;
    }
  }
  if (rowStart !== -1) {
    return malformed(n, n - 1, indent, 'This grid table is malformed: it does not end with a border line (+---+), so it is printed as text.', GRID_HINT);
  }
  const rows = ranges.map(([first, last]): Row => {
    const cells: CellText[] = [];
    for (let c = 0; c + 1 < plus.length; c++) {
      const paragraphs: Fragment[][] = [];
      let current: Fragment[] = [];
      for (let l = first; l <= last; l++) {
        const text = lines[l]!;
        let start = plus[c]! + 1;
        let end = plus[c + 1]!;
        while (start < end && text[start] === ' ') start++;
        while (end > start && text[end - 1] === ' ') end--;
        if (start < end) current.push({ line: l, start, end });
        else if (current.length > 0) {
          paragraphs.push(current);
          current = [];
        }
      }
      if (current.length > 0) paragraphs.push(current);
      cells.push(paragraphs);
    }
    return { first, last, cells };
  });
  return { kind: 'table', lines: n, layout: { syntax: 'grid', headless: !headed, align, rows } };
}

// micromark extension: pandoc's simple, multiline and grid tables as one flow construct at `-` (before the
// thematic break and the setext underline, which would take a line of dashes) and at `+`.
//
// A simple table's header is an ordinary line, so the table is recognised where setext headings are: at
// the line of dash groups under it. There the construct interrupts a one-line paragraph (or follows a
// one-line indented code block), reads the table, and `resolveTo` takes that line over as the header. No
// construct looks ahead from every paragraph's first line, which would hide the paragraph from document
// constructs that inspect it (definition lists). Tables never interrupt a paragraph otherwise.
//
// Two passes: a check reads lines (nothing is kept) until the `Collector` has seen enough and `analyze`
// says what they are; then exactly the table's lines are tokenized, as `pandocTable` (or `pandocTableText`
// when malformed) holding one `pandocTableLine` per line; the analysis rides on the token. A dashes line
// whose closing line was never found (up to the end of its container) is remembered, so the lines after
// it are not scanned again from every later dashes line (that would be quadratic).
import { markdownLineEnding } from 'micromark-util-character';
import { codes, types } from 'micromark-util-symbol';
import type { Code, Construct, Effects, Event, Extension, Point, State, Token, TokenizeContext } from 'micromark-util-types';
import { analyze, Collector } from './layout.ts';
import type { TableLine, TableSource } from './node.ts';

const table: Construct = { name: 'pandocTable', tokenize: tokenizeTable, resolveTo: absorbHeader };

export function pandocTableSyntax(): Extension {
  // Extensions go before the built-in constructs of the same character (thematic break, setext underline).
  return { flow: { [codes.dash]: table, [codes.plusSign]: table } };
}

/** Per flow tokenizer: a dashes line's scan that reached the end (line numbers) without a closing line. */
const unclosed = new WeakMap<TokenizeContext, { from: number; to: number }>();

interface Above {
  /** A one-line paragraph or indented code line ending on the line before: the header candidate. */
  header?: TableLine;
  /** A paragraph ends on the line before (a table cannot start right under it). */
  paragraph: boolean;
}

function tokenizeTable(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  let found: TableSource | undefined;
  let header: TableLine | undefined;
  let remaining = 0;
  const scan: Construct = { tokenize: tokenizeScan, partial: true };

  return start;

  function start(code: Code): State | undefined {
    if (self.parser.lazy[self.now().line]) return nok(code);
    const above = blockAbove(self);
    header = above.header;
    if (header ? code !== codes.dash : above.paragraph || self.interrupt) return nok(code);
    return effects.check(scan, open, nok)(code);
  }

  function open(code: Code): State | undefined {
    const source = found!;
    effects.enter(source.analysis.kind === 'table' ? 'pandocTable' : 'pandocTableText', { _pandocTable: source });
    remaining = source.analysis.lines - (source.absorb ? 1 : 0);
    return lineStart(code);
  }

  function lineStart(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) return lineEnd(code);
    effects.enter('pandocTableLine');
    return line(code);
  }

  function line(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) {
      effects.exit('pandocTableLine');
      return lineEnd(code);
    }
    effects.consume(code);
    return line;
  }

  function lineEnd(code: Code): State | undefined {
    remaining--;
    if (remaining <= 0 || code === codes.eof) {
      effects.exit(found!.analysis.kind === 'table' ? 'pandocTable' : 'pandocTableText');
      return ok(code);
    }
    effects.enter(types.lineEnding);
    effects.consume(code);
    effects.exit(types.lineEnding);
    return lineStart;
  }

  /** Reads lines until the collector has enough, then analyzes them (always undone). */
  function tokenizeScan(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    const context = this;
    const collector = new Collector(header !== undefined);
    const lines: TableLine[] = [];
    if (header) {
      lines.push(header);
      collector.push(header.text);
    }
    const firstLine = context.now().line;
    let indent = prefixWidth(context);
    let lineStartPoint: Point;
    let toEnd = false;

    return begin;

    function begin(code: Code): State | undefined {
      effects.enter('pandocTableScan');
      return lineBegin(code);
    }

    function lineBegin(code: Code): State | undefined {
      lineStartPoint = context.now();
      return inLine(code);
    }

    function inLine(code: Code): State | undefined {
      if (code !== codes.eof && !markdownLineEnding(code)) {
        effects.consume(code);
        return inLine;
      }
      const read = readLine(context, lineStartPoint, context.now(), indent);
      indent = 0;
      lines.push(read);
      if (!collector.push(read.text) || skip()) return finish(code);
      if (code === codes.eof) {
        toEnd = true;
        return finish(code);
      }
      effects.consume(code);
      return nextLine;
    }

    function nextLine(code: Code): State | undefined {
      // The end of the document or of the container (a lazy line belongs to the paragraph outside).
      if (code === codes.eof || context.parser.lazy[context.now().line]) {
        toEnd = true;
        return finish(code);
      }
      return lineBegin(code);
    }

    /** Front matter (`---` on line 1), or inside an earlier scan that found no closing line. */
    function skip(): boolean {
      if (lines.length !== 1 || collector.kind !== 'dashes') return false;
      if (firstLine === 1 && lines[0]!.text.trimEnd() === '---') return true;
      const known = unclosed.get(context);
      return known !== undefined && known.from < firstLine && firstLine <= known.to;
    }

    function finish(code: Code): State | undefined {
      effects.exit('pandocTableScan');
      const analysis = skip() ? undefined : analyze(collector.lines, collector.headed);
      if (!analysis) {
        if (toEnd && collector.kind === 'dashes') unclosed.set(context, { from: firstLine, to: lines[lines.length - 1]!.start.line });
        return nok(code);
      }
      found = { analysis, lines: lines.slice(0, analysis.lines), parser: context.parser, absorb: header !== undefined };
      return ok(code);
    }
  }
}

/** The width of the line prefix (spaces) just consumed before the construct, if any. */
function prefixWidth(context: TokenizeContext): number {
  const tail = context.events[context.events.length - 1];
  return tail && tail[1].type === types.linePrefix && tail[1].start.line === context.now().line
    ? tail[2].sliceSerialize(tail[1], true).length
    : 0;
}

/**
 * What ends on the line before, right above (no blank line between). While a paragraph is being
 * interrupted its content is still open, as one `chunkContent` per line; once closed it is `content`
 * (already holding its `paragraph`).
 */
function blockAbove(context: TokenizeContext): Above {
  const events = context.events;
  let i = events.length - 1;
  if (events[i]?.[1].type === types.linePrefix) i -= 2;
  if (events[i]?.[1].type !== types.lineEnding) return { paragraph: false };
  i -= 2;
  const event = events[i];
  if (!event || event[0] !== 'exit') return { paragraph: false };
  const token = event[1];
  let enter = i - 1;
  while (enter >= 0 && events[enter]![1] !== token) enter--;
  let paragraph: boolean;
  let oneLine: boolean;
  if (token.type === types.chunkContent) {
    paragraph = true;
    oneLine = events[enter - 1]?.[1].type === types.content;
    enter--;
  } else if (token.type === types.content) {
    paragraph = events.slice(enter, i).some((e) => e[1].type === types.paragraph);
    oneLine = paragraph && token.start.line === token.end.line;
  } else if (token.type === types.codeIndented) {
    paragraph = false;
    oneLine = token.start.line === token.end.line;
  } else return { paragraph: false };
  if (!oneLine || token.end.line !== context.now().line - 1) return { paragraph };
  const before = events[enter - 1];
  const indent = before && before[1].type === types.linePrefix && before[1].start.line === token.start.line
    ? before[2].sliceSerialize(before[1], true).length
    : 0;
  return { paragraph, header: readLine(event[2], token.start, token.end, indent) };
}

/** The header was the block above: its events are replaced by the table's start. */
function absorbHeader(events: Event[]): Event[] {
  let t = events.length - 1;
  while (t >= 0 && !(events[t]![0] === 'enter' && events[t]![1]._pandocTable)) t--;
  const token: Token | undefined = events[t]?.[1];
  if (!token?._pandocTable?.absorb) return events;
  let i = t - 1;
  if (events[i]?.[1].type === types.linePrefix) i -= 2;
  i -= 2;
  const above = events[i]![1];
  let enter = i - 1;
  while (enter >= 0 && events[enter]![1] !== above) enter--;
  token.start = { ...above.start };
  // The line ending stays (micromark splits a container's flow events into lines at line endings).
  const [opening] = events.splice(t, 1);
  events.splice(enter, i - enter + 1, opening!);
  return events;
}

/** The line from `start` to `end` with tabs as spaces, after `indent` spaces for its line prefix. */
function readLine(context: TokenizeContext, start: Point, end: Point, indent: number): TableLine {
  let text = ' '.repeat(indent);
  let padding: number[] | undefined;
  // (micromark cannot slice an empty range that starts at a line ending.)
  const chunks = end.offset > start.offset ? context.sliceStream({ start, end }) : [];
  for (const chunk of chunks) {
    if (typeof chunk === 'string') text += chunk;
    else if (chunk === codes.horizontalTab) text += ' ';
    else if (chunk === codes.virtualSpace) {
      (padding ??= []).push(text.length);
      text += ' ';
    } else if (chunk !== null && chunk >= 0) text += String.fromCharCode(chunk);
  }
  return { text, start: { line: start.line, column: start.column, offset: start.offset }, indent, padding };
}

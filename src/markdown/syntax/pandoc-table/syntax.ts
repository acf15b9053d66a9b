// micromark extension: pandoc's simple, multiline and grid tables as one flow construct. A table's first
// line can be almost anything (a header), a line of dashes (which CommonMark reads as a thematic break or a
// setext underline) or a `+---+` border, so the construct is tried at every flow start where it can begin:
// before code (indented lines, `flowInitial`), before thematic breaks and setext underlines (`-`), at `+`
// and for any other character (`null`). It never interrupts a paragraph, as in pandoc.
//
// Two passes: a check reads lines (nothing is kept) until the `Collector` has seen enough and `analyze`
// says what they are; then exactly the table's lines are tokenized, as `pandocTable` (or `pandocTableText`
// when malformed) holding one `pandocTableLine` per line; the analysis rides on the token. A dashes line
// whose closing line was never found (up to the end of its container) is remembered, so the lines after
// it are not scanned again from every later dashes line (that would be quadratic).
import { markdownLineEnding } from 'micromark-util-character';
import { codes, types } from 'micromark-util-symbol';
import type { Code, Construct, Effects, Extension, Point, State, TokenizeContext } from 'micromark-util-types';
import { analyze, Collector } from './layout.ts';
import type { TableLine, TableSource } from './node.ts';

const table: Construct = { name: 'pandocTable', tokenize: tokenizeTable };
/** The same, for characters without a construct of their own (`-`, `+` and spaces have one). */
const tableAnywhere: Construct = {
  name: 'pandocTable',
  tokenize(effects, ok, nok) {
    const start = tokenizeTable.call(this, effects, ok, nok);
    return (code: Code) => (code === codes.dash || code === codes.plusSign ? nok(code) : start(code));
  },
};

export function pandocTableSyntax(): Extension {
  return {
    flowInitial: { [codes.horizontalTab]: table, [codes.virtualSpace]: table, [codes.space]: table },
    // Extensions go before the built-in constructs of the same character (thematic break, setext underline).
    flow: { [codes.dash]: table, [codes.plusSign]: table, null: tableAnywhere },
  };
}

/** Per flow tokenizer: a dashes line's scan that reached the end (line numbers) without a closing line. */
const unclosed = new WeakMap<TokenizeContext, { from: number; to: number }>();

function tokenizeTable(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  let found: TableSource | undefined;
  let remaining = 0;
  const scan: Construct = { tokenize: tokenizeScan, partial: true };

  return start;

  function start(code: Code): State | undefined {
    if (self.interrupt) return nok(code);
    // Spaces were consumed as a line prefix: `flowInitial` already tried this line from its start.
    const tail = self.events[self.events.length - 1];
    if (tail && tail[1].type === types.linePrefix) return nok(code);
    return effects.check(scan, open, nok)(code);
  }

  function open(code: Code): State | undefined {
    const source = found!;
    effects.enter(source.analysis.kind === 'table' ? 'pandocTable' : 'pandocTableText', { _pandocTable: source });
    remaining = source.analysis.lines;
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
    const collector = new Collector();
    const lines: TableLine[] = [];
    const firstLine = context.now().line;
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
      const read = readLine(context, lineStartPoint, context.now());
      lines.push(read);
      if (!collector.push(read.text)) return finish(code);
      if (lines.length === 1 && collector.kind === 'dashes' && skip(read.text)) return finish(code);
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
    function skip(text: string): boolean {
      if (firstLine === 1 && text.trimEnd() === '---') return true;
      const known = unclosed.get(context);
      return known !== undefined && known.from < firstLine && firstLine <= known.to;
    }

    function finish(code: Code): State | undefined {
      effects.exit('pandocTableScan');
      const analysis = lines.length === 1 && collector.kind === 'dashes' && skip(lines[0]!.text) ? undefined : analyze(collector.lines);
      if (!analysis) {
        if (toEnd && collector.kind === 'dashes') unclosed.set(context, { from: firstLine, to: context.now().line });
        return nok(code);
      }
      found = { analysis, lines: lines.slice(0, analysis.lines), parser: context.parser };
      return ok(code);
    }
  }
}

/** The line from `start` to `end` with tabs as spaces, and which columns are a tab's padding. */
function readLine(context: TokenizeContext, start: Point, end: Point): TableLine {
  let text = '';
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
  return { text, start: { line: start.line, column: start.column, offset: start.offset }, padding };
}

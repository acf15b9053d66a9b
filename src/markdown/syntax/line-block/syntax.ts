// micromark extension: pandoc line blocks. Each line starts with `|` and a space (or `|` alone: an empty
// line); a following line that starts with a space continues the line before it. The text of a line is
// inline Markdown (one `chunkText` per source line, linked, so emphasis can cross a continuation). Spaces
// after `| ` are an indent of their own (`lineBlockIndent`). A line block does not interrupt a paragraph,
// and a `|` line followed by a GFM delimiter row (`|---|---|`), or after a table row, is left to the table.
import { markdownLineEnding, markdownLineEndingOrSpace } from 'micromark-util-character';
import { codes, types } from 'micromark-util-symbol';
import type { Code, Construct, Effects, Extension, State, Token, TokenizeContext } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    lineBlock: 'lineBlock';
    lineBlockLine: 'lineBlockLine';
    lineBlockMarker: 'lineBlockMarker';
    lineBlockIndent: 'lineBlockIndent';
    /** Only inside a check: the next line, looked at. */
    lineBlockPeek: 'lineBlockPeek';
  }
}

export function lineBlockSyntax(): Extension {
  return { flow: { [codes.verticalBar]: { name: 'lineBlock', tokenize: tokenizeLineBlock } } };
}

/** A GFM table's body rows are flow constructs of their own: a `|` line right after a row is the table's. */
function afterTableRow(context: TokenizeContext): boolean {
  let index = context.events.length - 1;
  while (index > -1 && (context.events[index]![1].type === types.lineEnding || context.events[index]![1].type === types.linePrefix)) index--;
  const type: string | undefined = context.events[index]?.[1].type;
  return type === 'tableHead' || type === 'tableRow';
}

type Next = 'line' | 'continuation' | 'table' | 'end';

function tokenizeLineBlock(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  let next: Next = 'end';
  let previous: Token | undefined;
  let indent: Token | undefined;
  let first = true;
  let inChunk = false;
  const peek: Construct = { tokenize: tokenizePeek, partial: true };

  return start;

  function start(code: Code): State | undefined {
    if (self.interrupt || afterTableRow(self)) return nok(code);
    const tail = self.events[self.events.length - 1];
    if (tail && tail[1].type === types.linePrefix && tail[2].sliceSerialize(tail[1], true).length > 3) return nok(code);
    effects.enter('lineBlock');
    return lineStart(code);
  }

  function lineStart(code: Code): State | undefined {
    effects.enter('lineBlockLine');
    effects.enter('lineBlockMarker');
    effects.consume(code);
    effects.exit('lineBlockMarker');
    previous = undefined;
    return afterMarker;
  }

  function afterMarker(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) return lineEnd(code);
    if (code !== codes.space) return nok(code);
    effects.enter(types.whitespace);
    effects.consume(code);
    effects.exit(types.whitespace);
    return indentStart;
  }

  function indentStart(code: Code): State | undefined {
    if (code !== codes.space) return textStart(code);
    indent = effects.enter('lineBlockIndent');
    return indentInside(code);
  }

  function indentInside(code: Code): State | undefined {
    if (code === codes.space) {
      effects.consume(code);
      return indentInside;
    }
    effects.exit('lineBlockIndent');
    // Spaces and then nothing: an empty line, not an indent.
    if (code === codes.eof || markdownLineEnding(code)) indent!.type = types.whitespace;
    return textStart(code);
  }

  function textStart(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) return lineEnd(code);
    const token = effects.enter(types.chunkText, { contentType: 'text', previous });
    if (previous) previous.next = token;
    previous = token;
    return text(code);
  }

  function text(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) {
      inChunk = true;
      return lineEnd(code);
    }
    effects.consume(code);
    return text;
  }

  /** At the end of a source line: what comes next decides. */
  function lineEnd(code: Code): State | undefined {
    if (code === codes.eof) return end(code);
    return effects.check(peek, decide, decide)(code);
  }

  function decide(code: Code): State | undefined {
    // A table's first row: not a line block after all.
    if (next === 'table' && first) return nok(code);
    first = false;
    if (next === 'continuation') {
      // The line ending stays inside the text, so the two source lines are one line (joined by a space).
      if (inChunk) {
        effects.consume(code);
        effects.exit(types.chunkText);
        inChunk = false;
      } else {
        // No text yet (`|` alone): the line ending is no part of the line's text.
        effects.enter(types.whitespace);
        effects.consume(code);
        effects.exit(types.whitespace);
      }
      return continuationPrefix;
    }
    exitChunk();
    effects.exit('lineBlockLine');
    if (next === 'line') {
      effects.enter(types.lineEnding);
      effects.consume(code);
      effects.exit(types.lineEnding);
      return lineStart;
    }
    effects.exit('lineBlock');
    return ok(code);
  }

  function exitChunk(): void {
    if (inChunk) effects.exit(types.chunkText);
    inChunk = false;
  }

  function continuationPrefix(code: Code): State | undefined {
    effects.enter(types.linePrefix);
    return continuationPrefixInside(code);
  }

  function continuationPrefixInside(code: Code): State | undefined {
    if (code === codes.space || code === codes.horizontalTab || code === codes.virtualSpace) {
      effects.consume(code);
      return continuationPrefixInside;
    }
    effects.exit(types.linePrefix);
    return textStart(code);
  }

  function end(code: Code): State | undefined {
    exitChunk();
    effects.exit('lineBlockLine');
    effects.exit('lineBlock');
    return ok(code);
  }

  /** Looks at the line after a line ending (nothing is kept) and sets `next`. */
  function tokenizePeek(this: TokenizeContext, effects: Effects, ok: State): State {
    const context = this;
    let spaces = 0;
    let dashes = 0;
    next = 'end';
    return begin;

    function begin(code: Code): State | undefined {
      effects.enter(types.lineEnding);
      effects.consume(code);
      effects.exit(types.lineEnding);
      return lineBegin;
    }

    function lineBegin(code: Code): State | undefined {
      if (context.parser.lazy[context.now().line]) return ok(code);
      if (code === codes.verticalBar) {
        effects.enter('lineBlockPeek');
        effects.consume(code);
        return afterBar;
      }
      if (code === codes.space || code === codes.horizontalTab || code === codes.virtualSpace) {
        effects.enter('lineBlockPeek');
        return leading(code);
      }
      if (code === codes.dash || code === codes.colon) {
        effects.enter('lineBlockPeek');
        return delimiterRow(code);
      }
      return ok(code);
    }

    function afterBar(code: Code): State | undefined {
      if (code === codes.eof || markdownLineEnding(code) || code === codes.space) next = 'line';
      return delimiterRow(code);
    }

    /** `|---|:--:|` (only bars, dashes, colons and spaces, with a dash): a table's delimiter row. */
    function delimiterRow(code: Code): State | undefined {
      if (code === codes.dash) dashes++;
      if (code === codes.eof || markdownLineEnding(code)) {
        if (dashes > 0 && first) next = 'table';
        effects.exit('lineBlockPeek');
        return ok(code);
      }
      if (!(code === codes.dash || code === codes.colon || code === codes.verticalBar || markdownLineEndingOrSpace(code))) {
        effects.exit('lineBlockPeek');
        return ok(code);
      }
      effects.consume(code);
      return delimiterRow;
    }

    function leading(code: Code): State | undefined {
      if (code === codes.space || code === codes.horizontalTab || code === codes.virtualSpace) {
        spaces++;
        effects.consume(code);
        return leading;
      }
      effects.exit('lineBlockPeek');
      // A line of spaces is blank: the block ends.
      if (spaces > 0 && code !== codes.eof && !markdownLineEnding(code)) next = 'continuation';
      return ok(code);
    }
  }
}

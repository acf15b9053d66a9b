// micromark extension: pandoc fenced divs. The opening fence is `:::` (or more colons) followed by
// anything that is not only colons (`{attributes}` or a bare word); the closing fence is a line of colons
// alone. Between them, the lines are a nested document (like a block quote's), so the content is ordinary
// block Markdown. Nesting follows pandoc: every opening fence opens, and a bare colon line closes the
// innermost open div, so the scanner counts the opening and closing fences it passes (outside fenced
// code) and stops at the closing fence that matches its own opening one. Without it, the div runs to the
// end of the document.
import { markdownLineEnding, markdownSpace } from 'micromark-util-character';
import { codes, types } from 'micromark-util-symbol';
import type { Code, Construct, Effects, Extension, State, TokenizeContext, Token } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    fencedDiv: 'fencedDiv';
    fencedDivOpening: 'fencedDivOpening';
    fencedDivClosing: 'fencedDivClosing';
    /** Only inside a check (never in the events): a line the scanner looks at. */
    fencedDivLine: 'fencedDivLine';
    fencedDivFenceSequence: 'fencedDivFenceSequence';
    fencedDivFenceInfo: 'fencedDivFenceInfo';
    fencedDivContent: 'fencedDivContent';
  }
}

type LineKind = 'open' | 'close' | 'code' | 'other';

const MIN_COLONS = 3;

export function fencedDivSyntax(): Extension {
  return { flow: { [codes.colon]: { name: 'fencedDiv', tokenize: tokenizeFencedDiv, concrete: true } } };
}

const nonLazyContinuation: Construct = { tokenize: tokenizeNonLazyContinuation, partial: true };

function tokenizeFencedDiv(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  /** Open divs nested inside this one that the scanner has passed. */
  let depth = 0;
  /** A fenced code block inside the div: its marker and size (colon lines inside it are code). */
  let codeFence: { marker: Code; size: number } | undefined;
  let kind: LineKind = 'other';
  let lineFence: { marker: Code; size: number; rest: boolean } = { marker: null, size: 0, rest: false };
  let previous: Token | undefined;
  let inContent = false;
  const classifier: Construct = { tokenize: tokenizeClassifier, partial: true };
  const closingFence: Construct = { tokenize: tokenizeClosingFence, partial: true };

  return start;

  function start(code: Code): State | undefined {
    const tail = self.events[self.events.length - 1];
    const prefix = tail && tail[1].type === types.linePrefix ? tail[2].sliceSerialize(tail[1], true).length : 0;
    if (prefix > 3) return nok(code);
    effects.enter('fencedDiv');
    effects.enter('fencedDivOpening');
    effects.enter('fencedDivFenceSequence');
    return openSequence(code);
  }

  function openSequence(code: Code): State | undefined {
    if (code === codes.colon) {
      effects.consume(code);
      lineFence.size++;
      return openSequence;
    }
    if (lineFence.size < MIN_COLONS) return nok(code);
    effects.exit('fencedDivFenceSequence');
    return openSpace(code);
  }

  function openSpace(code: Code): State | undefined {
    if (markdownSpace(code)) {
      effects.enter(types.whitespace);
      return openSpaceInside(code);
    }
    return openInfoStart(code);
  }

  function openSpaceInside(code: Code): State | undefined {
    if (markdownSpace(code)) {
      effects.consume(code);
      return openSpaceInside;
    }
    effects.exit(types.whitespace);
    return openInfoStart(code);
  }

  function openInfoStart(code: Code): State | undefined {
    // Only colons (and spaces) after the sequence: that is a closing fence, not an opening one.
    if (code === codes.eof || markdownLineEnding(code) || code === codes.colon) return nok(code);
    effects.enter('fencedDivFenceInfo');
    return openInfo(code);
  }

  function openInfo(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) {
      effects.exit('fencedDivFenceInfo');
      effects.exit('fencedDivOpening');
      return afterLine(code);
    }
    effects.consume(code);
    return openInfo;
  }

  /** At the end of a line of the div (or of its opening fence). */
  function afterLine(code: Code): State | undefined {
    if (code === codes.eof) return done(code);
    // A lazy line (a container around the div ended): the div ends with it.
    return effects.check(nonLazyContinuation, lineEnding, done)(code);
  }

  function lineEnding(code: Code): State | undefined {
    effects.enter(types.lineEnding);
    effects.consume(code);
    effects.exit(types.lineEnding);
    return lineStart;
  }

  function lineStart(code: Code): State | undefined {
    if (code === codes.eof) return done(code);
    return effects.check(classifier, decide, decide)(code);
  }

  function decide(code: Code): State | undefined {
    if (codeFence) {
      if (kind === 'code' && lineFence.marker === codeFence.marker && lineFence.size >= codeFence.size && !lineFence.rest) codeFence = undefined;
      return chunkStart(code);
    }
    if (kind === 'code') {
      codeFence = { marker: lineFence.marker, size: lineFence.size };
      return chunkStart(code);
    }
    if (kind === 'open') {
      depth++;
      return chunkStart(code);
    }
    if (kind === 'close') {
      if (depth > 0) {
        depth--;
        return chunkStart(code);
      }
      if (inContent) {
        effects.exit('fencedDivContent');
        inContent = false;
      }
      return effects.attempt(closingFence, closed, chunkStart)(code);
    }
    return chunkStart(code);
  }

  function chunkStart(code: Code): State | undefined {
    if (!inContent) {
      effects.enter('fencedDivContent');
      inContent = true;
    }
    const token = effects.enter(types.chunkDocument, { contentType: 'document', previous });
    if (previous) previous.next = token;
    previous = token;
    return chunk(code);
  }

  function chunk(code: Code): State | undefined {
    if (code === codes.eof) {
      effects.exit(types.chunkDocument);
      return done(code);
    }
    if (markdownLineEnding(code)) return effects.check(nonLazyContinuation, chunkLineEnding, chunkLazyEnd)(code);
    effects.consume(code);
    return chunk;
  }

  function chunkLineEnding(code: Code): State | undefined {
    effects.consume(code);
    effects.exit(types.chunkDocument);
    return lineStart;
  }

  function chunkLazyEnd(code: Code): State | undefined {
    effects.exit(types.chunkDocument);
    return done(code);
  }

  function closed(code: Code): State | undefined {
    effects.exit('fencedDiv');
    return ok(code);
  }

  /** No closing fence: the div ends here (end of the document or of its container). */
  function done(code: Code): State | undefined {
    if (inContent) effects.exit('fencedDivContent');
    inContent = false;
    effects.exit('fencedDiv');
    return ok(code);
  }

  /** Looks at a whole line (nothing is kept): a div fence, a code fence, or other. */
  function tokenizeClassifier(this: TokenizeContext, effects: Effects, ok: State): State {
    let spaces = 0;
    kind = 'other';
    lineFence = { marker: null, size: 0, rest: false };
    return begin;

    function begin(code: Code): State | undefined {
      if (code === codes.eof || markdownLineEnding(code)) return ok(code);
      effects.enter('fencedDivLine');
      return indent(code);
    }

    function indent(code: Code): State | undefined {
      if (markdownSpace(code) && spaces < 4) {
        spaces++;
        effects.consume(code);
        return indent;
      }
      if (spaces > 3 || !(code === codes.colon || code === codes.graveAccent || code === codes.tilde)) return finish(code);
      lineFence.marker = code;
      return sequence(code);
    }

    function sequence(code: Code): State | undefined {
      if (code === lineFence.marker) {
        lineFence.size++;
        effects.consume(code);
        return sequence;
      }
      if (lineFence.size < 3) return finish(code);
      kind = lineFence.marker === codes.colon ? 'close' : 'code';
      return rest(code);
    }

    function rest(code: Code): State | undefined {
      if (code === codes.eof || markdownLineEnding(code)) return finish(code);
      if (!markdownSpace(code) && !(kind === 'close' && code === codes.colon)) {
        lineFence.rest = true;
        if (kind === 'close') kind = 'open';
      }
      effects.consume(code);
      return rest;
    }

    function finish(code: Code): State | undefined {
      // The check is undone whatever happens; the token only holds the codes looked at.
      if (code !== codes.eof && !markdownLineEnding(code)) return skip(code);
      effects.exit('fencedDivLine');
      return ok(code);
    }

    function skip(code: Code): State | undefined {
      if (code === codes.eof || markdownLineEnding(code)) return finish(code);
      effects.consume(code);
      return skip;
    }
  }

  /** The closing fence itself (the classifier has already seen that the line is one). */
  function tokenizeClosingFence(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    return begin;

    function begin(code: Code): State | undefined {
      effects.enter('fencedDivClosing');
      if (markdownSpace(code)) {
        effects.enter(types.linePrefix);
        return prefix(code);
      }
      return sequenceStart(code);
    }

    function prefix(code: Code): State | undefined {
      if (markdownSpace(code)) {
        effects.consume(code);
        return prefix;
      }
      effects.exit(types.linePrefix);
      return sequenceStart(code);
    }

    function sequenceStart(code: Code): State | undefined {
      if (code !== codes.colon) return nok(code);
      effects.enter('fencedDivFenceSequence');
      return sequence(code);
    }

    function sequence(code: Code): State | undefined {
      if (code === codes.colon) {
        effects.consume(code);
        return sequence;
      }
      effects.exit('fencedDivFenceSequence');
      return trailing(code);
    }

    function trailing(code: Code): State | undefined {
      if (code === codes.eof || markdownLineEnding(code)) {
        effects.exit('fencedDivClosing');
        return ok(code);
      }
      if (markdownSpace(code) || code === codes.colon) {
        effects.enter(types.whitespace);
        return trailingInside(code);
      }
      return nok(code);
    }

    function trailingInside(code: Code): State | undefined {
      if (markdownSpace(code) || code === codes.colon) {
        effects.consume(code);
        return trailingInside;
      }
      effects.exit(types.whitespace);
      return trailing(code);
    }
  }
}

function tokenizeNonLazyContinuation(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  return start;

  function start(code: Code): State | undefined {
    if (code === codes.eof) return nok(code);
    effects.enter(types.lineEnding);
    effects.consume(code);
    effects.exit(types.lineEnding);
    return lineStart;
  }

  function lineStart(code: Code): State | undefined {
    return self.parser.lazy[self.now().line] ? nok(code) : ok(code);
  }
}

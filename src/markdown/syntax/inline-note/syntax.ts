// micromark: `^[inline note]` as a text construct. Brackets inside nest (`^[a [b] c]`), escaped ones
// (`\]`) do not count, and the note may run over lines of its paragraph; the content is parsed again
// as inline text. A `^[` that never closes becomes an `inlineNoteUnclosed` token (just the `^`) so the
// plugin can warn. Linear: every scan records where each `[` it passed closes (or that it never does),
// per parse, so a later `^[` at the same place is answered without scanning again.
import { codes } from 'micromark-util-symbol';
import type { Code, Construct, Extension, State, Token, TokenizeContext, Tokenizer } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    inlineNote: 'inlineNote';
    inlineNoteMarker: 'inlineNoteMarker';
    inlineNoteText: 'inlineNoteText';
    inlineNoteUnclosed: 'inlineNoteUnclosed';
  }
}

const NEVER = -1;
/** Per parse: offset of a `[` → offset of its `]`, or NEVER. */
const closers = new WeakMap<object, Map<number, number>>();

function closersOf(self: TokenizeContext): Map<number, number> {
  let map = closers.get(self.parser);
  if (!map) closers.set(self.parser, (map = new Map()));
  return map;
}

function isAsciiPunctuation(code: Code): boolean {
  return code !== null && ((code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126));
}

/** Letters, digits, spaces and punctuation that start no inline construct (not `.`: `www.x.org` is a link). */
function isPlain(code: Code): boolean {
  if (code === null || code < 0) return false;
  if (code === codes.space || code > 127) return true;
  const c = String.fromCharCode(code);
  return /[A-Za-z0-9 ,;'"()?\-+=%#/]/.test(c);
}

const tokenizeInlineNote: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const self = this;
  const known = closersOf(self);
  const open: number[] = [];
  let target: number | undefined;
  let content: Token;
  /** Whether the content may hold inline markup; if not, it is plain data (no second parse). */
  let markup = false;
  return start;

  function start(code: Code): State | undefined {
    if (code !== codes.caret) return nok(code);
    effects.enter('inlineNote');
    effects.enter('inlineNoteMarker');
    effects.consume(code);
    return bracket;
  }

  function bracket(code: Code): State | undefined {
    if (code !== codes.leftSquareBracket) return nok(code);
    const at = self.now().offset;
    target = known.get(at);
    if (target === NEVER) return nok(code);
    if (target === undefined) open.push(at);
    effects.consume(code);
    effects.exit('inlineNoteMarker');
    return first;
  }

  function first(code: Code): State | undefined {
    if (code === codes.rightSquareBracket) {
      // `^[]`: an empty note is no note.
      if (target === undefined) known.set(open.pop()!, self.now().offset);
      return nok(code);
    }
    if (code === codes.eof) return target === undefined ? scan(code) : nok(code);
    content = effects.enter('inlineNoteText', { contentType: 'text' });
    return target === undefined ? scan(code) : skip(code);
  }

  /** The closing bracket is known: consume up to it (it may lie past the end of this text: then no note). */
  function skip(code: Code): State | undefined {
    if (code === codes.eof) return nok(code);
    if (self.now().offset === target) return close(code);
    if (!markup && !isPlain(code)) markup = true;
    effects.consume(code);
    return skip;
  }

  function scan(code: Code): State | undefined {
    if (code === codes.eof) {
      for (const at of open) known.set(at, NEVER);
      return nok(code);
    }
    if (!markup && !isPlain(code)) markup = true;
    if (code === codes.leftSquareBracket) open.push(self.now().offset);
    else if (code === codes.rightSquareBracket) {
      known.set(open.pop()!, self.now().offset);
      if (open.length === 0) return close(code);
    }
    effects.consume(code);
    return code === codes.backslash ? escaped : scan;
  }

  function escaped(code: Code): State | undefined {
    if (!isAsciiPunctuation(code)) return scan(code);
    effects.consume(code);
    return scan;
  }

  function close(code: Code): State | undefined {
    if (!markup) {
      content.type = 'data';
      content.contentType = undefined;
    }
    effects.exit(content.type);
    effects.enter('inlineNoteMarker');
    effects.consume(code);
    effects.exit('inlineNoteMarker');
    effects.exit('inlineNote');
    return ok;
  }
};

/** After a failed `^[`: when its bracket is known never to close, the `^` is marked for a warning. */
const tokenizeUnclosed: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  const self = this;
  return start;

  function start(code: Code): State | undefined {
    if (code !== codes.caret) return nok(code);
    effects.enter('inlineNoteUnclosed');
    effects.consume(code);
    return bracket;
  }

  function bracket(code: Code): State | undefined {
    if (code !== codes.leftSquareBracket || closersOf(self).get(self.now().offset) !== NEVER) return nok(code);
    effects.exit('inlineNoteUnclosed');
    return ok(code);
  }
};

const inlineNote: Construct = { name: 'inlineNote', tokenize: tokenizeInlineNote };
const inlineNoteUnclosed: Construct = { name: 'inlineNoteUnclosed', tokenize: tokenizeUnclosed };

export function inlineNoteSyntax(): Extension {
  return { text: { [codes.caret]: [inlineNote, inlineNoteUnclosed] } };
}

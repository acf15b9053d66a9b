// micromark: `~sub~` and `^sup^` as text constructs. The content is a single line with no unescaped
// whitespace and no `]` (so `[a~b](c~)` stays a link); it is parsed again as inline text (emphasis,
// code, escapes work inside).
import { markdownLineEnding, markdownLineEndingOrSpace } from 'micromark-util-character';
import { codes } from 'micromark-util-symbol';
import type { Code, Construct, Extension, State, Token, TokenizeContext, Tokenizer } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    subscript: 'subscript';
    subscriptMarker: 'subscriptMarker';
    superscript: 'superscript';
    superscriptMarker: 'superscriptMarker';
    subSupText: 'subSupText';
  }
}

/** Characters that can start an inline construct (or an escape, a reference, math) in the content. */
const MARKUP = new Set<Code>([...'!&*<[\\_`~^$:@'].map((c) => c.charCodeAt(0)));

function construct(marker: number, type: 'subscript' | 'superscript'): Construct {
  const markerType = type === 'subscript' ? 'subscriptMarker' : 'superscriptMarker';
  const tokenize: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
    const self = this;
    let content: Token;
    /** Whether the content has a character that may start inline markup; if not, it is plain data. */
    let markup = false;
    return start;

    function start(code: Code): State | undefined {
      // A marker right after the same marker belongs to a run (`~~strike~~`).
      if (code !== marker || self.previous === marker) return nok(code);
      effects.enter(type);
      effects.enter(markerType);
      effects.consume(code);
      effects.exit(markerType);
      return open;
    }

    function open(code: Code): State | undefined {
      if (code === codes.eof || code === marker || markdownLineEndingOrSpace(code)) return nok(code);
      // `^[` is an inline note.
      if (marker === codes.caret && code === codes.leftSquareBracket) return nok(code);
      content = effects.enter('subSupText', { contentType: 'text' });
      return inside(code);
    }

    function inside(code: Code): State | undefined {
      if (code === codes.eof || markdownLineEndingOrSpace(code) || code === codes.rightSquareBracket) return nok(code);
      if (code === marker) {
        // Parsing the content again costs a tokenizer; `H~2~O` and `2^10^` do not need one.
        if (!markup) {
          content.type = 'data';
          content.contentType = undefined;
        }
        effects.exit(content.type);
        effects.enter(markerType);
        effects.consume(code);
        effects.exit(markerType);
        effects.exit(type);
        return ok;
      }
      if (!markup && MARKUP.has(code)) markup = true;
      effects.consume(code);
      return code === codes.backslash ? escaped : inside;
    }

    /** After `\`: an escaped space or marker is content (`H~a\ b~`, `2^a\^b^`). */
    function escaped(code: Code): State | undefined {
      if (code === codes.eof || markdownLineEnding(code)) return nok(code);
      if (code === codes.space || code === marker || code === codes.backslash) {
        effects.consume(code);
        return inside;
      }
      return inside(code);
    }
  };
  return { name: type, tokenize };
}

const subscript = construct(codes.tilde, 'subscript');
const superscript = construct(codes.caret, 'superscript');

export function subSupSyntax(): Extension {
  return { text: { [codes.tilde]: subscript, [codes.caret]: superscript } };
}

// micromark: `\ ` (backslash, space) → an `escapedSpace` token; mdast: U+00A0 NO-BREAK SPACE in the
// surrounding text. Backslash + line ending stays a hard break; code, math and raw are their own
// constructs, so `\ ` inside them is never seen here.
import type { Text } from 'mdast';
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import { codes } from 'micromark-util-symbol';
import type { Code, Construct, Extension, State, TokenizeContext, Tokenizer } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    escapedSpace: 'escapedSpace';
  }
}

export const NO_BREAK_SPACE = '\u00a0';

const tokenize: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
  return start;

  function start(code: Code): State | undefined {
    if (code !== codes.backslash) return nok(code);
    effects.enter('escapedSpace');
    effects.consume(code);
    return space;
  }

  function space(code: Code): State | undefined {
    if (code !== codes.space) return nok(code);
    effects.consume(code);
    effects.exit('escapedSpace');
    return ok;
  }
};

const escapedSpace: Construct = { name: 'escapedSpace', tokenize };

export function escapedSpaceSyntax(): Extension {
  return { text: { [codes.backslash]: escapedSpace } };
}

export function escapedSpaceFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      escapedSpace(this: CompileContext, token: Token) {
        this.config.enter.data!.call(this, token);
      },
    },
    exit: {
      escapedSpace(this: CompileContext, token: Token) {
        const tail = this.stack.pop() as Text;
        tail.value += NO_BREAK_SPACE;
        tail.position!.end = { line: token.end.line, column: token.end.column, offset: token.end.offset };
      },
    },
  };
}

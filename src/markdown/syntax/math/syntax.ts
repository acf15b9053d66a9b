// micromark extension: inline math with pandoc's rules, in front of remark-math's own `$` construct.
// `$…$`: the opening `$` must be followed by a non-space, the closing `$` preceded by a non-space and not
// followed by a digit (so "costs $20 and $30" is text); a backslash escapes the next character.
// `$$…$$` in running text is display math. Tokens are the ones mdast-util-math compiles (`mathText`,
// `mathTextSequence`, `mathTextData`). An opener without a closer is literal text: the first failed scan
// of a paragraph is remembered, so later openers in it fail at once (a paragraph of `$` stays linear).
import { markdownLineEnding, markdownLineEndingOrSpace, asciiDigit } from 'micromark-util-character';
import { codes, types } from 'micromark-util-symbol';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    mathText: 'mathText';
    mathTextSequence: 'mathTextSequence';
    mathTextData: 'mathTextData';
  }
}

/** Per paragraph (text tokenizer): the offset from which a single / double scan found no closer. */
const noCloser = new WeakMap<TokenizeContext, { single: number; double: number }>();

export function pandocMathText(): Extension {
  const construct: Construct = { name: 'pandocMathText', tokenize, previous, add: 'before' };
  return { text: { [codes.dollarSign]: construct } };
}

function previous(this: TokenizeContext, code: Code): boolean {
  return code !== codes.dollarSign || this.events[this.events.length - 1]?.[1].type === types.characterEscape;
}

function tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  let double = false;
  let from = 0;
  let afterSpace = false;
  const failed = noCloser.get(self) ?? { single: Infinity, double: Infinity };
  noCloser.set(self, failed);
  const singleCloser: Construct = { tokenize: tokenizeSingleCloser, partial: true };
  const doubleCloser: Construct = { tokenize: tokenizeDoubleCloser, partial: true };

  return start;

  function start(code: Code): State | undefined {
    from = self.now().offset;
    effects.enter('mathText');
    effects.enter('mathTextSequence');
    effects.consume(code);
    return second;
  }

  function second(code: Code): State | undefined {
    if (code === codes.dollarSign) {
      double = true;
      effects.consume(code);
    }
    effects.exit('mathTextSequence');
    return double ? contentStart : singleStart;
  }

  function singleStart(code: Code): State | undefined {
    if (from >= failed.single || code === codes.eof || markdownLineEndingOrSpace(code) || code === codes.dollarSign) return nok(code);
    effects.enter('mathTextData');
    return content(code);
  }

  function contentStart(code: Code): State | undefined {
    if (from >= failed.double || code === codes.eof || code === codes.dollarSign) return nok(code);
    effects.enter('mathTextData');
    return content(code);
  }

  function content(code: Code): State | undefined {
    if (code === codes.eof) {
      if (double) failed.double = Math.min(failed.double, from);
      else failed.single = Math.min(failed.single, from);
      return nok(code);
    }
    if (code === codes.dollarSign && (double || !afterSpace)) return effects.check(double ? doubleCloser : singleCloser, close, dollar)(code);
    afterSpace = markdownLineEndingOrSpace(code);
    effects.consume(code);
    return code === codes.backslash ? escaped : content;
  }

  function escaped(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) return content(code);
    afterSpace = false;
    effects.consume(code);
    return content;
  }

  function dollar(code: Code): State | undefined {
    afterSpace = false;
    effects.consume(code);
    return content;
  }

  function close(code: Code): State | undefined {
    effects.exit('mathTextData');
    effects.enter('mathTextSequence');
    effects.consume(code);
    return double ? closeSecond : closed;
  }

  function closeSecond(code: Code): State | undefined {
    effects.consume(code);
    return closed;
  }

  function closed(code: Code): State | undefined {
    effects.exit('mathTextSequence');
    effects.exit('mathText');
    return ok(code);
  }
}

/** `$` not followed by a digit. */
function tokenizeSingleCloser(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  return (code) => {
    effects.enter('mathTextSequence');
    effects.consume(code);
    return (next: Code) => {
      effects.exit('mathTextSequence');
      return asciiDigit(next) ? nok(next) : ok(next);
    };
  };
}

/** `$$`. */
function tokenizeDoubleCloser(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  return (code) => {
    effects.enter('mathTextSequence');
    effects.consume(code);
    return (next: Code) => {
      if (next !== codes.dollarSign) return nok(next);
      effects.consume(next);
      effects.exit('mathTextSequence');
      return ok;
    };
  };
}

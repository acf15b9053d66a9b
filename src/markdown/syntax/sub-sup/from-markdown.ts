// mdast: `subscript` / `superscript` nodes (phrasing children) that render as <sub> / <sup>.
import type { Parent, PhrasingContent } from 'mdast';
import type { CompileContext, Extension, Token } from 'mdast-util-from-markdown';

export interface Subscript extends Parent {
  type: 'subscript';
  children: PhrasingContent[];
}

export interface Superscript extends Parent {
  type: 'superscript';
  children: PhrasingContent[];
}

declare module 'mdast' {
  interface PhrasingContentMap {
    subscript: Subscript;
    superscript: Superscript;
  }
  interface RootContentMap {
    subscript: Subscript;
    superscript: Superscript;
  }
}

export function subSupFromMarkdown(): Extension {
  return {
    enter: {
      subscript(this: CompileContext, token: Token) {
        this.enter({ type: 'subscript', children: [], data: { hName: 'sub' } }, token);
      },
      superscript(this: CompileContext, token: Token) {
        this.enter({ type: 'superscript', children: [], data: { hName: 'sup' } }, token);
      },
    },
    exit: {
      subscript(this: CompileContext, token: Token) {
        this.exit(token);
      },
      superscript(this: CompileContext, token: Token) {
        this.exit(token);
      },
    },
  };
}

// mdast: `inlineNote` nodes (phrasing children) for the plugin to turn into GFM footnotes; the places of
// unclosed `^[` are collected on the root (`data.inlineNoteUnclosed`) and the `^` stays text.
import type { Parent, PhrasingContent, Root } from 'mdast';
import type { CompileContext, Extension, Token } from 'mdast-util-from-markdown';
import type { Point } from 'unist';

export interface InlineNote extends Parent {
  type: 'inlineNote';
  children: PhrasingContent[];
}

declare module 'mdast' {
  interface PhrasingContentMap {
    inlineNote: InlineNote;
  }
  interface RootContentMap {
    inlineNote: InlineNote;
  }
  interface RootData {
    /** Where a `^[` never closes (set while parsing, read and removed by remarkInlineNote). */
    inlineNoteUnclosed?: Point[];
  }
}

export function inlineNoteFromMarkdown(): Extension {
  return {
    // A note may run over lines of its paragraph: keep the line endings in its text.
    canContainEols: ['inlineNote'],
    enter: {
      inlineNote(this: CompileContext, token: Token) {
        this.enter({ type: 'inlineNote', children: [] }, token);
      },
      inlineNoteUnclosed(this: CompileContext, token: Token) {
        this.config.enter.data!.call(this, token);
      },
    },
    exit: {
      inlineNote(this: CompileContext, token: Token) {
        this.exit(token);
      },
      inlineNoteUnclosed(this: CompileContext, token: Token) {
        this.config.exit.data!.call(this, token);
        const root = this.stack[0] as Root;
        root.data ??= {};
        (root.data.inlineNoteUnclosed ??= []).push({ line: token.start.line, column: token.start.column, offset: token.start.offset });
      },
    },
  };
}

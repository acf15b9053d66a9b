// remarkLineBlock: pandoc line blocks (`| ` at the start of each line; a line starting with a space
// continues the one before; spaces after `| ` are kept as no-break spaces; the text is inline Markdown).
// Nodes: `lineBlock` { children: `line`[] }, `line` { children: phrasing }.
// hast (the verse styles rely on it): <div class="line-block"><span class="line">…</span>\n<span
//   class="line">…</span></div>; an empty `|` line is <span class="line line-empty"></span>. The newlines
//   between lines come from the `lineBlock` to-hast handler exported here (`lineBlockHandlers`); without
//   it, mdast-util-to-hast renders the same elements with no newline between them.
// Diagnostics: none (anything that is not a line block is ordinary Markdown).
import type { Element } from 'hast';
import type { Root } from 'mdast';
import type { Handlers, State } from 'mdast-util-to-hast';
import type { Plugin } from 'unified';
import { lineBlockFromMarkdown } from './from-markdown.ts';
import type { LineBlock } from './node.ts';
import { lineBlockSyntax } from './syntax.ts';

export type { Line, LineBlock } from './node.ts';

export const remarkLineBlock: Plugin<[], Root> = function () {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(lineBlockSyntax());
  (data.fromMarkdownExtensions ??= []).push(lineBlockFromMarkdown());
};

/** `<div class="line-block">` with a newline text node between its lines. */
export function lineBlock(state: State, node: LineBlock): Element {
  const result: Element = {
    type: 'element',
    tagName: 'div',
    properties: { className: ['line-block'] },
    children: state.wrap(state.all(node), false),
  };
  state.patch(node, result);
  return state.applyData(node, result);
}

export const lineBlockHandlers: Handlers = { lineBlock };

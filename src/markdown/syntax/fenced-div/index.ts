// remarkFencedDiv: pandoc fenced divs (`::: {#id .class key=value}` … `:::`, or `::: word`).
// Node: `fencedDiv` { children: block content, data: { attributes (parsed Attributes), hName: 'div',
//   hProperties: toProperties(attributes) } } → `<div id class data-*>…</div>` with no custom handler.
// Diagnostics (vfile messages, source `remark-fenced-div`):
//   `div-unclosed` (warning) at the opening fence: no closing `:::`, the div runs to the end of the file;
//   `div-attributes-invalid` (warning) at the fence's info: the div opens without attributes.
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from '../report.ts';
import { fencedDivFromMarkdown } from './from-markdown.ts';
import type { FencedDiv } from './node.ts';
import { fencedDivSyntax } from './syntax.ts';

export type { FencedDiv } from './node.ts';

const SOURCE = 'remark-fenced-div';

export const remarkFencedDiv: Plugin<[], Root> = function () {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(fencedDivSyntax());
  (data.fromMarkdownExtensions ??= []).push(fencedDivFromMarkdown());
  return (tree: Root, file: VFile) => {
    visit(tree, 'fencedDiv', (node: FencedDiv) => {
      const fence = node.data.fence;
      if (!fence) return;
      if (fence.problem) {
        report(file, fence.problem.place, 'warning', SOURCE, 'div-attributes-invalid',
          `In this fenced div's opening fence, ${fence.problem.message}; the div is kept without attributes.`,
          'Write the fence as ::: {#id .class key="value"} or ::: class-name.');
      }
      if (!fence.closed) {
        report(file, node.position?.start, 'warning', SOURCE, 'div-unclosed',
          'This fenced div is never closed, so it runs to the end of the file.',
          'Add a line of three colons (:::) where the div ends.');
      }
      delete (node.data as Partial<FencedDiv['data']>).fence;
    });
  };
};

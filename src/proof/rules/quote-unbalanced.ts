// Quotation marks opened and never closed in a paragraph, or closed without being opened.
// A quotation running over several paragraphs leaves each but the last open and reopens the next one
// with “ — the usual convention — and is not reported.
import type { VFile } from 'vfile';
import type { RuleContext } from './context.ts';
import { firstLeaf, marks, type Mark } from './marks.ts';
import { report } from './report.ts';
import type { TreeIndex } from './tree-index.ts';


export function quoteUnbalanced(tree: TreeIndex, file: VFile, context: RuleContext): void {
  const list = tree.paragraphs;
  list.forEach((paragraph, index) => {
    const double: Mark[] = [];
    const single: Mark[] = [];
    let straight: Mark | undefined;
    const at = (mark: Mark) => context.locate(mark.offset);
    for (const mark of marks(paragraph)) {
      if (mark.char === '“') double.push(mark);
      else if (mark.char === '”') {
        if (!double.pop()) report(file, at(mark), 'quote-unbalanced', 'closing ” without an opening “');
      } else if (mark.char === '‘') single.push(mark);
      else if (mark.char === '’') single.pop(); // otherwise an apostrophe
      else if (mark.char === '"') straight = straight ? undefined : mark;
    }
    const continues = firstLeaf(list[index + 1]).startsWith('“');
    const open = continues ? double.slice(0, -1) : double;
    for (const mark of open) report(file, at(mark), 'quote-unbalanced', 'opening “ is not closed in this paragraph');
    for (const mark of single) report(file, at(mark), 'quote-unbalanced', 'opening ‘ is not closed in this paragraph');
    if (straight) report(file, at(straight), 'quote-unbalanced', '" is not closed in this paragraph');
  });
}

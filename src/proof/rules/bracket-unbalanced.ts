// Brackets opened and not closed in a paragraph, closed without being opened, or closed by the wrong kind.
import type { VFile } from 'vfile';
import type { RuleContext } from './context.ts';
import { marks, type Mark } from './marks.ts';
import { report } from './report.ts';
import type { TreeIndex } from './tree-index.ts';

const PAIRS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

export function bracketUnbalanced(tree: TreeIndex, file: VFile, context: RuleContext): void {
  for (const paragraph of tree.paragraphs) {
    const stack: Mark[] = [];
    for (const mark of marks(paragraph)) {
      if (mark.char === '(' || mark.char === '[' || mark.char === '{') stack.push(mark);
      else if (mark.char in PAIRS) {
        const open = stack.at(-1);
        if (open?.char === PAIRS[mark.char]) stack.pop();
        else
          report(file, context.locate(mark.offset), 'bracket-unbalanced', `"${mark.char}" has no matching "${PAIRS[mark.char]}"`);
      }
    }
    for (const mark of stack)
      report(file, context.locate(mark.offset), 'bracket-unbalanced', `"${mark.char}" is not closed in this paragraph`);
  }
}

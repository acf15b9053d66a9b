// Brackets opened and not closed in a paragraph (or a stanza of verse), closed without being opened, or closed by the wrong kind.
import type { VFile } from 'vfile';
import type { RuleContext } from './context.ts';
import { balanceUnits, marks, type Mark } from './marks.ts';
import { report } from './report.ts';
import type { TreeIndex } from './tree-index.ts';

const PAIRS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

export function bracketUnbalanced(tree: TreeIndex, file: VFile, context: RuleContext): void {
  for (const unit of balanceUnits(tree.paragraphs, context.stanzas)) {
    const stack: Mark[] = [];
    for (const mark of unit.flatMap(marks)) {
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

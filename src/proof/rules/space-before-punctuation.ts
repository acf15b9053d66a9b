// A space before , ; : . ! ? ) ] or after an opening ( [ “ — "enemy , Jeremy", "( a rightwing viper)".
import type { Parent } from 'nlcst';
import type { VFile } from 'vfile';
import type { RuleContext } from './context.ts';
import { report } from './report.ts';
import { text } from './text.ts';
import type { TreeIndex } from './tree-index.ts';

const CLOSING = /^[,;:.!?)\]]/;
const OPENING = /[([“]$/;

export function spaceBeforePunctuation(tree: TreeIndex, file: VFile, context: RuleContext): void {
  for (const node of [...tree.paragraphs, ...tree.sentences] as Parent[]) {
    const children = node.children;
    for (let i = 1; i + 1 < children.length; i++) {
      const space = children[i];
      if (space.type !== 'WhiteSpaceNode' || /[\r\n]/.test(space.value)) continue;
      // Hair, thin and narrow no-break spaces (between nested quotes: “ ‘I wish) are typography.
      if (/^[\u2009\u200a\u202f\u2060]+$/.test(space.value)) continue;
      const previous = children[i - 1];
      const next = children[i + 1];
      const nextText = text(next);
      if (next.type === 'PunctuationNode' && CLOSING.test(nextText)) {
        // ". NET" and "… ." are not faults; a lone dot before a word is.
        const after = context.doc[(next.position?.start.offset ?? -2) + 1] ?? '';
        if (nextText[0] === '.' && (/[\p{L}\d]/u.test(after) || nextText.startsWith('..'))) continue;
        report(file, space.position?.start, 'space-before-punctuation', `space before "${nextText[0]}"`);
      } else if (previous.type === 'PunctuationNode' && OPENING.test(previous.value)) {
        const mark = previous.value.at(-1);
        report(file, space.position?.start, 'space-before-punctuation', `space after "${mark}"`);
      }
    }
  }
}

// "Jerem y": two neighbouring tokens, at least one of them not a word, that join into a known word or name.
import type { VFile } from 'vfile';
import type { RuleContext } from './context.ts';
import { report } from './report.ts';
import { text } from './text.ts';
import type { TreeIndex } from './tree-index.ts';

export function splitWord(tree: TreeIndex, file: VFile, context: RuleContext): void {
  const speller = context.speller;
  if (!speller) return;
  const letters = /^\p{L}+$/u;
  // "O" is a word too: the vocative of verse and prayer ("O I", "O Lord").
  const isWord = (word: string) => (word.length === 1 ? /^[aAIO]$/.test(word) : speller.known(word));
  for (const sentence of tree.sentences) {
    const children = sentence.children;
    for (let i = 0; i + 2 < children.length; i++) {
      const [left, gap, right] = [children[i], children[i + 1], children[i + 2]];
      if (left.type !== 'WordNode' || gap.type !== 'WhiteSpaceNode' || right.type !== 'WordNode') continue;
      if (text(gap) !== ' ' || context.fragments.has(left)) continue;
      const a = text(left);
      const b = text(right);
      if (!letters.test(a) || !letters.test(b) || (isWord(a) && isWord(b))) continue;
      const joined = a + b;
      if (!speller.listed(joined)) continue;
      context.fragments.add(left);
      context.fragments.add(right);
      report(file, left.position?.start, 'split-word', `"${a} ${b}" looks like one word split in two: "${joined}"`);
    }
  }
}

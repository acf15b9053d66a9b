// Two or more spaces (ordinary or no-break) between words on one line.
import type { VFile } from 'vfile';
import type { RuleContext } from './context.ts';
import { report } from './report.ts';
import type { TreeIndex } from './tree-index.ts';

const RUN = /[^\S\r\n]{2,}/g;

function describe(run: string): string {
  const noBreak = [...run].filter((c) => c === '\u00a0').length;
  if (run.length === 2) return ['two spaces', 'a space and a no-break space', 'two no-break spaces'][noBreak];
  return noBreak === 0 ? `${run.length} spaces` : `${run.length} spaces, ${noBreak} of them no-break`;
}

export function doubleSpace(tree: TreeIndex, file: VFile, context: RuleContext): void {
  const { doc } = context;
  for (const node of tree.whiteSpace) {
    const start = node.position?.start.offset;
    if (start === undefined || node.value.length < 2) continue;
    for (const match of node.value.matchAll(RUN)) {
      const offset = start + (match.index ?? 0);
      const before = doc[offset - 1];
      const after = doc[offset + match[0].length];
      // Indentation and trailing spaces are layout, not prose.
      if (before === undefined || after === undefined || /[\r\n]/.test(before + after)) continue;
      const word = /\S{1,24}$/.exec(doc.slice(Math.max(0, offset - 24), offset))?.[0] ?? '';
      report(file, context.locate(offset), 'double-space', `doubled space after "${word}" (${describe(match[0])})`);
    }
  }
}

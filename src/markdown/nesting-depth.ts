// Lists and block quotes nested deeper than a printed page has room for: each level indents the text, and
// past about 16 levels the text block has no width left (Paged.js then loses the text). One error at the
// first element too deep, per chapter.
import type { Nodes, Root } from 'mdast';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';

export const MAX_NESTING = 16;

export function nestingDepth(tree: Root, file: string, diagnostics: Diagnostic[]): void {
  const walk = (node: Nodes, depth: number): boolean => {
    const level = node.type === 'list' || node.type === 'blockquote' ? depth + 1 : depth;
    if (level > MAX_NESTING) {
      diagnostics.push(diagnostic(file, node.position?.start, 'error', 'nesting-too-deep',
        `Lists and block quotes are nested ${level} levels deep here; a printed page has room for ${MAX_NESTING}.`,
        'Flatten the structure: fewer levels of indentation (a sublist or quotation inside at most a few others).'));
      return true;
    }
    return 'children' in node && node.children.some((child) => walk(child as Nodes, level));
  };
  walk(tree, 0);
}

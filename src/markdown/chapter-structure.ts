// Chapter title, section ids and section-break ornaments, read from (and set on) the mdast.
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Kind } from '../book/kinds.ts';
import type { Section } from '../book/model.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';

export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** `chapters/01-the-zinoviev-letter.md` → `ch-01-the-zinoviev-letter`. */
export function chapterIdFromFile(file: string): string {
  const base = file.split('/').pop()!.replace(/\.[^.]*$/, '');
  return `ch-${slug(base) || 'chapter'}`;
}

export interface Structure {
  title: string;
  sections: Section[];
  kind: Kind;
  listed: boolean;
  unnumbered: boolean;
  classes: string[];
  meta: Record<string, unknown>;
}

export function chapterStructure(tree: Root, file: string, chapterId: string, diagnostics: Diagnostic[]): Structure {
  let title: string | undefined;
  const sections: Section[] = [];
  const used = new Set<string>();
  visit(tree, (node) => {
    if (node.type === 'thematicBreak') {
      node.data = { ...node.data, hProperties: { className: ['section-break'] } };
      return;
    }
    if (node.type !== 'heading') return;
    const text = toString(node).replace(/\s+/g, ' ').trim();
    if (node.depth === 1) {
      if (title === undefined) title = text;
      else {
        diagnostics.push(diagnostic(file, node.position?.start, 'warning', 'chapter-multiple-titles',
          `A second chapter title "# ${text}"; a chapter has one "#" heading.`,
          'Use "##" for a section, or split the chapter into two files listed in book.yaml.'));
      }
      return;
    }
    const id = unique(`${chapterId}-${slug(text) || 'section'}`, used);
    setId(node, id);
    if (node.depth <= 3) sections.push({ id, title: text, depth: node.depth, listed: true });
  });
  if (title === undefined) {
    diagnostics.push(diagnostic(file, tree.children[0]?.position?.start ?? { line: 1, column: 1 }, 'error', 'chapter-no-title',
      'This chapter has no title.', 'Start the file with a "# Title" line.'));
  }
  return { title: title ?? '', sections, kind: 'chapter', listed: true, unnumbered: false, classes: [], meta: {} };
}

function setId(node: Heading, id: string): void {
  node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id } };
}

function unique(id: string, used: Set<string>): string {
  let candidate = id;
  for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`;
  used.add(candidate);
  return candidate;
}

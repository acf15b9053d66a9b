// remarkInlineNote — pandoc's inline notes: `^[text with *markup* and [@cite] inside]`, brackets nested.
// Each becomes a GFM `footnoteReference` at the call and a `footnoteDefinition` (one paragraph) appended
// to the root, identifier `inline-note-N` (never one an author used), so inline and `[^x]` notes are
// numbered in one sequence by the note stage. Rule ids (vfile messages, source `inline-note`):
//   inline-note-unclosed (warning)  a `^[` whose bracket never closes; the text is kept as written
//                                   (the first 100 one by one, then one message counting the rest).
import type { FootnoteDefinition, FootnoteReference, Parent, Root } from 'mdast';
import type { Processor } from 'unified';
import type { Position } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { inlineNoteFromMarkdown, type InlineNote } from './from-markdown.ts';
import { inlineNoteSyntax } from './syntax.ts';

export type { InlineNote } from './from-markdown.ts';

/** Unclosed notes reported one by one; past that, one message counts the rest. */
const MAX_REPORTED = 100;

export function remarkInlineNote(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(inlineNoteSyntax());
  (data.fromMarkdownExtensions ??= []).push(inlineNoteFromMarkdown());
  return (tree: Root, file: VFile) => {
    const unclosed = tree.data?.inlineNoteUnclosed ?? [];
    for (const place of unclosed.slice(0, MAX_REPORTED)) {
      const message = file.message('This inline note "^[" is never closed; it is printed as written.', { place, ruleId: 'inline-note-unclosed', source: 'inline-note' });
      message.note = 'Close the note with "]" in the same paragraph, or write \\^ for a literal caret.';
    }
    if (unclosed.length > MAX_REPORTED) {
      file.message(`${unclosed.length - MAX_REPORTED} more inline notes "^[" are never closed.`, { place: unclosed[MAX_REPORTED], ruleId: 'inline-note-unclosed', source: 'inline-note' });
    }
    if (tree.data) delete tree.data.inlineNoteUnclosed;
    const used = new Set<string>();
    let any = false;
    visit(tree, (node) => {
      if (node.type === 'footnoteDefinition' || node.type === 'footnoteReference') used.add(node.identifier);
      else if (node.type === 'inlineNote') any = true;
    });
    if (!any) return;
    let n = 0;
    const definitions: FootnoteDefinition[] = [];
    const convert = (root: Parent) => {
      visit(root, 'inlineNote', (node: InlineNote, index, parent: Parent | undefined) => {
        if (!parent || index === undefined) return;
        let identifier: string;
        do identifier = `inline-note-${++n}`;
        while (used.has(identifier));
        const reference: FootnoteReference = { type: 'footnoteReference', identifier, label: identifier, position: node.position };
        parent.children[index] = reference;
        const definition: FootnoteDefinition = {
          type: 'footnoteDefinition', identifier, label: identifier, position: node.position,
          children: [{ type: 'paragraph', children: node.children, position: inside(node.position) }],
        };
        definitions.push(definition);
        convert(definition);
        return SKIP;
      });
    };
    convert(tree);
    tree.children.push(...definitions);
  };
}

/** The content's place: after `^[`, before `]`. */
function inside(position: Position | undefined): Position | undefined {
  if (!position) return undefined;
  const { start, end } = position;
  return {
    start: { line: start.line, column: start.column + 2, offset: start.offset === undefined ? undefined : start.offset + 2 },
    end: { line: end.line, column: end.column - 1, offset: end.offset === undefined ? undefined : end.offset - 1 },
  };
}

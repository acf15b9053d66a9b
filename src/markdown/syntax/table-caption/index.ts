// Pandoc's table captions: a paragraph beginning `Table:` or `:` right before or after a table (a blank
// line between) is the table's caption. The paragraph leaves the tree; its inline content is kept on
// the table as `data.caption` and rendered as `<caption>` by the table handler (src/markdown/to-hast.ts).
import type { Paragraph, Parent, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseAttributes, toProperties } from '../attributes.ts';

const PREFIX = /^(?:Table)?:[ \t]+/;

declare module 'mdast' {
  interface TableData {
    caption?: PhrasingContent[];
  }
}

function captionOf(node: RootContent | undefined): PhrasingContent[] | undefined {
  if (!node || node.type !== 'paragraph') return undefined;
  const first = (node as Paragraph).children[0];
  if (!first || first.type !== 'text') return undefined;
  const m = PREFIX.exec(first.value);
  if (!m) return undefined;
  const rest = first.value.slice(m[0].length);
  const start = first.position?.start;
  const trimmed: PhrasingContent = {
    ...first,
    value: rest,
    position: start && first.position
      ? { start: { line: start.line, column: start.column + m[0].length, offset: start.offset === undefined ? undefined : start.offset + m[0].length }, end: first.position.end }
      : first.position,
  };
  return [trimmed, ...(node as Paragraph).children.slice(1)];
}

export function tableCaptions(tree: Root): void {
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const parent = node as Parent;
    for (let i = 0; i < parent.children.length; i++) {
      const table = parent.children[i];
      if (table?.type !== 'table') continue;
      const after = captionOf(parent.children[i + 1]);
      const before = after ? undefined : captionOf(parent.children[i - 1]);
      const caption = after ?? before;
      if (!caption) continue;
      // pandoc 3: `Table: Caption {#tbl-id .class}` gives the table its attributes.
      const last = caption[caption.length - 1];
      let hProperties = {};
      if (last?.type === 'text') {
        const open = last.value.lastIndexOf('{');
        const parsed = open === -1 ? undefined : parseAttributes(last.value, open);
        if (parsed?.ok && open + parsed.length === last.value.trimEnd().length) {
          last.value = last.value.slice(0, open).trimEnd();
          hProperties = toProperties(parsed.attributes);
          (table as Table).data = { ...(table as Table).data, attributes: parsed.attributes } as Table['data'];
        }
      }
      (table as Table).data = { ...(table as Table).data, caption, hProperties };
      if (after) parent.children.splice(i + 1, 1);
      else {
        parent.children.splice(i - 1, 1);
        i--;
      }
    }
  });
}

// Cross-references, book-wide, on the checked mdast (after links are resolved, before hast):
// - with `number-figures: true` (book.yaml) every figure and every captioned table is numbered per chapter,
//   `Figure 3.2.` / `Table 3.1.` before its caption: the chapter's number among the numbered chapters, an
//   appendix's letter (`A.1`), and a plain sequence in other files (introduction, preface …);
// - `[](#fig-x){.ref}` (an empty link with the class `ref`) prints the target's label: `Figure 3.2`,
//   `Table 3.1`, a chapter's title or a section's heading. A `.ref` to a figure or table that is not numbered,
//   or to an element with no label, is an error at the link;
// - `[text](#id){.page-ref}` is left as it is here: the print renderer adds the page, the EPUB links.
import type { Heading, Link, Parent, PhrasingContent, Root, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { Kind } from '../book/kinds.ts';
import type { Attributes } from './syntax/attributes.ts';

interface Numbered {
  file: string;
  tree: Root;
  kind: Kind;
  unnumbered: boolean;
}

const classesOf = (node: { data?: unknown }) => (node.data as { attributes?: Attributes } | undefined)?.attributes?.classes ?? [];

export function crossReferences(chapters: Numbered[], numberFigures: boolean, diagnostics: Diagnostic[]): void {
  const labels = new Map<string, string>();
  let chapterNumber = 0;
  let appendix = 0;
  for (const chapter of chapters) {
    const prefix = chapter.kind === 'chapter' && !chapter.unnumbered ? `${++chapterNumber}.` : chapter.kind === 'appendix' ? `${String.fromCharCode(65 + appendix++)}.` : '';
    let figures = 0;
    let tables = 0;
    visit(chapter.tree, (node) => {
      if (node.type === 'heading') {
        const id = (node.data?.hProperties as { id?: string } | undefined)?.id;
        const text = toString(node).replace(/\s+/g, ' ').trim();
        if (id) labels.set(id, (node as Heading).depth === 1 && prefix && /^\d/.test(prefix) ? `Chapter ${prefix.slice(0, -1)}` : text);
        return;
      }
      if (!numberFigures) return;
      if (node.type === 'figure') {
        const label = `Figure ${prefix}${++figures}`;
        const id = (node.data?.hProperties as { id?: string } | undefined)?.id;
        if (id) labels.set(id, label);
        const caption = (node as Parent).children.find((c) => (c.data as { hName?: string } | undefined)?.hName === 'figcaption') as Parent | undefined;
        caption?.children.unshift(numberSpan(label), { type: 'text', value: ' ' });
      } else if (node.type === 'table' && (node as Table).data?.caption) {
        const label = `Table ${prefix}${++tables}`;
        const id = (node as Table).data?.attributes?.id;
        if (id) labels.set(id, label);
        (node as Table).data!.caption!.unshift(numberSpan(label), { type: 'text', value: ' ' });
      }
    });
  }
  for (const chapter of chapters) {
    visit(chapter.tree, 'link', (link: Link) => {
      if (!classesOf(link).includes('ref') || toString(link).trim() !== '' || !link.url.startsWith('#')) return;
      const id = link.url.slice(1);
      const label = labels.get(id);
      if (label) {
        link.children = [{ type: 'text', value: label }];
        return;
      }
      const figureLike = /^(fig|tbl)[-:]/.test(id);
      diagnostics.push(diagnostic(chapter.file, link.position?.start, 'error', 'ref-unlabelled',
        figureLike && !numberFigures ? `The reference to #${id} needs figure and table numbers.` : `#${id} has no number or title to print for this reference.`,
        figureLike && !numberFigures ? 'Set number-figures: true in book.yaml, or write the link text: [the map](#fig-map).' : 'Write the link text yourself: [the text](#id), or refer to a figure, a table or a heading.'));
      link.children = [{ type: 'text', value: id }];
    });
  }
}

/** `Figure 3.2.` before a caption, in its own span (styles set it apart). */
function numberSpan(label: string): PhrasingContent {
  return { type: 'span', children: [{ type: 'text', value: `${label}.` }], data: { hName: 'span', hProperties: { className: ['caption-number'] } } } as PhrasingContent;
}

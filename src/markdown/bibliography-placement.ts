// Pandoc's `::: {#refs}`: the bibliography goes where the author put that div, instead of on a page of
// its own at the end of the book. The entries are written into the div here, once, so every renderer
// sets them the same way; `Book.bibliographyIn` tells the renderers not to add their own page.
import type { Element, ElementContent, Root } from 'hast';
import { bibliographyId, type BibliographyEntry, type Chapter } from '../book/model.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';

function findRefs(node: Root | Element): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.properties.id === 'refs') return child;
    const found = findRefs(child);
    if (found) return found;
  }
  return undefined;
}

/** Fills the first `#refs` div; returns the id of the chapter that holds it, if any. */
export function placeBibliography(chapters: Chapter[], entries: BibliographyEntry[], diagnostics: Diagnostic[]): string | undefined {
  let holder: string | undefined;
  for (const chapter of chapters) {
    const div = findRefs(chapter.content);
    if (!div) continue;
    if (holder) {
      diagnostics.push(diagnostic(chapter.file, div.position?.start, 'warning', 'refs-duplicate',
        'A second ::: {#refs} div; the bibliography is placed at the first one only.', 'Remove one of the two.'));
      continue;
    }
    holder = chapter.id;
    const className = [...((div.properties.className as string[] | undefined) ?? []), 'references'];
    div.properties = { ...div.properties, className };
    div.children = [
      ...div.children,
      ...entries.map((e): ElementContent => ({
        type: 'element', tagName: 'p', properties: { className: ['bib-entry'], id: bibliographyId(e.key) }, children: structuredClone(e.content),
      })),
    ];
  }
  return holder;
}

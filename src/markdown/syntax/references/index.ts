// Reference-style links and images (`[text][ref]`, `![alt][ref]`, collapsed `[ref][]` and shortcut `[ref]`
// with a `[ref]: url "title"` definition) become ordinary `link` and `image` nodes, so everything after
// — image resolution and copying, implicit figures, link checks, the renderers — sees one kind of node.
// (A reference-style image used to reach print unresolved: the PDF stage failed on a missing file.)
// A reference to no definition stays text in CommonMark: that is reported (`reference-undefined`), since
// pandoc's `[text][ref]` markup would otherwise be printed silently.
import type { Definition, Image, ImageReference, Link, LinkReference, Parent, Root, RootContent, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { diagnostic, type Diagnostic } from '../../../diagnostics.ts';
import type { SourceMap } from '../../source-map.ts';

const UNDEFINED = /!?\[[^\]\n]{0,500}\]\[([^\]\n]{1,200})\]/g;

export function resolveReferences(tree: Root, file: string, map: SourceMap, diagnostics: Diagnostic[]): void {
  const definitions = new Map<string, Definition>();
  visit(tree, 'definition', (node: Definition) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
  });
  visit(tree, (node, index, parent: Parent | undefined) => {
    if (!parent || index === undefined) return;
    if (node.type === 'imageReference') {
      const ref = node as ImageReference;
      const def = definitions.get(ref.identifier);
      if (!def) return;
      const image: Image = { type: 'image', url: def.url, title: def.title ?? null, alt: ref.alt ?? '', position: ref.position, data: ref.data };
      parent.children.splice(index, 1, image as RootContent);
      return;
    }
    if (node.type === 'linkReference') {
      const ref = node as LinkReference;
      const def = definitions.get(ref.identifier);
      if (!def) return;
      const link: Link = { type: 'link', url: def.url, title: def.title ?? null, children: ref.children, position: ref.position, data: ref.data };
      parent.children.splice(index, 1, link as RootContent);
      return [SKIP, index];
    }
    if (node.type === 'text') {
      for (const m of (node as Text).value.matchAll(UNDEFINED)) {
        diagnostics.push(diagnostic(file, map.textPoint(node as Text, m.index), 'warning', 'reference-undefined',
          `"${m[0].slice(0, 40)}" refers to [${m[1]}], which no "[${m[1]}]: …" line defines; it is printed as text.`,
          `Add a line "[${m[1]}]: address" to the chapter, or write the link inline as [text](address).`));
      }
    }
    return undefined;
  });
}

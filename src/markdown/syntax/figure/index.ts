// Pandoc's implicit figures: an image alone in a paragraph is a figure, its description the caption.
//   ![A map of Europe in 1924](images/map.png){#fig-map width=60%}
// becomes a `figure` node (→ `<figure id="fig-map"><img …><figcaption>A map of Europe in 1924</figcaption></figure>`).
// The image's own attributes stay on the image, except the id, which names the figure (as pandoc does).
// An image with a title only (`![x](a.png "title")`) is still a figure; `![x](a.png)\` (a trailing
// backslash) keeps it inline, as in pandoc.
import type { Image, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { Properties } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { Attributes } from '../attributes.ts';

export interface FigureNode extends Parent {
  type: 'figure';
  children: RootContent[];
  data?: { hName?: string; hProperties?: Properties; attributes?: Attributes };
}

declare module 'mdast' {
  interface RootContentMap {
    figure: FigureNode;
  }
}

function loneImage(p: Paragraph): Image | undefined {
  const meaningful = p.children.filter((c: PhrasingContent) => !(c.type === 'text' && c.value.trim() === ''));
  return meaningful.length === 1 && meaningful[0]!.type === 'image' ? (meaningful[0] as Image) : undefined;
}

export function implicitFigures(tree: Root): void {
  visit(tree, 'paragraph', (node: Paragraph, index, parent: Parent | undefined) => {
    if (!parent || index === undefined) return;
    const image = loneImage(node);
    if (!image || !image.alt?.trim()) return;
    const imageData = (image.data ?? {}) as { hProperties?: Properties; attributes?: Attributes };
    const id = imageData.attributes?.id ?? (imageData.hProperties?.id as string | undefined);
    if (imageData.hProperties?.id) {
      const { id: _moved, ...rest } = imageData.hProperties;
      image.data = { ...image.data, hProperties: rest };
    }
    const caption: RootContent = {
      type: 'paragraph',
      children: [{ type: 'text', value: image.alt, position: image.position }],
      position: image.position,
      data: { hName: 'figcaption' },
    };
    const figure: FigureNode = {
      type: 'figure',
      children: [image as unknown as RootContent, caption],
      position: node.position,
      data: { hName: 'figure', hProperties: id ? { id, className: ['figure'] } : { className: ['figure'] } },
    };
    parent.children.splice(index, 1, figure as unknown as RootContent);
    return [SKIP, index + 1];
  });
}

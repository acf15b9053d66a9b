// remarkTrailingAttributes — pandoc attributes right after a link, an image or inline code:
// `[a](url){.c}`, `![alt](x.png){width=50% #fig-map}`, `` `x`{.python} ``, and raw inline content
// `` `<b>x</b>`{=html} ``. The node gets `data.attributes` (see ../attributes.ts) and `data.hProperties`;
// the braces leave the text. Images: width/height as in ./image-size.ts. Raw: `{=html}` (or html5)
// becomes a `rawInline` node (below) when safe; other formats are left out.
// Rule ids (vfile messages, source `trailing-attributes`):
//   raw-format-dropped (warning)      `{=latex}` and other non-HTML raw content is left out
//   html-unsafe (error, fatal: true)  raw HTML with script, frames, on* attributes, javascript: URLs
//   image-size-unsupported (warning)  a width/height neither the EPUB nor print can honour (e.g. `5em`)
import type { ElementContent } from 'hast';
import type { Image, ImageReference, InlineCode, Link, LinkReference, Literal, Parent, Root, Text } from 'mdast';
import type { Position } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { parseAttributes, toProperties } from '../attributes.ts';
import { sourceOf } from '../bracketed-span/index.ts';
import { indexAt, pointer, positionOf, sliceText, textSource } from '../bracketed-span/text-source.ts';
import { imageSize } from './image-size.ts';
import { rawHtml } from './raw-html.ts';

/**
 * Raw inline HTML that passed the safety rules. Renders as its parsed HTML: a single element as itself
 * (through `data.hName` / `hProperties` / `hChildren`), several nodes inside a `<span>`.
 */
export interface RawInline extends Literal {
  type: 'rawInline';
  format: string;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    rawInline: RawInline;
  }
  interface RootContentMap {
    rawInline: RawInline;
  }
}

const TAKES_ATTRIBUTES = new Set(['link', 'image', 'inlineCode', 'linkReference', 'imageReference']);
const HTML_FORMATS = new Set(['html', 'html5']);
const SOURCE = 'trailing-attributes';

export function remarkTrailingAttributes() {
  return (tree: Root, file: VFile) => {
    const source = sourceOf(file, tree, 'remarkTrailingAttributes');
    const toPoint = pointer(file);
    visit(tree, (any, index, parent: Parent | undefined) => {
      if (!parent || index === undefined || !TAKES_ATTRIBUTES.has(any.type)) return;
      const node = any as Link | Image | InlineCode | LinkReference | ImageReference;
      const next = parent.children[index + 1];
      if (next?.type !== 'text' || !next.position || next.value[0] !== '{') return;
      const ts = textSource(next, source);
      if (ts.literal[0]) return;
      const at = ts.offsets[0]!;
      const parsed = parseAttributes(source, at);
      const end = at + parsed.length;
      if (!parsed.ok || end > next.position.end.offset!) return;
      const after = indexAt(ts, 0, end);
      const rest: Text[] = after < next.value.length ? [sliceText(next, ts, after, next.value.length, toPoint)] : [];
      const start = node.position?.start.offset ?? at;
      const position = positionOf(toPoint, start, end);
      const attributes = parsed.attributes;
      if (attributes.raw !== undefined) {
        if (node.type !== 'inlineCode') return; // `[a](b){=html}` is not raw content: leave it as text.
        const raw = rawNode(node.value, attributes.raw, position, file);
        parent.children.splice(index, 2, ...(raw ? [raw] : []), ...rest);
        return [SKIP, index + (raw ? 1 : 0)];
      }
      const properties = toProperties(attributes);
      if (node.type === 'image' || node.type === 'imageReference') {
        for (const size of imageSize(properties)) {
          const message = file.message(`The image size ${size} cannot be kept in the EPUB or the print edition.`, { place: position, ruleId: 'image-size-unsupported', source: SOURCE });
          message.note = 'Give the width in pixels (width=300), in cm, mm or in (width=8cm), or in percent of the text width (width=50%).';
        }
      }
      node.data = { ...node.data, attributes, hProperties: { ...node.data?.hProperties, ...properties } };
      if (node.position) node.position = position;
      parent.children.splice(index + 1, 1, ...rest);
      // A link's text may hold code with attributes of its own: go on into it.
      return node.type === 'link' || node.type === 'linkReference' ? index + 1 : [SKIP, index + 1];
    });
  };
}

function rawNode(value: string, format: string, position: Position, file: VFile): RawInline | undefined {
  if (!HTML_FORMATS.has(format)) {
    const message = file.message(`Raw ${format} content "${value.slice(0, 40)}" is left out: only {=html} reaches the book.`, { place: position, ruleId: 'raw-format-dropped', source: SOURCE });
    message.note = 'Write it in Markdown, or as {=html} if it is HTML.';
    return undefined;
  }
  const html = rawHtml(value);
  if (!html.ok) {
    const message = file.message(html.reason, { place: position, ruleId: 'html-unsafe', source: SOURCE });
    message.fatal = true;
    message.note = 'Remove it: write the content in Markdown (images with ![alt](path), emphasis with *…*).';
    return undefined;
  }
  return { type: 'rawInline', format, value, position, data: renderData(html.children) };
}

function renderData(children: ElementContent[]): RawInline['data'] {
  const only = children.length === 1 ? children[0] : undefined;
  if (only?.type === 'element') return { hName: only.tagName, hProperties: only.properties, hChildren: only.children };
  return { hName: 'span', hProperties: {}, hChildren: children };
}

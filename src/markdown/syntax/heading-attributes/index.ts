// remarkHeadingAttributes — pandoc's heading attributes, ATX and setext:
// `# Title {#id .unnumbered .unlisted epub:type=dedication}`, `## Notes {-}`.
// The braces (and the spaces before them) leave the heading text; the heading keeps them as
// `data.attributes` (see ../attributes.ts) and `data.hProperties` (id, classes, key=value — `epub:type`
// included, also on an h1, where the chapter's kind is read from it). No rule ids: braces that are not
// valid attributes, or are escaped (`\{`), stay text.
import type { Heading, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { parseAttributes, toProperties } from '../attributes.ts';
import { sourceOf } from '../bracketed-span/index.ts';
import { pointer, textSource } from '../bracketed-span/text-source.ts';

export function remarkHeadingAttributes() {
  return (tree: Root, file: VFile) => {
    const source = sourceOf(file, tree, 'remarkHeadingAttributes');
    const toPoint = pointer(file);
    visit(tree, 'heading', (heading: Heading) => {
      const tail = heading.children[heading.children.length - 1];
      if (tail?.type !== 'text' || !tail.position || !tail.value.trimEnd().endsWith('}')) return;
      const ts = textSource(tail, source);
      const value = tail.value;
      const close = value.trimEnd().length - 1;
      if (ts.literal[close]) return;
      // Attribute values hold no `{`, so the last unescaped one opens them.
      let open = close - 1;
      while (open >= 0 && (value[open] !== '{' || ts.literal[open])) open--;
      if (open < 0) return;
      const at = ts.offsets[open]!;
      const parsed = parseAttributes(source, at);
      if (!parsed.ok || at + parsed.length !== ts.offsets[close]! + 1) return;
      let keep = open;
      while (keep > 0 && (value[keep - 1] === ' ' || value[keep - 1] === '\t')) keep--;
      if (keep === 0) heading.children.pop();
      else {
        const text: Text = { type: 'text', value: value.slice(0, keep), position: { start: tail.position.start, end: toPoint(ts.offsets[keep]!) } };
        heading.children[heading.children.length - 1] = text;
      }
      heading.data = { ...heading.data, attributes: parsed.attributes, hProperties: { ...heading.data?.hProperties, ...toProperties(parsed.attributes) } };
    });
  };
}

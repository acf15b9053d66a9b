// hast (mammoth's HTML) → mdast, with hast-util-to-mdast and one handler per construct of our dialect that
// plain mdast has no node for. Inline constructs become `textDirective` nodes (phrasing content to every mdast
// utility) named after the construct; `serialize.ts` writes them in pandoc's syntax.
import type { Element, Root as HastRoot } from 'hast';
import { toMdast, type Handle, type State } from 'hast-util-to-mdast';
import { toText } from 'hast-util-to-text';
import type { Nodes as MdastNodes, PhrasingContent, RootContent } from 'mdast';
import { hasClass, NOTE_CALL } from './prepare-hast.ts';

/** Where each note call's label comes from: mammoth's note id → `[^n]` label of this chapter. */
export type NoteLabels = Map<string, string>;

export function toMarkdownTree(tree: HastRoot, labels: NoteLabels): RootContent[] {
  const root = toMdast(tree, { handlers: handlers(labels) }) as { children: RootContent[] };
  return root.children;
}

function inline(name: string, state: State, node: Element, attributes: Record<string, string> = {}): PhrasingContent {
  return { type: 'textDirective', name, attributes, children: state.all(node) as PhrasingContent[] } as unknown as PhrasingContent;
}

function handlers(labels: NoteLabels): Record<string, Handle> {
  const sup: Handle = (state, node) => inline('superscript', state, node);
  const sub: Handle = (state, node) => inline('subscript', state, node);
  const span: Handle = (state, node) => {
    const lang = node.properties.lang ? String(node.properties.lang) : undefined;
    if (hasClass(node, 'smallcaps')) return inline('span', state, node, { class: 'smallcaps' });
    if (lang) return inline('span', state, node, { lang });
    return state.all(node) as MdastNodes[];
  };
  const noteCall: Handle = (state, node) => {
    const label = labels.get(String(node.properties.dataNote)) ?? '?';
    const ref = { type: 'footnoteReference', identifier: label, label } as const;
    state.patch(node, ref);
    return ref;
  };
  const div: Handle = (state, node) => {
    const classes = Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];
    const children = state.toFlow(state.all(node) as RootContent[]);
    if (!classes.length) return children as MdastNodes[];
    return { type: 'containerDirective', name: 'div', attributes: { class: classes.join(' ') }, children } as unknown as MdastNodes;
  };
  const p: Handle = (state, node) => {
    if (!hasClass(node, 'verse')) return { type: 'paragraph', children: state.all(node) as PhrasingContent[] };
    // Verse: each line (between <br>s) one line of a line block.
    const lines: string[][] = [[]];
    for (const c of node.children) {
      if (c.type === 'element' && c.tagName === 'br') lines.push([]);
      else lines[lines.length - 1].push(toText(c));
    }
    return { type: 'lineBlock', lines: lines.map((l) => l.join('')) } as unknown as MdastNodes;
  };
  return { sup, sub, span, div, p, [NOTE_CALL]: noteCall, s: (state, node) => ({ type: 'delete', children: state.all(node) as PhrasingContent[] }) };
}

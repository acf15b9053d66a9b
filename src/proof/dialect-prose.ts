// The dialect's nodes as prose for the English parser: a definition term, each verse line and each
// caption is its own paragraph (so words never run together across them: "tower.GalleryThe"), and text
// in another language (`[phare]{lang=fr}`, `::: {lang=de}`) is one opaque token, never spell-checked
// against the book's dictionary (it is collected in `foreign`, to be checked in its own language).
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';

const AS_PARAGRAPH = new Set(['defListTerm', 'line', 'figcaption']);
/** Containers the English parser does not know: their blocks take their place. */
const UNWRAP = new Set(['defList', 'defListDescription', 'lineBlock']);

function langOf(node: Nodes): string | undefined {
  const pairs = (node.data as { attributes?: { pairs: Array<[string, string]> } } | undefined)?.attributes?.pairs;
  return pairs?.find(([k]) => k === 'lang')?.[1];
}

function sameLanguage(a: string, b: string): boolean {
  return a.toLowerCase().split('-')[0] === b.toLowerCase().split('-')[0];
}

/** A passage in another language, as it was before it became one opaque token. */
export interface ForeignPassage {
  lang: string;
  node: Nodes;
}

/**
 * `stanzas` receives the source span of every line block (a stanza): its lines are paragraphs of their own
 * for the English parser, but a bracket or quotation may open on one line and close on another.
 */
export function dialectProse(tree: Root, language: string, foreign: ForeignPassage[] = [], stanzas: Array<[number, number]> = []): Root {
  const walk = (parent: Nodes) => {
    if (!('children' in parent)) return;
    const children = (parent.children as Nodes[]).flatMap((child): Nodes | Nodes[] => {
      if (child.type === 'lineBlock' && child.position?.start.offset !== undefined) {
        stanzas.push([child.position.start.offset, child.position.end.offset ?? child.position.start.offset]);
      }
      if (UNWRAP.has(child.type) && 'children' in child) {
        walk(child);
        return child.children as Nodes[];
      }
      const lang = langOf(child);
      if (lang && !sameLanguage(lang, language)) {
        foreign.push({ lang, node: child });
        return { type: 'inlineCode', value: toString(child), position: child.position } as Nodes;
      }
      walk(child);
      if (child.type === 'line') dropIndent(child);
      if (AS_PARAGRAPH.has(child.type) || (child.type === 'paragraph' && (child.data as { hName?: string } | undefined)?.hName === 'figcaption')) {
        return { ...child, type: 'paragraph' } as Nodes;
      }
      return child;
    });
    // Source order: inline notes' definitions are appended at the end of the tree, but the English
    // parser measures the gaps between siblings from their positions and needs them in order.
    const at = (n: Nodes) => n.position?.start.offset ?? -1;
    if (children.every((c) => at(c) >= 0)) children.sort((a, b) => at(a) - at(b));
    (parent as { children: Nodes[] }).children = children;
  };
  walk(tree);
  return tree;
}

/** A verse line's leading spaces (kept as no-break spaces) are layout, not prose: the first word starts the line. */
function dropIndent(line: Nodes): void {
  const first = 'children' in line ? (line.children as Nodes[])[0] : undefined;
  if (first?.type !== 'text') return;
  const indent = /^[\s\u00a0]+/.exec(first.value)?.[0].length ?? 0;
  if (indent === 0) return;
  first.value = first.value.slice(indent);
  const start = first.position?.start;
  if (start) {
    // In the source the indent is ordinary spaces after "| ", one character each.
    first.position = { ...first.position!, start: { line: start.line, column: start.column + indent, offset: start.offset === undefined ? undefined : start.offset + indent } };
  }
}

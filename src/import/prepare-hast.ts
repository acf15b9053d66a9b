// mammoth's HTML, parsed, made ready for the Markdown: its notes list taken out (each note by its id), note calls
// marked, scene breaks and figure captions recognised, empty bookmark anchors (pandoc's, Word's) dropped.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';

export const NOTE_CALL = 'import-note-call';

export interface PreparedHtml {
  /** Top-level blocks in document order. */
  blocks: Element[];
  /** Each note's content by mammoth's id (`footnote-2`, `endnote-1`), in the document's note order. */
  notes: Map<string, ElementContent[]>;
}

/** `***`, `* * *`, `#`, `⁂`, `~`, `§`, a row of ornaments: a scene break, wherever it is aligned. */
const ORNAMENT = /^(?:[*＊∗#⁂❦❧☙✻✽✦•·~§◆◇○●-]\s*){1,5}$/u;

export function prepareHtml(tree: Root): PreparedHtml {
  const notes = new Map<string, ElementContent[]>();
  const blocks: Element[] = [];
  for (const node of tree.children) {
    if (node.type !== 'element') continue;
    if (isNotesList(node)) {
      for (const li of node.children) if (li.type === 'element') notes.set(String(li.properties.id), noteContent(li));
      continue;
    }
    if (node.tagName === 'a' && node.children.length === 0) continue;
    blocks.push(node);
  }
  for (const block of blocks) {
    dropBookmarks(block);
    markCalls(block);
    headerRow(block);
  }
  return { blocks: figures(blocks.map(sceneBreak)), notes };
}

function isNotesList(node: Element): boolean {
  const items = node.children.filter((c): c is Element => c.type === 'element');
  return node.tagName === 'ol' && items.length > 0 &&
    items.every((li) => li.tagName === 'li' && /^(footnote|endnote)-/.test(String(li.properties.id ?? '')));
}

/** A note's blocks without mammoth's back link (`<a href="#footnote-ref-2">↑</a>`) and the space before it. */
function noteContent(li: Element): ElementContent[] {
  const drop = (parent: Element) => {
    parent.children = parent.children.filter((c) => !(c.type === 'element' && c.tagName === 'a' && /^#(footnote|endnote)-ref-/.test(String(c.properties.href ?? ''))));
    for (const c of parent.children) if (c.type === 'element') drop(c);
    const last = parent.children[parent.children.length - 1];
    if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
    const first = parent.children[0];
    if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '');
  };
  drop(li);
  return li.children;
}

/** Word's bookmarks (`<a id="_GoBack"></a>`, a heading's anchor kept by LibreOffice) inside blocks: empty, no link. */
function dropBookmarks(node: Element): void {
  node.children = node.children.filter((c) => !(c.type === 'element' && c.tagName === 'a' && c.properties.href === undefined && c.children.length === 0));
  for (const c of node.children) if (c.type === 'element') dropBookmarks(c);
}

/** `<sup><a href="#footnote-2" id="footnote-ref-2">[1]</a></sup>` → `<import-note-call data-note="footnote-2">`. */
function markCalls(node: Element): void {
  node.children = node.children.map((child) => {
    if (child.type !== 'element') return child;
    if (child.tagName === 'sup') {
      // One call, or calls with the superscript commas set between calls side by side (`³,⁴`, as our
      // .docx writes them, or an author's): the commas go, they are not text.
      const inner = child.children.filter((c) => !(c.type === 'text' && /^[\s,]*$/.test(c.value)));
      const isCall = (a: ElementContent) => a.type === 'element' && a.tagName === 'a' && /^#(footnote|endnote)-/.test(String(a.properties.href ?? ''));
      if (inner.length > 0 && inner.every(isCall)) {
        return inner.map((a) => ({ type: 'element', tagName: NOTE_CALL, properties: { dataNote: String((a as Element).properties.href).slice(1) }, children: [] }) satisfies Element);
      }
    }
    markCalls(child);
    return child;
  }).flat();
  // A superscript comma of its own between two calls.
  node.children = node.children.filter((c, i, all) => !(c.type === 'element' && c.tagName === 'sup' && /^\s*,\s*$/.test(toText(c)) &&
    all[i - 1]?.type === 'element' && (all[i - 1] as Element).tagName === NOTE_CALL && all[i + 1]?.type === 'element' && (all[i + 1] as Element).tagName === NOTE_CALL));
}

function sceneBreak(block: Element): Element {
  const isBreak = block.tagName === 'p' && (hasClass(block, 'scene-break') || ORNAMENT.test(toText(block).trim()));
  return isBreak ? { type: 'element', tagName: 'hr', properties: {}, children: [] } : block;
}

/** An image alone in a paragraph followed by a caption paragraph: the caption becomes its alt (pandoc's figure). */
function figures(blocks: Element[]): Element[] {
  const out: Element[] = [];
  for (const block of blocks) {
    const prev = out[out.length - 1];
    if (hasClass(block, 'caption') && prev && loneImage(prev)) {
      loneImage(prev)!.properties.alt = toText(block).trim();
      continue;
    }
    if (hasClass(block, 'caption')) block.properties.className = [];
    out.push(block);
  }
  return out;
}

export function loneImage(block: Element): Element | undefined {
  if (block.tagName !== 'p') return undefined;
  const inner = block.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  const img = inner[0];
  return inner.length === 1 && img.type === 'element' && img.tagName === 'img' ? img : undefined;
}

export function hasClass(node: RootContent | ElementContent, name: string): boolean {
  if (node.type !== 'element') return false;
  const cls = node.properties.className;
  return Array.isArray(cls) && cls.map(String).includes(name);
}

/** A table without a header row (Word's usual) gets its first row as the header: pipe tables need one. */
function headerRow(node: Element): void {
  for (const c of node.children) if (c.type === 'element') headerRow(c);
  if (node.tagName !== 'table' || node.children.some((c) => c.type === 'element' && c.tagName === 'thead')) return;
  const rows = node.children.flatMap((c) => (c.type === 'element' && c.tagName === 'tbody' ? c.children : [c]));
  const first = rows.find((r): r is Element => r.type === 'element' && r.tagName === 'tr');
  if (first) for (const cell of first.children) if (cell.type === 'element' && cell.tagName === 'td') cell.tagName = 'th';
}

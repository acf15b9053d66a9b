// Verse written as paragraphs with hard line breaks (`line\` or two trailing spaces) inside a `::: poem` or
// `::: verse` div: each such paragraph becomes a stanza shaped like a line block's, so that its lines get
// the same treatment in every output (each line its own block with a hanging indent when it wraps, never
// hyphenated or justified, stanzas kept whole across pages): <div class="line-block"><span class="line">….
import type { Element, ElementContent, Root } from 'hast';

const VERSE = ['poem', 'verse'];

const classes = (node: Element) => (Array.isArray(node.properties.className) ? node.properties.className.map(String) : []);

export function verseParagraphs(tree: Root): void {
  const visit = (node: Root | Element, inVerse: boolean) => {
    for (const [i, child] of node.children.entries()) {
      if (child.type !== 'element') continue;
      const verse = inVerse || classes(child).some((c) => VERSE.includes(c));
      if (verse && child.tagName === 'p' && child.children.some((c) => c.type === 'element' && c.tagName === 'br')) {
        node.children[i] = stanza(child);
      } else visit(child, verse);
    }
  };
  visit(tree, false);
}

function stanza(p: Element): Element {
  const lines: ElementContent[][] = [[]];
  for (const child of p.children) {
    if (child.type === 'element' && child.tagName === 'br') lines.push([]);
    else lines[lines.length - 1].push(child);
  }
  const spans = lines.map((content, n): Element => {
    // The source's newline after each break is not part of the line.
    const first = content[0];
    if (n > 0 && first?.type === 'text') content[0] = { ...first, value: first.value.replace(/^\r?\n/, '') };
    const empty = content.every((c) => c.type === 'text' && c.value.trim() === '');
    return { type: 'element', tagName: 'span', properties: { className: empty ? ['line', 'line-empty'] : ['line'] }, children: empty ? [] : content };
  });
  return { type: 'element', tagName: 'div', properties: { ...p.properties, className: [...classes(p), 'line-block'] }, children: spans, position: p.position };
}

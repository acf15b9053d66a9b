// One chapter as print markup: note calls become floated footnotes, prose gets soft hyphens.
import type { Element, ElementContent, Root } from 'hast';
import type { Chapter, Note } from '../../book/model.ts';
import { NOTE_REF_TAG } from '../../book/model.ts';
import { footnote } from './footnote.ts';
import { h } from './h.ts';
import { hyphenateTree, type hyphenatorFor } from './hyphenate.ts';

type Hyphenator = NonNullable<ReturnType<typeof hyphenatorFor>>;

export function printChapter(chapter: Chapter, index: number, hyphenate: Hyphenator | undefined): Element {
  // The Book is shared with the other renderers (the EPUB is made at the same time): hyphenate copies only.
  const notes = new Map<string, Note>(chapter.notes.map((n) => [n.id, { ...n, content: structuredClone(n.content) }]));
  const body = structuredClone(chapter.content) as Root;
  let titled = false;
  const walk = (parent: Root | Element): void => {
    const out: ElementContent[] = [];
    for (const child of parent.children as ElementContent[]) {
      if (child.type === 'element' && child.tagName === NOTE_REF_TAG) {
        const note = notes.get(String(child.properties?.dataNote ?? ''));
        if (note) {
          const [call, span] = footnote(note);
          if (hyphenate) hyphenateTree(span!, hyphenate);
          out.push(call!, span!);
        }
        continue;
      }
      if (child.type === 'element') {
        if (!titled && child.tagName === 'h1') {
          titled = true;
          child.properties = { ...child.properties, className: ['chapter-title'] };
        }
        walk(child);
      }
      out.push(child);
    }
    parent.children = out as Root['children'];
  };
  // Hyphenate first (headings are skipped), then splice the notes in (hyphenated on their own).
  if (hyphenate) hyphenateTree(body, hyphenate);
  walk(body);
  return h(
    'section',
    { className: ['chapter', index === 0 ? 'first-chapter' : 'later-chapter'], id: chapter.id, role: 'doc-chapter' },
    body.children as ElementContent[],
  );
}

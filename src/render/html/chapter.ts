// One chapter file as print markup: note calls become floated footnotes, prose gets soft hyphens, and the
// section carries its kind's print facts as classes (styles/print/book.css sets the pages from them).
import type { Element, ElementContent, Properties, Root } from 'hast';
import { kindFacts } from '../../book/kinds.ts';
import type { Chapter, Note } from '../../book/model.ts';
import { NOTE_REF_TAG } from '../../book/model.ts';
import { chapterEndnotes, endnoteCall, type NotePlace } from './endnotes.ts';
import { footnote } from './footnote.ts';
import { h } from './h.ts';
import { hyphenateTree, type hyphenatorFor } from './hyphenate.ts';

type Hyphenator = NonNullable<ReturnType<typeof hyphenatorFor>>;

/**
 * Classes from the kinds table: `page-<style>` (running heads and folio), `opens-recto` or `opens-any`,
 * `display` (no printed heading, content centred), `<matter>-matter`, `kind-<kind>`.
 */
function kindProperties(chapter: Chapter, first: boolean): Properties {
  const facts = kindFacts(chapter.kind);
  const className = [
    'chapter',
    first ? 'first-chapter' : 'later-chapter',
    `kind-${chapter.kind}`,
    `${facts.matter}-matter`,
    `page-${facts.page}`,
    facts.recto ? 'opens-recto' : 'opens-any',
  ];
  if (facts.display) className.push('display');
  const props: Properties = { className, id: chapter.id };
  if (facts.role) props.role = facts.role;
  // A display page prints no heading: its title stays the section's accessible name (PDF tags, screen readers).
  if (facts.display) props.ariaLabel = chapter.title || facts.label;
  return props;
}

/**
 * `first`: this file opens the body (arabic folio 1). `noteAt` says where each note is set (endnotes.ts):
 * 'foot' floats it to the foot of the page, 'end' links the call to the chapter's Notes list, or (with
 * `bookNotes`) to the back matter's Notes section.
 */
export function printChapter(
  chapter: Chapter,
  first: boolean,
  hyphenate: Hyphenator | undefined,
  noteAt: (note: Note) => NotePlace = () => 'foot',
  bookNotes = false,
): Element {
  const display = kindFacts(chapter.kind).display;
  // The Book is shared with the other renderers (the EPUB is made at the same time): hyphenate copies only.
  const notes = new Map<string, Note>(chapter.notes.map((n) => [n.id, { ...n, content: structuredClone(n.content) }]));
  const body = structuredClone(chapter.content) as Root;
  let titled = false;
  const endnotes: Note[] = [];
  const walk = (parent: Root | Element): void => {
    const out: ElementContent[] = [];
    for (const child of parent.children as ElementContent[]) {
      if (child.type === 'element' && child.tagName === NOTE_REF_TAG) {
        const note = notes.get(String(child.properties?.dataNote ?? ''));
        if (note && noteAt(note) === 'end') {
          out.push(endnoteCall(note));
          if (!bookNotes) endnotes.push(note);
        } else if (note) {
          const [call, span] = footnote(note);
          if (hyphenate) hyphenateTree(span!, hyphenate);
          out.push(call!, span!);
        }
        continue;
      }
      if (child.type === 'element') {
        if (!titled && child.tagName === 'h1') {
          titled = true;
          if (display) continue;
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
  // The chapter's first paragraph, for designs that open with an initial or small capitals (a class: Paged.js
  // rewrites `h1 + p` and `p:first-of-type` selectors and loses their ::first-letter / ::first-line).
  const opening = body.children.find((c): c is Element => c.type === 'element' && c.tagName === 'p');
  if (opening && !display) opening.properties = { ...opening.properties, className: [...((opening.properties?.className as string[]) ?? []), 'opening'] };
  if (endnotes.length > 0) {
    if (hyphenate) for (const n of endnotes) hyphenateTree({ type: 'root', children: n.content as Root['children'] }, hyphenate);
    body.children.push(chapterEndnotes(chapter, endnotes));
  }
  return h('section', kindProperties(chapter, first), body.children as ElementContent[]);
}

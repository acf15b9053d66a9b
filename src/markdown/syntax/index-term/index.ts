// Index marks: the places a back-of-book index points at, written as pandoc attributes on a bracketed
// span or a fenced div (the syntax is in the README, "Index terms"):
//   [Zinoviev letter]{.index}                              the span's text is the term
//   [the letter]{.index term="Zinoviev letter"}            the term is given; the text is printed
//   []{.index term="Labour Party!General Secretary"}       `!` separates a sub-entry; nothing printed
//   []{.index term="de Gaulle, Charles" sort="Gaulle"}     a sort key (per level, `!` again)
//   []{.index term="Communist Party" see="CPGB"}           a cross-reference, no page of its own
//   []{.index term="Labour Party" see-also="NEC; TUC"}     several targets separated by `;`
//   ::: {.index term="General Strike"} … :::               a passage: its locator is a page range
// Each mark becomes an anchor (the span or div gets an id, the author's `#id` or `<chapter>-ix<n>`; a
// passage also gets an empty span at its end) and an IndexMark on the chapter. Works on the parsed mdast,
// after bracketed spans and fenced divs; run it before chapterStructure so the ids count as the chapter's.
import type { Parent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { IndexMark } from '../../../book/model.ts';
import { diagnostic, type Diagnostic } from '../../../diagnostics.ts';
import { attribute, toProperties, type Attributes } from '../attributes.ts';

/** The keys an index mark reads; others on a `.index` element are kept as on any span (`lang=fr`). */
const INDEX_KEYS = new Set(['term', 'sort', 'see', 'see-also']);
/** Keys that look like a misspelt index key: a warning, not silently a `data-` attribute. */
const LOOKALIKES = /^(terms?|sort-?key|seealso|see_also|also|range|range-end|index)$/i;

/** `Labour Party!General Secretary` → levels, each trimmed. */
export function termLevels(text: string): string[] {
  return text.split('!').map((level) => level.replace(/\s+/g, ' ').trim());
}

/** `NEC; TUC!Congress` → one list of levels per target. */
function targets(text: string | undefined): string[][] {
  if (text === undefined) return [];
  return text.split(';').map((t) => t.trim()).filter(Boolean).map(termLevels);
}

export function indexTerms(tree: Root, file: string, chapterId: string, diagnostics: Diagnostic[]): IndexMark[] {
  const marks: IndexMark[] = [];
  let n = 0;
  const used = new Set<string>();
  visit(tree, (node) => {
    const id = (node.data as { attributes?: Attributes } | undefined)?.attributes?.id;
    if (id) used.add(id);
  });
  const nextId = () => {
    let id: string;
    do id = `${chapterId}-ix${++n}`;
    while (used.has(id));
    used.add(id);
    return id;
  };
  visit(tree, (node) => {
    if (node.type !== 'span' && node.type !== 'fencedDiv') return;
    const attributes = (node.data as { attributes?: Attributes }).attributes;
    if (!attributes?.classes.includes('index')) return;
    const at = node.position?.start;
    const where = at ? { line: at.line, column: at.column } : undefined;
    const passage = node.type === 'fencedDiv';
    const written = attribute(attributes, 'term');
    const text = written ?? (passage ? '' : toString(node).replace(/\s+/g, ' ').trim());
    for (const [key] of attributes.pairs) {
      if (!INDEX_KEYS.has(key) && LOOKALIKES.test(key)) {
        diagnostics.push(diagnostic(file, where, 'warning', 'index-attribute-unknown',
          `"${key}=" is not an index key; it is ignored.`, 'An index mark takes term=, sort=, see= and see-also= (ranges are a ::: {.index term=…} div).'));
      }
    }
    if (text === '') {
      diagnostics.push(diagnostic(file, where, 'error', 'index-term-empty',
        passage ? 'An index passage (::: {.index}) needs the term it is about.' : 'This index mark has no term: its text is empty and it has no term=.',
        passage ? 'Write ::: {.index term="General Strike"}.' : 'Write [the text]{.index} or []{.index term="The term"}.'));
      return;
    }
    const term = termLevels(text);
    if (term.some((level) => level === '')) {
      diagnostics.push(diagnostic(file, where, 'error', 'index-term-empty',
        `The index term "${text}" has an empty level.`, 'Write the levels between "!" without gaps: term="Labour Party!General Secretary".'));
      return;
    }
    const sortText = attribute(attributes, 'sort');
    const sort = term.map((_, i) => (sortText === undefined ? '' : (termLevels(sortText)[i] ?? '')));
    const see = targets(attribute(attributes, 'see'));
    const seeAlso = targets(attribute(attributes, 'see-also'));
    if (see.length > 0 && passage) {
      diagnostics.push(diagnostic(file, where, 'warning', 'index-see-passage',
        'A "see" cross-reference on a passage gives it no pages.', 'Put see= on an empty span: []{.index term="…" see="…"}.'));
    }
    // A `see` entry has no pages of its own; a `see-also` mark is also a place only when it marks some text.
    const anchored = see.length === 0 && (seeAlso.length === 0 || passage || toString(node).trim() !== '');
    const mark: IndexMark = { term, sort, see, seeAlso, position: where };
    const rest: Attributes = { classes: attributes.classes.filter((c) => c !== 'index'), pairs: attributes.pairs.filter(([k]) => !INDEX_KEYS.has(k)) };
    if (anchored) {
      mark.id = attributes.id ?? nextId();
      rest.id = mark.id;
      attributes.id = mark.id;
      if (!passage) rest.classes.unshift('index-term');
    } else if (attributes.id) rest.id = attributes.id;
    node.data = { ...node.data, hProperties: toProperties(rest) };
    if (passage && mark.id) {
      mark.endId = `${mark.id}-end`;
      used.add(mark.endId);
      endAnchor(node as Parent, mark.endId);
    }
    marks.push(mark);
  });
  return marks;
}

/** An empty span at the end of a passage: inside its last paragraph when it ends with one (the same line). */
function endAnchor(div: Parent, id: string): void {
  const anchor = { type: 'span' as const, children: [], data: { hName: 'span', hProperties: { id, className: ['index-end'] } } };
  const last = div.children[div.children.length - 1];
  if (last && (last.type === 'paragraph' || last.type === 'heading')) (last as Parent).children.push(anchor as never);
  else div.children.push(anchor as never);
}

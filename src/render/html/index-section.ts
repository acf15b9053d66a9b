// The back-of-book index as print sets it: back matter opening on a recto, the kind `index` (its own title
// as the running head), entries in two columns under their letters, sub-entries indented beneath, "see" and
// "see also" in italics. Without folios (index.html as first written) each locator is an empty link
// `<a class="index-locator" href="#anchor">` whose number target-counter() gives on screen; the PDF renderer,
// once the chapters are laid out, sets the index again with the true folios (`folioOf`): in page order, one
// per page, a passage as Chicago's range `112–15`; an anchor with no arabic folio (front matter) is left out.
import type { Element } from 'hast';
import { bookIndex, entryId, pageRange, type IndexEntry, type IndexLocator } from '../../book/book-index.ts';
import { kindFacts } from '../../book/kinds.ts';
import type { Book } from '../../book/model.ts';
import { h } from './h.ts';

/** The index section's id: its part, its contents entry and its PDF bookmark. */
export const INDEX_ID = 'index';

export function printIndex(book: Book, folioOf?: (id: string) => number | undefined): Element | undefined {
  const groups = bookIndex(book.chapters, book.config.language);
  if (groups.length === 0) return undefined;
  const facts = kindFacts('index');
  const xref = (words: string, targets: string[][]) =>
    targets.length === 0 ? [] : ['. ', h('span', { className: ['index-xref'] }, h('i', {}, words), ' ', targets.map((t, i) => [i > 0 ? '; ' : '', t.join(', ')]))];
  const entry = (e: IndexEntry): Element =>
    h('li', { className: ['index-entry'], id: entryId(e.path) },
      h('span', { className: ['index-term'] }, e.term),
      locators(e, folioOf).map((l) => [', ', h('a', { className: ['index-locator'], href: `#${l.id}`, dataEnd: l.endId }, l.text)]),
      xref('See', e.see),
      xref(e.locators.length > 0 || e.children.length > 0 ? 'See also' : 'See', e.seeAlso),
      e.children.length > 0 && h('ul', { className: ['index-subentries'] }, e.children.map(entry)),
    );
  return h('section', { className: ['chapter', 'kind-index', `${facts.matter}-matter`, `page-${facts.page}`, 'opens-recto'], id: INDEX_ID, role: facts.role },
    h('h1', { className: ['chapter-title'] }, facts.label),
    h('div', { className: ['index-columns'] },
      groups.map((g) => h('section', { className: ['index-group'] }, h('h2', { className: ['index-letter'] }, g.label), h('ul', { className: ['index-entries'] }, g.entries.map(entry)))),
    ),
  );
}

function locators(e: IndexEntry, folioOf?: (id: string) => number | undefined): Array<IndexLocator & { text?: string }> {
  if (!folioOf) return e.locators;
  const placed = e.locators.flatMap((l) => {
    const from = folioOf(l.id);
    if (from === undefined) return [];
    return [{ ...l, from, to: l.endId ? Math.max(from, folioOf(l.endId) ?? from) : from }];
  });
  placed.sort((a, b) => a.from - b.from || b.to - a.to);
  // A page already covered (the same page twice, or a page inside a range) is not repeated.
  const kept = placed.filter((p, i) => !placed.slice(0, i).some((q) => q.from <= p.from && p.to <= q.to));
  return kept.map((p) => ({ ...p, text: pageRange(p.from, p.to) }));
}

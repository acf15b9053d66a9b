// The table of contents as a tree — parts → their chapters → sections by depth, only what is listed — and
// the landmarks. The EPUB nav lists every listed section (reading systems fold it); toc-depth limits only
// the printed contents.
import { kindFacts } from '../../book/kinds.ts';
import type { Book, Chapter } from '../../book/model.ts';
import { listedOutline, outline, type OutlineNode } from '../../book/outline.ts';
import { chapterFile } from './chapter.ts';
import { BOOK_NOTES_ID } from '../html/endnotes.ts';
import { INDEX_ID } from '../html/index-section.ts';

export interface TocItem {
  title: string;
  href: string;
  /** The id in the book the entry points to (a chapter's, a section's, `bibliography` …), as print's contents links it. */
  target: string;
  /** The entry's content as markup, when it carries a print page's marker (page-breaks.ts); the title otherwise. */
  markup?: string;
  /** NCX navPoint id and playOrder (1-based, document order). */
  id: string;
  playOrder: number;
  children: TocItem[];
}

export interface Landmark {
  type: string;
  title: string;
  href: string;
}

type Draft = Omit<TocItem, 'id' | 'playOrder' | 'children' | 'markup'> & { children: Draft[] };

/** A chapter's listed sections, nested by depth: a `###` goes under the last `##`, or under the chapter. */
function sectionTree(chapter: Chapter): Draft[] {
  const file = chapterFile(chapter);
  const root: Draft[] = [];
  const stack: { depth: number; item: Draft }[] = [];
  for (const s of chapter.sections) {
    if (!s.listed) continue;
    const item: Draft = { title: s.title, href: `${file}#${s.id}`, target: s.id, children: [] };
    while (stack.length && stack[stack.length - 1]!.depth >= s.depth) stack.pop();
    (stack.length ? stack[stack.length - 1]!.item.children : root).push(item);
    stack.push({ depth: s.depth, item });
  }
  return root;
}

function draft(node: OutlineNode): Draft {
  const { chapter } = node;
  return { title: chapter.title, href: chapterFile(chapter), target: chapter.id, children: [...sectionTree(chapter), ...node.children.map(draft)] };
}

/** Ids and play order in document order (pre-order). */
function number(drafts: Draft[], counter = { n: 0 }): TocItem[] {
  return drafts.map((d) => {
    const playOrder = ++counter.n;
    return { title: d.title, href: d.href, target: d.target, id: `nav-${playOrder}`, playOrder, children: number(d.children, counter) };
  });
}

export interface Navigation {
  toc: TocItem[];
  landmarks: Landmark[];
  /** Deepest level in the TOC, for the NCX's dtb:depth. */
  depth: number;
}

function depthOf(items: TocItem[]): number {
  return items.reduce((max, i) => Math.max(max, 1 + depthOf(i.children)), 0);
}

export function navigation(book: Book, files: { cover?: string; notes?: string; bibliography?: string; index?: string }): Navigation {
  const drafts = listedOutline(outline(book.chapters)).map(draft);
  if (files.notes) drafts.push({ title: 'Notes', href: files.notes, target: BOOK_NOTES_ID, children: [] });
  if (files.bibliography) drafts.push({ title: 'Bibliography', href: files.bibliography, target: 'bibliography', children: [] });
  if (files.index) drafts.push({ title: 'Index', href: files.index, target: INDEX_ID, children: [] });
  const toc = number(drafts);
  const landmarks: Landmark[] = [];
  if (files.cover) landmarks.push({ type: 'cover', title: 'Cover', href: files.cover });
  landmarks.push({ type: 'toc', title: 'Contents', href: 'toc.xhtml#toc' });
  const start = book.chapters.find((c) => kindFacts(c.kind).matter === 'body') ?? book.chapters.find((c) => kindFacts(c.kind).matter === 'back');
  if (start) landmarks.push({ type: 'bodymatter', title: 'Start of text', href: chapterFile(start) });
  if (files.notes) landmarks.push({ type: 'endnotes', title: 'Notes', href: files.notes });
  if (files.bibliography) landmarks.push({ type: 'bibliography', title: 'Bibliography', href: files.bibliography });
  if (files.index) landmarks.push({ type: 'index', title: 'Index', href: files.index });
  return { toc, landmarks, depth: Math.max(1, depthOf(toc)) };
}

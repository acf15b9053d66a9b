// The table of contents as a tree (chapters → sections by depth), and the landmarks.
import type { Book, Chapter } from '../../book/model.ts';
import { chapterFile } from './chapter.ts';

export interface TocItem {
  title: string;
  href: string;
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

interface Entry {
  title: string;
  href: string;
  depth: number;
}

function chapterEntries(chapter: Chapter): Entry[] {
  const file = chapterFile(chapter);
  return [
    { title: chapter.title, href: file, depth: 1 },
    ...chapter.sections.map((s) => ({ title: s.title, href: `${file}#${s.id}`, depth: Math.max(2, s.depth) })),
  ];
}

/** Nest by depth with a stack: a `###` goes under the last `##`, or under the chapter when there is none. */
function nest(entries: Entry[]): TocItem[] {
  const root: TocItem[] = [];
  const stack: { depth: number; item: TocItem }[] = [];
  let order = 0;
  for (const entry of entries) {
    order += 1;
    const item: TocItem = { title: entry.title, href: entry.href, id: `nav-${order}`, playOrder: order, children: [] };
    while (stack.length && stack[stack.length - 1].depth >= entry.depth) stack.pop();
    (stack.length ? stack[stack.length - 1].item.children : root).push(item);
    stack.push({ depth: entry.depth, item });
  }
  return root;
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

export function navigation(book: Book, files: { cover?: string; notes?: string; bibliography?: string }): Navigation {
  const entries: Entry[] = book.chapters.flatMap(chapterEntries);
  if (files.notes) entries.push({ title: 'Notes', href: files.notes, depth: 1 });
  if (files.bibliography) entries.push({ title: 'Bibliography', href: files.bibliography, depth: 1 });
  const toc = nest(entries);
  const landmarks: Landmark[] = [];
  if (files.cover) landmarks.push({ type: 'cover', title: 'Cover', href: files.cover });
  landmarks.push({ type: 'toc', title: 'Contents', href: 'toc.xhtml#toc' });
  if (book.chapters.length) landmarks.push({ type: 'bodymatter', title: 'Start of text', href: chapterFile(book.chapters[0]) });
  if (files.notes) landmarks.push({ type: 'endnotes', title: 'Notes', href: files.notes });
  if (files.bibliography) landmarks.push({ type: 'bibliography', title: 'Bibliography', href: files.bibliography });
  return { toc, landmarks, depth: Math.max(1, depthOf(toc)) };
}

// The back-of-book index as both outputs set it: the marks of every chapter (Chapter.indexMarks) merged
// into entries and sub-entries, sorted for the book's language with Intl.Collator (word by word: a space
// sorts before letters, numbers by value), grouped under their initial letter. Locators stay in reading
// order; each renderer writes them its own way (print: folios; EPUB: links).
import type { Chapter, IndexMark } from './model.ts';

export interface IndexLocator {
  chapterId: string;
  /** The anchor the locator points at. */
  id: string;
  /** A passage's end anchor: the locator is a range. */
  endId?: string;
}

export interface IndexEntry {
  term: string;
  /** Levels of the entry from the top (the id a `see` link finds it by). */
  path: string[];
  sortKey: string;
  locators: IndexLocator[];
  see: string[][];
  seeAlso: string[][];
  children: IndexEntry[];
}

export interface IndexGroup {
  /** `A`, `B` … or `0–9` for terms that start with a digit or a symbol. */
  label: string;
  entries: IndexEntry[];
}

/** The id of an entry's element in the index (the target of `see` links): `index-labour-party-nec`. */
export function entryId(path: string[]): string {
  const slug = path
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // Terms that differ only in accents or punctuation still need their own ids: a short hash keeps them apart.
  let h = 0;
  for (const ch of path.join('!')) h = (Math.imul(h, 31) + ch.codePointAt(0)!) >>> 0;
  return `index-${slug || 'term'}-${h.toString(36).slice(0, 4)}`;
}

export function hasIndex(chapters: readonly Chapter[]): boolean {
  return chapters.some((c) => (c.indexMarks?.length ?? 0) > 0);
}

export function bookIndex(chapters: readonly Chapter[], language: string): IndexGroup[] {
  const top: IndexEntry[] = [];
  const find = (list: IndexEntry[], path: string[], sort: string): IndexEntry => {
    const term = path.at(-1)!;
    let entry = list.find((e) => e.term === term);
    if (!entry) {
      entry = { term, path, sortKey: sort || term, locators: [], see: [], seeAlso: [], children: [] };
      list.push(entry);
    } else if (sort && entry.sortKey === entry.term) entry.sortKey = sort;
    return entry;
  };
  for (const chapter of chapters) {
    for (const mark of chapter.indexMarks ?? []) add(mark, chapter.id);
  }
  function add(mark: IndexMark, chapterId: string): void {
    let list = top;
    let entry: IndexEntry | undefined;
    mark.term.forEach((_, i) => {
      entry = find(list, mark.term.slice(0, i + 1), mark.sort[i] ?? '');
      list = entry.children;
    });
    if (!entry) return;
    if (mark.id) entry.locators.push({ chapterId, id: mark.id, endId: mark.endId });
    for (const t of mark.see) if (!entry.see.some((s) => s.join('!') === t.join('!'))) entry.see.push(t);
    for (const t of mark.seeAlso) if (!entry.seeAlso.some((s) => s.join('!') === t.join('!'))) entry.seeAlso.push(t);
  }
  const collator = new Intl.Collator(language, { numeric: true });
  const sortTree = (list: IndexEntry[]) => {
    list.sort((a, b) => collator.compare(a.sortKey, b.sortKey) || collator.compare(a.term, b.term));
    for (const e of list) sortTree(e.children);
  };
  sortTree(top);
  const groups: IndexGroup[] = [];
  for (const entry of top) {
    const label = initial(entry.sortKey, language);
    if (groups.at(-1)?.label !== label) groups.push({ label, entries: [] });
    groups.at(-1)!.entries.push(entry);
  }
  return groups;
}

function initial(sortKey: string, language: string): string {
  const first = sortKey.normalize('NFD').replace(/[\u0300-\u036f]/g, '').match(/\p{L}|\p{N}|\S/u)?.[0] ?? '';
  return /\p{L}/u.test(first) ? first.toLocaleUpperCase(language) : '0–9';
}

/**
 * Chicago's inclusive numbers (CMS 9.64): 3–10, 71–72, 100–104, 101–8, 112–15, 321–28, 1496–500, 12991–3001.
 * `from === to` gives one number.
 */
export function pageRange(from: number, to: number): string {
  if (to <= from) return String(from);
  const a = String(from);
  const b = String(to);
  if (from < 100 || from % 100 === 0 || a.length !== b.length) return `${a}–${b}`;
  let same = 0;
  while (same < a.length && a[same] === b[same]) same++;
  const keep = from % 100 < 10 ? 1 : 2;
  return `${a}–${b.slice(Math.min(same, b.length - keep))}`;
}

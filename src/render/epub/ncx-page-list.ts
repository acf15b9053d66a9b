// The print edition's pages in the EPUB 2 NCX: a pageList of pageTargets (`front` for the roman folios,
// `normal` for the arabic), and one playOrder over the navPoints and pageTargets together in reading order,
// as the NCX asks (one number per target, the same target the same number).
import type { Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { lowerRoman } from '../../book/print-pages.ts';
import type { TocItem } from './navigation.ts';
import type { PageListEntry } from './page-breaks.ts';

export interface PageTarget {
  id: string;
  type: 'front' | 'normal';
  /** The folio as a number (`iv` is 4). */
  value: number;
  label: string;
  href: string;
  playOrder: number;
}

export interface NcxPageList {
  targets: PageTarget[];
  /** dtb:totalPageCount and dtb:maxPageNumber (0 when there are no pages). */
  totalPageCount: number;
  maxPageNumber: number;
}

/** The value of a roman folio (`xiv` → 14), or undefined when `label` is not one. */
function romanValue(label: string): number | undefined {
  for (let n = 1; n < 4000; n++) if (lowerRoman(n) === label) return n;
  return undefined;
}

/** The ids of a document's elements, in document order. */
function idsOf(content: string): string[] {
  const out: string[] = [];
  const walk = (node: Root | RootContent) => {
    if (node.type === 'element' && typeof node.properties.id === 'string') out.push(node.properties.id);
    if ('children' in node) node.children.forEach(walk);
  };
  walk(fromHtml(content, { fragment: true }));
  return out;
}

/**
 * Where a link target is read: its document's place in `spine` (the documents in reading order with their
 * markup) and the target's place among the document's ids (-1 for the document itself); [∞, ∞] if unknown.
 */
export function readingOrder(spine: ReadonlyArray<{ filename: string; content: string }>): (href: string) => [number, number] {
  const place = new Map<string, [number, number]>();
  spine.forEach((doc, i) => {
    place.set(doc.filename, [i, -1]);
    idsOf(doc.content).forEach((id, k) => place.set(`${doc.filename}#${id}`, [i, k]));
  });
  return (href) => place.get(href) ?? [Infinity, Infinity];
}

/**
 * `at`: where a target is read (readingOrder of the spine). Numbers the navPoints of `toc` again (its
 * playOrder) together with the page targets, and returns the page targets.
 */
export function ncxPageList(toc: TocItem[], pages: readonly PageListEntry[], at: (href: string) => [number, number]): NcxPageList {
  const targets: PageTarget[] = pages.map((p) => {
    const roman = romanValue(p.label);
    return { id: `page-target-${p.label}`, type: roman === undefined ? 'normal' : 'front', value: roman ?? Number(p.label), label: p.label, href: p.href, playOrder: 0 };
  });
  const points: TocItem[] = [];
  const flatten = (items: TocItem[]) => items.forEach((i) => (points.push(i), flatten(i.children)));
  flatten(toc);
  // Navigation points and page targets by where they are read (a target not found goes last, in its order).
  const all: Array<{ href: string; playOrder: number }> = [...points, ...targets];
  const order = all.map((t, i) => ({ t, i, at: at(t.href) })).sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.i - b.i);
  const numbers = new Map<string, number>();
  for (const { t } of order) {
    if (!numbers.has(t.href)) numbers.set(t.href, numbers.size + 1);
    t.playOrder = numbers.get(t.href)!;
  }
  const normal = targets.filter((t) => t.type === 'normal').map((t) => t.value);
  return { targets, totalPageCount: targets.length, maxPageNumber: normal.length ? Math.max(...normal) : 0 };
}

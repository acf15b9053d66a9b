// KDP paperback figures: the page-count limits (black ink) by paper and trim, and the trims KDP offers.
// From KDP's Print Options page as summarised by several KDP guides; re-check when KDP changes them.
import type { Paper } from '../render/wrap-cover/geometry.ts';

export const KDP_MIN_PAGES = 24;

const same = (a: { width: number; height: number }, w: number, h: number) =>
  Math.abs(a.width - w) < 0.005 && Math.abs(a.height - h) < 0.005;

/** Largest page count KDP prints in black ink on this paper at this trim. */
export function kdpMaxPages(trim: { width: number; height: number }, paper: Paper): number {
  const white = paper === 'white';
  if (same(trim, 8.25, 6) || same(trim, 8.25, 8.25)) return white ? 800 : 750;
  if (same(trim, 8.5, 8.5) || same(trim, 8.5, 11)) return white ? 590 : 550;
  if (same(trim, 8.27, 11.69)) return white ? 780 : 730;
  return white ? 828 : 776;
}

/** KDP's standard paperback trims (width × height, inches). */
export const KDP_TRIMS: [number, number][] = [
  [5, 8], [5.06, 7.81], [5.25, 8], [5.5, 8.5], [6, 9], [6.14, 9.21], [6.69, 9.61], [7, 10], [7.44, 9.69],
  [7.5, 9.25], [8, 10], [8.25, 6], [8.25, 8.25], [8.5, 8.5], [8.5, 11], [8.27, 11.69], [6.14, 9.21],
];

export function kdpTrimStatus(trim: { width: number; height: number }): 'standard' | 'custom' | 'unsupported' {
  if (KDP_TRIMS.some(([w, h]) => same(trim, w, h))) return 'standard';
  if (trim.width >= 4 && trim.width <= 8.5 && trim.height >= 6 && trim.height <= 11.69) return 'custom';
  return 'unsupported';
}

/** KDP hardcover: 75 to 550 pages, and five trims (as the same guides summarise KDP's hardcover options). */
export const KDP_HARDCOVER = { minPages: 75, maxPages: 550, trims: [[5.5, 8.5], [6, 9], [6.14, 9.21], [7, 10], [8.25, 11]] as [number, number][] };

export function kdpHardcoverTrim(trim: { width: number; height: number }): boolean {
  return KDP_HARDCOVER.trims.some(([w, h]) => same(trim, w, h));
}

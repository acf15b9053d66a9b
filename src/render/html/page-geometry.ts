// Page geometry for print: trim, mirrored margins and the KDP gutter, which grows with the page count.
import type { PrintConfig } from '../../book/model.ts';

/** KDP paperback: minimum inside margin (gutter) by page count, in inches. */
const KDP_GUTTER: Array<[maxPages: number, inches: number]> = [
  [150, 0.375],
  [300, 0.5],
  [500, 0.625],
  [700, 0.75],
  [Infinity, 0.875],
];

export function kdpGutter(pages: number): number {
  return KDP_GUTTER.find(([max]) => pages <= max)![1];
}

export interface PageGeometry {
  /** Trim in inches. */
  width: number;
  height: number;
  top: number;
  bottom: number;
  /** Inside margin = a base white space plus the KDP gutter. */
  inside: number;
  outside: number;
  gutter: number;
  /** The page count the gutter was chosen for. */
  pages: number;
  /** Bleed on each side (inches); 0 unless bleed or crop marks are asked for. */
  bleed: number;
  cropMarks: boolean;
}

const BASE_INSIDE = 0.25;
const MARGIN_SCALE: Record<NonNullable<PrintConfig['margins']>, number> = { narrow: 0.8, normal: 1, wide: 1.2 };

export function pageGeometry(print: PrintConfig, pages: number): PageGeometry {
  const { width, height } = print.trim;
  const gutter = kdpGutter(pages);
  // Margins scale gently with the trim; 5.5x8.5 gets 0.7 top, 0.8 bottom, 0.55 outside.
  // A design's margins (book.yaml design.margins) widen or narrow the white space, never the KDP gutter.
  const scale = Math.min(width / 5.5, height / 8.5) * MARGIN_SCALE[print.margins ?? 'normal'];
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    width,
    height,
    top: round(0.7 * scale),
    bottom: round(0.8 * scale),
    outside: round(0.55 * scale),
    inside: round(BASE_INSIDE + gutter),
    gutter,
    pages,
    bleed: print.bleed || print.cropMarks ? 0.125 : 0,
    cropMarks: print.cropMarks,
  };
}

/** The PDF page size in points: the trim, plus bleed (and the crop-mark slug Paged.js adds) when asked for. */
export function mediaSize(g: PageGeometry): { width: number; height: number } {
  const extra = g.cropMarks ? 2 * (g.bleed + CROP_MARK_SLUG) : 2 * g.bleed;
  return { width: (g.width + extra) * 72, height: (g.height + extra) * 72 };
}

/** Paged.js draws crop marks in an area outside the bleed (30pt in 0.4.3: see its `.pagedjs_marks-crop`). */
export const CROP_MARK_SLUG = 0;

/**
 * A first guess at the page count, before any layout (the PDF renderer measures the real one and lays the
 * book out again if the gutter must grow). Counts characters against a page of the chosen trim.
 */
export function estimatePages(
  print: PrintConfig,
  chapters: Array<{ bodyChars: number; noteChars: number }>,
  frontPages: number,
  backChars: number,
): number {
  const g = pageGeometry(print, 1);
  const textWidthPt = (g.width - g.inside - g.outside) * 72;
  const textHeightPt = (g.height - g.top - g.bottom) * 72;
  const bodyPerPage = (textWidthPt / 5.0) * (textHeightPt / 14.5);
  const notePerPage = (textWidthPt / 4.1) * (textHeightPt / 11.5);
  let pages = frontPages;
  for (const c of chapters) {
    const n = Math.ceil(c.bodyChars / bodyPerPage + c.noteChars / notePerPage + 0.3);
    pages += n + (n % 2); // chapters open on the right: a blank left page follows an odd count
  }
  pages += Math.ceil(backChars / notePerPage);
  // Measured on generated books and the fixtures (2026-11): real counts run 8-27 % above the sum; aim at the middle.
  return Math.ceil(pages * 1.2);
}

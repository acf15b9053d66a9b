// The print wrap cover's size, all in inches: back + spine + front, with bleed on every outer edge.
// KDP's figures: paper thickness per page (black ink) and the 79-page threshold for spine text.

export type Paper = 'white' | 'cream';

/** Inches per page (KDP, black ink): white 0.002252, cream 0.0025. */
export const PAPER_THICKNESS: Record<Paper, number> = { white: 0.002252, cream: 0.0025 };
export const BLEED = 0.125;
/** KDP allows text on the spine only from this many pages. */
export const SPINE_TEXT_MIN_PAGES = 79;
/** Space KDP asks to keep clear of spine text on either side of each fold. */
export const SPINE_MARGIN = 0.0625;
/** Keep text this far inside the trim (KDP/IngramSpark ask 0.125–0.25 in; we use the larger). */
export const SAFE_MARGIN = 0.25;
/** Clear area for the ISBN barcode, at the lower right of the back cover. */
export const BARCODE = { width: 2, height: 1.2 } as const;

export interface WrapCoverGeometry {
  trim: { width: number; height: number };
  pages: number;
  paper: Paper;
  bleed: typeof BLEED;
  /** Spine width: pages × paper thickness. */
  spine: number;
  /** Whole sheet: 2 × (trim width + bleed) + spine. */
  width: number;
  /** Whole sheet: trim height + 2 × bleed. */
  height: number;
  spineText: boolean;
  /** Left edges, measured from the sheet's left edge (the back cover's bleed). */
  back: { x: number; width: number };
  spineX: number;
  front: { x: number; width: number };
  /** The barcode box, from the sheet's top-left corner. */
  barcode: { x: number; y: number; width: number; height: number };
}

/** Rounds away binary noise (0.1 + 0.2) without losing KDP's 4-6 significant decimals. */
function clean(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

export function wrapCoverGeometry(opts: {
  trim: { width: number; height: number };
  pages: number;
  paper: Paper;
}): WrapCoverGeometry {
  const { trim, pages, paper } = opts;
  if (!Number.isInteger(pages) || pages < 1) throw new RangeError(`page count must be a positive integer, got ${pages}`);
  const spine = clean(pages * PAPER_THICKNESS[paper]);
  const width = clean(2 * (trim.width + BLEED) + spine);
  const height = clean(trim.height + 2 * BLEED);
  const backX = 0;
  const spineX = clean(BLEED + trim.width);
  const frontX = clean(spineX + spine);
  return {
    trim: { width: trim.width, height: trim.height },
    pages,
    paper,
    bleed: BLEED,
    spine,
    width,
    height,
    spineText: pages >= SPINE_TEXT_MIN_PAGES,
    back: { x: backX, width: clean(BLEED + trim.width) },
    spineX,
    front: { x: frontX, width: clean(trim.width + BLEED) },
    barcode: {
      x: clean(spineX - SAFE_MARGIN - BARCODE.width),
      y: clean(BLEED + trim.height - SAFE_MARGIN - BARCODE.height),
      width: BARCODE.width,
      height: BARCODE.height,
    },
  };
}

// The print wrap cover's size, all in inches: back + spine + front, with bleed on every outer edge.
// KDP's figures: paper thickness per page (black ink) and the 79-page threshold for spine text.
// A hardcover (case laminate) sheet wraps boards instead: wrap + board + hinge + spine + hinge + board + wrap
// (README "Editions" gives the printers' figures and where they come from).

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
/** Clear area for the ISBN barcode, at the lower right of the back cover (KDP's 2 × 1.2 in box). */
export const BARCODE = { width: 2, height: 1.2 } as const;

export type Binding = 'paperback' | 'hardcover';

/**
 * Case laminate (KDP hardcover): the printed sheet folds 0.591 in (15 mm) round each board edge to the
 * inside; a 0.394 in (10 mm) hinge runs between each board and the spine; the boards stand 0.125 in proud
 * of the pages at head, tail and fore-edge; the case's spine is the page block plus the boards' allowance.
 */
export const CASE_LAMINATE = { wrap: 0.591, hinge: 0.394, overhang: 0.125, spineAllowance: 0.125 } as const;

export interface WrapCoverGeometry {
  trim: { width: number; height: number };
  pages: number;
  paper: Paper;
  binding: Binding;
  /** Outer allowance on every edge: the 0.125 in bleed, or a hardcover's wrap round the boards. */
  bleed: number;
  /** One cover panel as seen: the trim (paperback), or board + hinge (hardcover). */
  panel: { width: number; height: number };
  /** Hardcover only: the board and the hinge beside the spine. */
  board?: { width: number; height: number };
  hinge: number;
  /** Spine width: pages × paper thickness. */
  spine: number;
  /** Whole sheet: 2 × (panel width + bleed) + spine. */
  width: number;
  /** Whole sheet: panel height + 2 × bleed. */
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
  binding?: Binding;
}): WrapCoverGeometry {
  const { trim, pages, paper } = opts;
  const binding = opts.binding ?? 'paperback';
  if (!Number.isInteger(pages) || pages < 1) throw new RangeError(`page count must be a positive integer, got ${pages}`);
  const block = pages * PAPER_THICKNESS[paper];
  const hard = binding === 'hardcover';
  const c = CASE_LAMINATE;
  const board = hard ? { width: clean(trim.width + c.overhang), height: clean(trim.height + 2 * c.overhang) } : undefined;
  const hinge = hard ? c.hinge : 0;
  const bleed = hard ? c.wrap : BLEED;
  const spine = clean(hard ? block + c.spineAllowance : block);
  const panel = board ? { width: clean(board.width + hinge), height: board.height } : { width: trim.width, height: trim.height };
  const width = clean(2 * (panel.width + bleed) + spine);
  const height = clean(panel.height + 2 * bleed);
  const spineX = clean(bleed + panel.width);
  const frontX = clean(spineX + spine);
  // The barcode sits on the back cover (board), clear of the trim or the board's edge by the safe margin.
  const faceWidth = board?.width ?? trim.width;
  return {
    trim: { width: trim.width, height: trim.height },
    pages,
    paper,
    binding,
    bleed,
    panel,
    ...(board ? { board } : {}),
    hinge,
    spine,
    width,
    height,
    spineText: pages >= SPINE_TEXT_MIN_PAGES,
    back: { x: 0, width: clean(bleed + panel.width) },
    spineX,
    front: { x: frontX, width: clean(panel.width + bleed) },
    barcode: {
      x: clean(bleed + faceWidth - SAFE_MARGIN - BARCODE.width),
      y: clean(bleed + panel.height - SAFE_MARGIN - BARCODE.height),
      width: BARCODE.width,
      height: BARCODE.height,
    },
  };
}

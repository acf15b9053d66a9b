// The kinds of edition as data: what each is built as, how it is bound, its body size. Renderers never branch
// on a kind; they read the edition's Book (src/editions/edition-book.ts), which carries these facts.
import type { Format } from '../formats.ts';

export interface EditionKind {
  /** The outputs an edition of this kind is made of (of those the build was asked for). */
  formats: readonly Format[];
  /** Print binding: the wrap cover's geometry (src/render/wrap-cover/geometry.ts). */
  binding?: 'paperback' | 'hardcover';
  /** Body type size in points when the edition gives none (large print: 16 pt). */
  bodySize?: number;
  /** The store report's sections for this kind. */
  stores: 'ebook' | 'print';
}

/** RNIB's clear print guidance asks for 12 pt and more, large print 16 to 18 pt (README "Editions"). */
export const LARGE_PRINT_MIN_PT = 16;

export const EDITION_KINDS: Record<string, EditionKind> = {
  paperback: { formats: ['pdf', 'html'], binding: 'paperback', stores: 'print' },
  hardcover: { formats: ['pdf', 'html'], binding: 'hardcover', stores: 'print' },
  'large-print': { formats: ['pdf', 'html'], binding: 'paperback', bodySize: LARGE_PRINT_MIN_PT, stores: 'print' },
  ebook: { formats: ['epub'], stores: 'ebook' },
};

export type EditionKindName = keyof typeof EDITION_KINDS;

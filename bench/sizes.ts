// The benchmark books: the essay in manuscript/ (issue 19: a short book fully built and validated) and the
// three generated books of issue 7.
export interface BenchSize {
  name: string;
  /** For a generated book: its length. */
  words: number;
  notes: number;
  /** Runs when --runs is not given. */
  defaultRuns: number;
  /** A real manuscript folder (relative to the repository) instead of a generated book. */
  manuscript?: string;
}

export const SIZES: readonly BenchSize[] = [
  { name: 'small', words: 5_000, notes: 15, defaultRuns: 3 },
  { name: 'medium', words: 50_000, notes: 500, defaultRuns: 3 },
  { name: 'large', words: 150_000, notes: 1_500, defaultRuns: 1 },
];

/** This repository's own book, a short essay (≈5,000 words, 19 notes): built as it is, not generated. */
export const ESSAY: BenchSize = { name: 'essay', words: 0, notes: 0, defaultRuns: 3, manuscript: 'manuscript' };

/** Every book --sizes can name, in the order they run by default. */
export const BOOKS: readonly BenchSize[] = [ESSAY, ...SIZES];

/** The seed every size uses unless --seed is given. */
export const DEFAULT_SEED = 20_241_115;

// The three benchmark books of issue 7.
export interface BenchSize {
  name: string;
  words: number;
  notes: number;
  /** Runs when --runs is not given. */
  defaultRuns: number;
}

export const SIZES: readonly BenchSize[] = [
  { name: 'small', words: 5_000, notes: 15, defaultRuns: 3 },
  { name: 'medium', words: 50_000, notes: 500, defaultRuns: 3 },
  { name: 'large', words: 150_000, notes: 1_500, defaultRuns: 1 },
];

/** The seed every size uses unless --seed is given. */
export const DEFAULT_SEED = 20_241_115;

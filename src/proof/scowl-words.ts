// The second tier of English spelling: SCOWL's "huge" word lists (size 80, Debian's wamerican-huge,
// wbritish-huge, wcanadian-huge), about 350,000 words each. Hunspell's en dictionaries stop at SCOWL size 60
// and reject rare but real words the older books are full of (kelson, hewn, gibe, sumach, cabman, gayly);
// a word Hunspell rejects but the book's variant's list holds is accepted. Suggestions still come from
// Hunspell only, so a typo is never "corrected" into an obscure word.
import { existsSync, readFileSync } from 'node:fs';
import { EnvironmentError } from '../diagnostics.ts';

export type Variant = 'american' | 'british' | 'canadian';

/** Debian's place; BOOKPIPE_DICT_DIR points elsewhere (a test of the missing-list error uses it). */
const DIR = process.env.BOOKPIPE_DICT_DIR ?? '/usr/share/dict';
const PACKAGE: Record<Variant, string> = { american: 'wamerican-huge', british: 'wbritish-huge', canadian: 'wcanadian-huge' };
export const scowlPath = (variant: Variant) => `${DIR}/${variant}-english-huge`;

/** The lists an English dictionary key reads: en-US also takes British forms, as its Hunspell tier does. */
export function variantsFor(key: string): Variant[] {
  if (key === 'en-US') return ['american', 'british'];
  if (key === 'en-CA') return ['canadian'];
  if (key.startsWith('en')) return ['british']; // en-GB, en-AU, and the variants spelled as en-GB
  return [];
}

/** Fails at once (an environment problem, exit 3) when a list is not installed, saying how to install it. */
export function requireScowl(variants: Variant[]): void {
  const missing = variants.filter((v) => !existsSync(scowlPath(v)));
  if (missing.length === 0) return;
  throw new EnvironmentError(
    `the proofreader needs SCOWL's huge word list${missing.length > 1 ? 's' : ''} ${missing.map(scowlPath).join(', ')}: ` +
      `install ${missing.length > 1 ? 'them' : 'it'} with \`sudo apt-get install ${missing.map((v) => PACKAGE[v]).join(' ')}\` ` +
      '(npm run proof, build and test install it on Debian and Ubuntu)',
  );
}

/**
 * The list's words, sorted by code unit for binary search. Debian's files are sorted by locale (case and
 * accents folded), so they are split and sorted once (≈70 ms; a Set of the same words takes ≈200 ms).
 */
const loaded = new Map<Variant, string[]>();
function words(variant: Variant): string[] {
  let list = loaded.get(variant);
  if (!list) {
    list = readFileSync(scowlPath(variant), 'utf8').split('\n').sort();
    loaded.set(variant, list);
  }
  return list;
}

function has(list: string[], word: string): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const entry = list[mid];
    if (entry === word) return true;
    if (entry < word) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * A lookup in the lists, loaded on the first call: a lower-case word as written, a capitalised one (at a
 * sentence's start, in a title) as its lower-case form. The lists' names are not used: a name is the
 * book's own (its word list, metadata and usage), and SCOWL's thousands of surnames would hide a
 * misspelt one ("Kier" for the word list's "Keir"). Nor does a lower-case word match a name ("india").
 */
export function scowlLookup(variants: Variant[]): (word: string) => boolean {
  requireScowl(variants);
  return (word) => {
    const lower = /^\p{Lu}\p{Ll}*(?:'\p{Ll}+)?$/u.test(word) ? word.charAt(0).toLowerCase() + word.slice(1) : word;
    if (!/^\p{Ll}+(?:'\p{Ll}+)*$/u.test(lower)) return false;
    return variants.some((variant) => has(words(variant), lower));
  };
}

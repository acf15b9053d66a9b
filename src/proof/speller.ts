// Spelling: nspell with the en-GB Hunspell dictionary (built once per process, ≈0.2 s), plus the book's word list.
import nspell from 'nspell';
import type { NSpell } from 'nspell';
import { editDistance } from './edit-distance.ts';

export interface Suggestion {
  words: string[];
  /** Where the suggestion came from: a name in the word list, or the dictionary. */
  from: 'word-list' | 'dictionary' | 'none';
}

export interface Speller {
  /** The dictionary's name for messages: `en-GB`. */
  dictionary: string;
  /** In the dictionary or the word list (hyphenated parts and possessives are checked separately). */
  known(word: string): boolean;
  /** True for words a dictionary cannot judge: numbers, single letters, acronyms. */
  skip(word: string): boolean;
  suggest(word: string): Suggestion;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Longer "words" (a pasted hash, a run of letters, a URL without spaces) get no suggestions: one edit of an
 * n-letter word makes about 54·n candidates of n letters each, so the search grows with n², and no real
 * English word or name is that long.
 */
export const MAX_SUGGEST_LENGTH = 30;

/**
 * Dictionary words one edit away (two letters swapped, a letter dropped, changed or added), at most three.
 * nspell's own `suggest` also tries two edits and took ≈100 ms per long word (1.5 s for the essay's dozen
 * misspellings); one edit finds the typos we care about ("harrassment" → "harassment") in well under 1 ms.
 */
function nearbyWords(word: string, correct: (word: string) => boolean): string[] {
  const found = new Set<string>();
  const tryWord = (candidate: string) => {
    if (found.size < 3 && candidate !== word && candidate.length > 1 && correct(candidate)) found.add(candidate);
  };
  for (let i = 0; i + 1 < word.length; i++) tryWord(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  for (let i = 0; i < word.length; i++) tryWord(word.slice(0, i) + word.slice(i + 1));
  for (let i = 0; i < word.length; i++) for (const c of LETTERS) tryWord(word.slice(0, i) + c + word.slice(i + 1));
  for (let i = 0; i <= word.length; i++) for (const c of LETTERS) tryWord(word.slice(0, i) + c + word.slice(i));
  return [...found];
}

let dictionary: Promise<NSpell> | undefined;

function loadDictionary(): Promise<NSpell> {
  dictionary ??= import('dictionary-en-gb').then((module) => nspell(module.default));
  return dictionary;
}

/** The dictionaries we have, by language: `en`, `en-GB`, `en-US` … all use en-GB (the only one installed). */
export function dictionaryFor(language: string): string | undefined {
  return /^en(-|$)/i.test(language) ? 'en-GB' : undefined;
}

const normalise = (word: string) => word.replace(/[’ʼ]/g, "'");

export async function createSpeller(wordList: Iterable<string>): Promise<Speller> {
  const spell = await loadDictionary();
  const exact = new Set<string>();
  const folded = new Set<string>();
  for (const entry of wordList) {
    const word = normalise(entry);
    exact.add(word);
    // A lower-case entry also matches its capitalised form at the start of a sentence.
    if (word === word.toLowerCase()) folded.add(word);
  }
  const names = [...exact];
  const cache = new Map<string, boolean>();
  const suggestions = new Map<string, Suggestion>();

  const inList = (word: string) =>
    exact.has(word) ||
    folded.has(word.toLowerCase()) ||
    (word === word.toUpperCase() && names.some((name) => name.toUpperCase() === word));

  const single = (word: string): boolean => {
    if (word === '' || inList(word) || spell.correct(word)) return true;
    const base = word.replace(/'s$|(?<=s)'$/i, '');
    return base !== word && base !== '' && (inList(base) || spell.correct(base));
  };

  // An initial ("M." in "M. K.") is a name, not a misspelling.
  const skip = (word: string) =>
    word.length < 2 || /^\p{Lu}\.$/u.test(word) || /\d/.test(word) || /^[A-Z]{2,}(?:'?s)?$/.test(normalise(word)) || !/\p{L}/u.test(word);

  const known = (raw: string): boolean => {
    let result = cache.get(raw);
    if (result === undefined) {
      const word = normalise(raw).replace(/(?<=\p{L}{2})\.$/u, ''); // "War." (parse-english keeps some dots)
      // Hyphenated words and words run together with a colon or slash ("Labour:Antisemitism"): every part.
      result = single(word) || (/[-:/]/.test(word) && word.split(/[-:/]/).every((part) => skip(part) || single(part)));
      cache.set(raw, result);
    }
    return result;
  };

  const suggest = (raw: string): Suggestion => {
    const word = normalise(raw);
    let result = suggestions.get(word);
    if (result) return result;
    if (word.length > MAX_SUGGEST_LENGTH) {
      result = { words: [], from: 'none' };
      suggestions.set(word, result);
      return result;
    }
    const lower = word.toLowerCase();
    const limit = word.length <= 4 ? 1 : 2;
    let best: { name: string; distance: number } | undefined;
    for (const name of names) {
      const distance = editDistance(lower, name.toLowerCase(), limit);
      if (distance <= limit && (!best || distance < best.distance)) best = { name, distance };
    }
    if (best) result = { words: [best.name], from: 'word-list' };
    // Names are rarely in the dictionary, and the dictionary's guesses for them ("Corbyn" → "Corny") are noise.
    else if (word === lower) {
      const words = nearbyWords(word, (candidate) => spell.correct(candidate));
      result = { words, from: words.length > 0 ? 'dictionary' : 'none' };
    } else result = { words: [], from: 'none' };
    suggestions.set(word, result);
    return result;
  };

  return { dictionary: 'en-GB', known, skip, suggest };
}

// Spelling: the book's language's Hunspell dictionary (dictionaries.ts), the book's word list, and the regular
// forms a dictionary does not list (word-forms.ts: archaic and poetic elisions, affixes, solid compounds).
import { bookDictionary, type Dictionary } from './dictionaries.ts';
import { editDistance } from './edit-distance.ts';
import { archaicCandidates, compoundCandidates } from './word-forms.ts';

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
  /** In the dictionary or the word list as it stands (no archaic, affixed or compound forms). */
  listed(word: string): boolean;
  /** Accept these words too (the book's own, learned from its text); they also serve as suggestions. */
  learn(words: Iterable<string>): void;
  /** The word list's entries (names to suggest). */
  names: readonly string[];
  /** Said once per book when the dictionary is not exactly the book's language. */
  note?: string;
  /** True for words a dictionary cannot judge: numbers, single letters, acronyms. */
  skip(word: string): boolean;
  suggest(word: string): Suggestion;
}

/** A stem this long may come from the wider word list (short ones are where typos meet rarities). */
const WIDE_STEM = 7;

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

const normalise = (word: string) => word.replace(/[’ʼ]/g, "'");

/** A speller for the book's language, or undefined when there is no dictionary for it. */
export async function createSpeller(wordList: Iterable<string>, language = 'en-GB'): Promise<Speller | undefined> {
  const dictionary = await bookDictionary(language);
  return dictionary && spellerFrom(dictionary, wordList);
}

export function spellerFrom(spell: Dictionary, wordList: Iterable<string>): Speller {
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

  // The wider word list (SCOWL's huge list) judges whole words only: as the parts of a form its short
  // rarities ("gam", "hing", "intr") would make typos into compounds ("gam·rents", "any·hing"); measured on
  // letter-swap and letter-drop typos of the corpus's words, it then accepted 15.6% of them instead of 8.8% (5.6% since compounds need four-letter parts).
  // The one exception: the stem of an affixed or archaic form of WIDE_STEM letters or more (carbolise·d).
  // A capitalised word is taken as the list's lower-case word ("Hewn" at a sentence's start) unless it is
  // one or two letters from a name of the word list: then it is that name misspelt ("Kier", a vat, for "Keir").
  // (Not the names learned from the text: "Askers" opening a line is not "Baskirs".)
  const listNames = names.filter((name) => /^\p{Lu}/u.test(name));
  const nearName = (word: string) => {
    const lower = word.toLowerCase();
    const limit = word.length <= 4 ? 1 : 2;
    return listNames.some((name) => name !== word && editDistance(lower, name.toLowerCase(), limit) <= limit);
  };
  const wideListed = (word: string) => (spell.listed?.(word) ?? false) && !(/^\p{Lu}/u.test(word) && nearName(word));
  const inDictionary = (word: string, wide: boolean) => spell.correct(word) || (wide && wideListed(word));
  const plain = (word: string, wide = false): boolean => {
    if (word === '' || inList(word) || inDictionary(word, wide)) return true;
    const base = word.replace(/'s$|(?<=s)'$/i, '');
    return base !== word && base !== '' && (inList(base) || inDictionary(base, wide));
  };
  // A regular form of known words (form'd, o'er, unsunned, woodchoppers), two steps deep (unshovell'd).
  const single = (word: string, depth = 0): boolean => {
    if (plain(word, depth === 0)) return true;
    if (depth > 1 || word.length > MAX_SUGGEST_LENGTH) return false; // no real word is that long
    const forms = [...archaicCandidates(word), ...compoundCandidates(word)];
    // Two words written solid must each be plain words (else "Dimmesdale" is "Dim" + "mes" + "dale").
    return forms.some((parts) => parts.every((part) => plain(part, parts.length === 1 && part.length >= WIDE_STEM) || (parts.length === 1 && single(part, depth + 1))));
  };

  // An initial ("M." in "M. K.") is a name, not a misspelling.
  const skip = (word: string) =>
    word.length < 2 || /^\p{Lu}\.$/u.test(word) || /\d/.test(word) || /^[A-Z]{2,}(?:'?s)?$/.test(normalise(word)) || !/\p{L}/u.test(word);

  const known = (raw: string): boolean => {
    let result = cache.get(raw);
    if (result === undefined) {
      const word = normalise(raw).replace(/(?<=\p{L}{2})\.$/u, ''); // "War." (parse-english keeps some dots)
      // Hyphenated words and words run together with a colon or slash ("Labour:Antisemitism"): every part.
      // A compound's part may be a name in lower case: things named after a place (india-rubber, apple-peru).
      const namePart = (part: string) => /^\p{Ll}+$/u.test(part) && plain(part.charAt(0).toUpperCase() + part.slice(1));
      // A possessive of a word known only as a form ("Marchbank's": march·bank) is known too.
      const base = word.replace(/'s$|(?<=s)'$/i, '');
      result = single(word) || (base !== word && base !== '' && single(base)) || (/[-:/]/.test(word) && word.split(/[-:/]/).every((part) => skip(part) || single(part) || namePart(part)));
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

    const learn = (words: Iterable<string>) => {
    for (const word of words) {
      exact.add(normalise(word));
      if (/^\p{Lu}/u.test(word)) names.push(normalise(word));
    }
    cache.clear();
    suggestions.clear();
  };
  return { dictionary: spell.name, known, listed: (word) => plain(normalise(word)), learn, names, skip, suggest, note: spell.note };
}

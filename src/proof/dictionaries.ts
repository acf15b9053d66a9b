// Which Hunspell dictionary checks which language, loaded once per process (nspell + wooorm's
// `dictionary-*` packages). A book's own language gets the whole dictionary; a few words in another
// language (`[phare]{lang=fr}`) get a dictionary built from only the entries that can spell them, since
// building all of French takes nspell ≈15 s and the entries sharing their first two letters ≈1 s.
import nspell from 'nspell';
import type { NSpell } from 'nspell';
import { scowlLookup, variantsFor } from './scowl-words.ts';
import { americanCandidates } from './word-forms.ts';

export interface Dictionary {
  /** The name used in messages: `en-GB`, `fr`. */
  name: string;
  correct(word: string): boolean;
  /**
   * In the wider word list of the language (English: SCOWL's huge list of the book's variant, see
   * scowl-words.ts): accepted as spelled, but never offered as a suggestion.
   */
  listed?(word: string): boolean;
  /** Said once per book when the dictionary is not exactly the book's language. */
  note?: string;
}

const PACKAGES: Record<string, string> = {
  'en-GB': 'dictionary-en-gb',
  'en-AU': 'dictionary-en-au',
  'en-CA': 'dictionary-en-ca',
  fr: 'dictionary-fr',
  de: 'dictionary-de',
  es: 'dictionary-es',
};

interface Data {
  aff: Uint8Array;
  dic: Uint8Array;
}

const data = new Map<string, Promise<Data | undefined>>();
function load(pkg: string): Promise<Data | undefined> {
  let loaded = data.get(pkg);
  if (!loaded) {
    // An installed package may hold no dictionary at all (dictionary-en-us 3 is an empty, deprecated stub).
    loaded = import(pkg).then(
      (module: { default?: Data }) => (module.default?.aff && module.default.dic ? module.default : undefined),
      () => undefined,
    );
    data.set(pkg, loaded);
  }
  return loaded;
}

/** `en-us` → `en-US`; `fr-CA` → `fr-CA` (looked up as itself, then as `fr`). */
function canonical(language: string): string {
  const [base, region] = language.split(/[-_]/);
  return region ? `${base.toLowerCase()}-${region.toUpperCase()}` : base.toLowerCase();
}

/** The dictionary key for a language, or undefined when there is none: en-US has its own path (below). */
export function dictionaryKey(language: string): string | undefined {
  const tag = canonical(language);
  if (PACKAGES[tag] || tag === 'en-US') return tag;
  const base = tag.split('-')[0];
  if (base === 'en') return 'en-GB'; // en, en-NZ, en-IE, en-IN … spell as British English
  return PACKAGES[base] ? base : undefined;
}

const whole = new Map<string, Promise<Dictionary | undefined>>();

/** The whole dictionary for a book's language; undefined when there is none. */
export function bookDictionary(language: string): Promise<Dictionary | undefined> {
  const key = dictionaryKey(language);
  if (!key) return Promise.resolve(undefined);
  let found = whole.get(key);
  if (!found) {
    // Checked now, loaded when first needed: a missing list fails the proofreading at once.
    const variants = variantsFor(key);
    const listed = variants.length > 0 ? scowlLookup(variants) : undefined;
    found = (key === 'en-US' ? american() : load(PACKAGES[key]).then((d) => d && fromNspell(key, nspell(d))))
      .then((dictionary) => dictionary && (listed ? { ...dictionary, listed } : dictionary));
    whole.set(key, found);
  }
  return found;
}

function fromNspell(name: string, spell: NSpell, note?: string): Dictionary {
  const ligatures = LIGATURES[name];
  const correct = (word: string) => spell.correct(word) || (ligatures !== undefined && ligatures(word) !== word && spell.correct(ligatures(word)));
  return { name, correct, note };
}

/**
 * en-US: `dictionary-en` (wooorm's successor to dictionary-en-us) when it is installed; otherwise the en-GB
 * dictionary read through the regular American spellings (color/colour, center/centre, traveled/travelled,
 * defense/defence, catalog/catalogue, gray/grey …), said once in a note.
 */
async function american(): Promise<Dictionary | undefined> {
  const own = await load('dictionary-en');
  const british = await load(PACKAGES['en-GB']);
  if (own) {
    // British forms (centre, offence, fibre) were American usage too into the 20th century: an American
    // book that has them is not misspelt. A book that mixes the two is reported by spelling-inconsistent.
    const us = nspell(own);
    const gb = british && nspell(british);
    return { name: 'en-US', correct: (word) => us.correct(word) || (gb ? gb.correct(word) : false) };
  }
  if (!british) return undefined;
  const spell = nspell(british);
  return {
    name: 'en-US',
    correct: (word) => spell.correct(word) || americanCandidates(word).some((c) => spell.correct(c)),
    note:
      'no en-US dictionary is installed (dictionary-en-us 3 is an empty, deprecated package; its successor is dictionary-en): ' +
      'American English was checked against en-GB with American spellings (-or, -er, -ize, single l, -se, -og) accepted',
  };
}

const fold = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().slice(0, 2);

/**
 * Entries every partial dictionary of a language takes, because their forms do not share their first two
 * letters: French irregular verbs (third group: naître → née, avoir → eu, voir → vu, être → été), the
 * infinitives in -re/-ir whose flags are not the regular first- and second-group ones (a…, f…). ≈450
 * entries, ≈0.25 s more to build.
 */
const IRREGULAR: Record<string, RegExp> = { fr: /^[^/]+(?:re|ir|ïr)\/[b-eg-z]/ };

/**
 * Typographic stand-ins a language accepts for what its dictionary spells otherwise: French writes the œ
 * and æ ligatures as "oe" and "ae" where the type has none (l’oeuvre, coeur); the dictionary has only œuvre.
 */
const LIGATURES: Record<string, (word: string) => string> = {
  fr: (word) => word.replace(/oe/g, 'œ').replace(/Oe/g, 'Œ').replace(/ae/g, 'æ').replace(/Ae/g, 'Æ'),
};

/**
 * A dictionary for a few words of another language: nspell built from the affix file and only those
 * entries that share their first two letters (accents folded) with a word to check, or with its part after
 * an elision (`l’homme`), plus the language's IRREGULAR entries. Undefined when the language has no
 * dictionary.
 */
export async function partialDictionary(language: string, words: Iterable<string>): Promise<Dictionary | undefined> {
  const key = dictionaryKey(language);
  if (!key) return undefined;
  if (whole.has(key)) return whole.get(key);
  const source = await load(PACKAGES[key === 'en-US' ? 'en-GB' : key]);
  if (!source) return undefined;
  if (key.startsWith('en')) return bookDictionary(key);
  const ligatures = LIGATURES[key];
  const parts = [...words].flatMap((w) => w.split(/['’]/));
  const keys = new Set([...parts, ...(ligatures ? parts.map(ligatures) : [])].map(fold));
  const irregular = IRREGULAR[key];
  const lines = new TextDecoder().decode(source.dic).split('\n').slice(1)
    .filter((line) => keys.has(fold(line)) || (irregular?.test(line) ?? false));
  return fromNspell(key, nspell({ aff: source.aff, dic: `${lines.length}\n${lines.join('\n')}` }));
}

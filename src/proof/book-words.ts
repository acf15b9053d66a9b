// The book's own words, learned from its text before any spelling is reported:
// - a name: a word in capitals the dictionary does not know, written in capitals mid-sentence (or, at a
//   sentence's start only, at least twice), or found in a heading or the metadata;
// - a word the author uses consistently: the same unknown spelling at least three times;
// - a lower-case word of a heading or the metadata used again in the text ("Salut au Monde!" … "Salut au
//   monde!"): a title's foreign or coined word, as the author spells it twice.
// Unless the book's own usage says otherwise: a word one or two edits from a name of the word list, or
// from a more frequent spelling in the book ("Prynn" beside "Prynne" ×73), is not learned — it is the
// kind of slip the spelling rule is for.
import type { Sentence, Word } from 'nlcst';
import { editDistance } from './edit-distance.ts';
import { text } from './rules/text.ts';
import type { Speller } from './speller.ts';
import type { TreeIndex } from './rules/tree-index.ts';

interface Usage {
  count: number;
  midSentence: number;
}

export const CONSISTENT_USES = 3;

const possessive = (word: string) => word.replace(/[’']s$|(?<=s)[’']$/u, '');

export class BookWords {
  readonly usage = new Map<string, Usage>();
  readonly named = new Set<string>();
  /** Lower-case words of headings and metadata: the book's when the text uses them again. */
  readonly titled = new Set<string>();

  private readonly speller: Speller;

  constructor(speller: Speller) {
    this.speller = speller;
  }

  /** Words of headings and metadata (title, creators, subjects): names as the author spells them. */
  addNames(words: Iterable<string>): void {
    for (const word of words) {
      if (/^\p{Lu}\p{Ll}/u.test(word)) this.named.add(possessive(word));
      else if (/^\p{Ll}+$/u.test(word)) this.titled.add(word);
    }
  }

  collect(index: TreeIndex): void {
    const initial = new Set<Word>();
    for (const sentence of index.sentences) {
      const first = (sentence as Sentence).children.find((c) => c.type === 'WordNode');
      if (first) initial.add(first as Word);
    }
    for (const node of index.words) {
      const word = possessive(text(node));
      if (!/^\p{L}/u.test(word) || this.speller.skip(word) || this.speller.known(word)) continue;
      let usage = this.usage.get(word);
      if (!usage) this.usage.set(word, (usage = { count: 0, midSentence: 0 }));
      usage.count++;
      if (!initial.has(node)) usage.midSentence++;
    }
  }

  /** The learned words, to be added to the speller. */
  learned(listNames: readonly string[]): string[] {
    const out: string[] = [];
    const established = [...this.usage].filter(([, u]) => u.count >= CONSISTENT_USES);
    const nearer = (word: string, count: number) => {
      const lower = word.toLowerCase();
      const limit = word.length <= 4 ? 1 : 2;
      const near = (other: string) =>
        other !== word && other !== `${word}s` && `${other}s` !== word && editDistance(lower, other.toLowerCase(), limit) <= limit;
      return listNames.some(near) || established.some(([other, u]) => u.count >= 2 * count && u.count >= CONSISTENT_USES && near(other));
    };
    for (const [word, usage] of this.usage) {
      const capital = /^\p{Lu}/u.test(word);
      const accepted =
        this.named.has(word) ||
        usage.count >= CONSISTENT_USES ||
        (this.titled.has(word) && usage.count >= 2) ||
        (capital && (usage.midSentence > 0 || usage.count >= 2));
      if (this.named.has(word) || (accepted && !nearer(word, usage.count))) out.push(word);
    }
    return out;
  }
}

// Sentences, titles and small blocks of plain English from the fixed word list, driven by a seeded PRNG.
// Straight quotes, `--` and `...` are left for the pipeline's smart punctuation to turn into true ones.
import type { Rng } from './prng.ts';
import {
  ADJECTIVES, ADVERBS, CONNECTIVES, FAMILY_NAMES, GIVEN_NAMES, NOUNS, PLACES, PREPOSITIONS, VERBS_PAST,
} from './word-list.ts';

/** Words as the benchmark counts them: whitespace-separated tokens with at least one letter or digit. */
export function countWords(text: string): number {
  let n = 0;
  for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) n++;
  return n;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function personName(rng: Rng): string {
  return `${rng.pick(GIVEN_NAMES)} ${rng.pick(FAMILY_NAMES)}`;
}

/** `a careful` / `an official`. */
export function article(word: string): string {
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}

export function plural(noun: string): string {
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(noun)) return `${noun}es`;
  if (noun === 'memorandum') return 'memoranda';
  return `${noun}s`;
}

export function year(rng: Rng): number {
  return rng.int(1880, 2020);
}

/** One sentence without its final punctuation mark (so a citation can go before it). */
export function clause(rng: Rng): string {
  const n = () => rng.pick(NOUNS);
  const a = () => rng.pick(ADJECTIVES);
  const v = () => rng.pick(VERBS_PAST);
  switch (rng.int(0, 8)) {
    case 0:
      return `The ${a()} ${n()} ${v()} the ${n()} ${rng.pick(PREPOSITIONS)} ${rng.pick(PLACES)}`;
    case 1:
      return `${rng.pick(CONNECTIVES)}, the ${n()} of the ${n()} was ${rng.pick(ADVERBS)} ${v()}`;
    case 2:
      return `${personName(rng)} ${v()} the ${a()} ${n()} in ${year(rng)}, and the ${n()} ${v()} it ${rng.pick(ADVERBS)}`;
    case 3:
      return `"The ${n()} was ${a()}," said ${personName(rng)}, "and the ${n()} was ${a()} too"`;
    case 4:
      return `The ${n()} -- ${a()} and ${a()} -- was ${v()} ${rng.pick(PREPOSITIONS)} the ${n()} of ${rng.pick(PLACES)}`;
    case 5:
      return `It was, as one ${n()} put it, ${article(a())} ${n()} and ${article(a())} ${n()}...`;
    case 6:
      return `The ${n()}'s ${n()} ${v()} the ${n()} of ${rng.pick(FAMILY_NAMES)}'s ${a()} ${n()}`;
    case 7:
      return `Although the ${n()} had been ${v()} ${rng.pick(PREPOSITIONS)} ${rng.pick(PLACES)}, the ${a()} ${n()} ${v()} the ${n()} and ${v()} the ${n()} that the ${n()} had ${v()}`;
    default:
      return `Few ${plural(n())} ${v()} the ${a()} ${n()}, and fewer still ${v()} its ${a()} ${n()} ${rng.pick(['in', 'before', 'after'])} ${year(rng)}`;
  }
}

export function sentence(rng: Rng): string {
  const c = clause(rng);
  return c.endsWith('...') ? c : `${c}.`;
}

/** `count` sentences joined into one paragraph's text. */
export function sentences(rng: Rng, count: number): string {
  return Array.from({ length: count }, () => sentence(rng)).join(' ');
}

/** A title in title case: `The Careful Committee`, `Letters from Riga`. */
export function title(rng: Rng): string {
  const a = capitalise(rng.pick(ADJECTIVES));
  const n = capitalise(rng.pick(NOUNS));
  switch (rng.int(0, 3)) {
    case 0:
      return `The ${a} ${n}`;
    case 1:
      return `${plural(n)} from ${rng.pick(PLACES)}`;
    case 2:
      return `${a} ${plural(n)} and ${plural(capitalise(rng.pick(NOUNS)))}`;
    default:
      return `The ${n} of ${year(rng)}`;
  }
}

/** A GFM table with a header row and 4-8 body rows; returns its Markdown and its word count. */
export function table(rng: Rng): { markdown: string; words: number } {
  const rows = [['Year', 'Place', 'Members', 'Outcome']];
  const count = rng.int(4, 8);
  for (let i = 0; i < count; i++) {
    rows.push([String(year(rng)), rng.pick(PLACES), String(rng.int(12, 9800)), `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}`]);
  }
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const markdown = [line(rows[0]!), '| ---: | :--- | ---: | :--- |', ...rows.slice(1).map(line)].join('\n');
  return { markdown, words: rows.reduce((n, r) => n + countWords(r.join(' ')), 0) };
}

// Words in neither the dictionary nor the book's word list, with a suggestion where there is a good one.
import type { VFile } from 'vfile';
import type { RuleContext } from './context.ts';
import { report } from './report.ts';
import { text } from './text.ts';
import type { TreeIndex } from './tree-index.ts';

/** A longer "word" (a pasted hash, a run of letters) is quoted by its start and its length. */
const MAX_SHOWN = 40;

function quoteList(words: string[]): string {
  const quoted = words.map((word) => `"${word}"`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : quoted[0];
}

export function spelling(tree: TreeIndex, file: VFile, context: RuleContext): void {
  const speller = context.speller;
  if (!speller) return;
  for (const node of tree.words) {
    if (context.fragments.has(node)) continue;
    const word = text(node);
    if (speller.skip(word) || speller.known(word)) continue;
    // In a hyphenated word, point at the part that is wrong.
    let part = word.replace(/(?<=\p{L}{2})\.$/u, '');
    let at = 0;
    if (/[-:/]/.test(word)) {
      for (const piece of word.split(/[-:/]/)) {
        if (piece && !speller.skip(piece) && !speller.known(piece)) {
          part = piece;
          break;
        }
        at += piece.length + 1;
      }
      if (at >= word.length) [part, at] = [word, 0];
    }
    const start = node.position?.start.offset;
    const place = start === undefined ? node.position?.start : context.locate(start + at);
    context.unknown?.add(part.replace(/['’]s$|(?<=s)['’]$/u, ''));
    const suggestion = speller.suggest(part);
    const shown = part.length > MAX_SHOWN ? `"${[...part].slice(0, MAX_SHOWN).join('')}…" (${part.length} characters)` : `"${part}"`;
    const reason =
      suggestion.from === 'word-list'
        ? `${shown} is not in the dictionary or the word list; did you mean ${quoteList(suggestion.words)}?`
        : suggestion.from === 'dictionary'
          ? `${shown} is not in the ${speller.dictionary} dictionary; did you mean ${quoteList(suggestion.words)}?`
          : `${shown} is not in the ${speller.dictionary} dictionary or the word list`;
    // A word with no dictionary word one edit away is rarely a typo (typos are a letter dropped, doubled,
    // changed or swapped): a rare word or a name, noted rather than warned about (add it to dictionary.txt).
    report(file, place, 'spelling', reason, { info: suggestion.from === 'none' });
  }
}

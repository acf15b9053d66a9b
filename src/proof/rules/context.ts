// What every rule gets for one file.
import type { Node } from 'unist';
import type { Locate } from '../locator.ts';
import type { Speller } from '../speller.ts';

export interface RuleContext {
  /** The whole source file. */
  doc: string;
  locate: Locate;
  /** Undefined when there is no dictionary for the book's language. */
  speller?: Speller;
  /** Word nodes already reported as halves of a split word (spelling leaves them alone). */
  fragments: WeakSet<Node>;
  /** Source spans of verse stanzas (line blocks), whose lines are balanced together. */
  stanzas: Array<[number, number]>;
  /** Collects the words the spelling rule reports (for `--add-words`), when given. */
  unknown?: Set<string>;
}

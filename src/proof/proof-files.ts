// Proofreading: the faults that make a book look amateur, found in the prose only (never in code, URLs,
// citation keys or footnote labels), each reported at its file:line:col. Built on unified/retext:
// remark-parse (+ GFM) → our prose preparation → remark-retext with parse-english → retext-repeated-words,
// retext-indefinite-article and our own rules (rules/*.ts), spelling with nspell and the book language's
// dictionary, after learning the book's own words (book-words.ts).
import { ParseEnglish } from 'parse-english';
import type { Root as NlcstRoot } from 'nlcst';
import { parseDialect } from '../markdown/parse-chapter.ts';
import { dialectProse, type ForeignPassage } from './dialect-prose.ts';
import remarkRetext from 'remark-retext';
import retextIndefiniteArticle from 'retext-indefinite-article';
import retextRepeatedWords from 'retext-repeated-words';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { diagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { createLocator } from './locator.ts';
import { IGNORE_TYPES, SOURCE_TYPES, prepareProse, textToMdast } from './prose-tree.ts';
import { bracketUnbalanced } from './rules/bracket-unbalanced.ts';
import type { RuleContext } from './rules/context.ts';
import { doubleSpace } from './rules/double-space.ts';
import { quoteUnbalanced } from './rules/quote-unbalanced.ts';
import { spaceBeforePunctuation } from './rules/space-before-punctuation.ts';
import { createConsistency } from './rules/spelling-inconsistent.ts';
import { spelling } from './rules/spelling.ts';
import { splitWord } from './rules/split-word.ts';
import { articleAndRepeatCandidates, indexTree } from './rules/tree-index.ts';
import { text as nodeText } from './rules/text.ts';
import { BookWords } from './book-words.ts';
import { checkForeign } from './foreign.ts';
import { headingWords, metadataWords } from './metadata-words.ts';
import { createSpeller } from './speller.ts';
import { loadWordList } from './word-list.ts';


export interface ProofOptions {
  /** The manuscript folder: its `dictionary.txt` and book.yaml creators are the book's own words. */
  root?: string;
  /** BCP 47; default `en-GB`. Picks the dictionary (dictionaries.ts). */
  language?: string;
  /** More words to accept, in addition to the word list. */
  words?: string[];
  /** Receives every word the spelling rule reports, without a possessive 's (for `--add-words`). */
  unknown?: Set<string>;
}

export interface ProofFile {
  /** As it should appear in diagnostics (relative to the manuscript folder). */
  file: string;
  text: string;
  kind: 'markdown' | 'text';
}

/** In this order: split words first, so that their halves are not also reported as misspellings. */
const RULES = [splitWord, spelling, doubleSpace, spaceBeforePunctuation, quoteUnbalanced, bracketUnbalanced];

const english = unified().use(remarkRetext, ParseEnglish, { ignore: IGNORE_TYPES, source: SOURCE_TYPES }).freeze();
const repeatedWords = unified().use(retextRepeatedWords).freeze();
const indefiniteArticle = unified().use(retextIndefiniteArticle).freeze();

/** YAML front matter is not prose: blank it out, keeping every position. */
function blankFrontMatter(text: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  return match ? match[0].replace(/[^\r\n]/g, ' ') + text.slice(match[0].length) : text;
}

function toDiagnostic(file: string, message: VFileMessage): Diagnostic {
  const place = { line: message.line ?? 0, column: message.column ?? 0 };
  const severity = message.fatal === false ? 'warning' : 'info';
  if (message.source === 'retext-repeated-words') {
    const word = message.expected?.[0] ?? '';
    return diagnostic(file, place, severity, 'repeated-word', `"${word}" is repeated: "${message.actual}"`);
  }
  if (message.source === 'retext-indefinite-article') {
    const [, actual, next, expected] = /`(.+?)` before `(.+?)`, expected `(.+?)`/.exec(message.reason) ?? [];
    return diagnostic(
      file,
      place,
      severity,
      'indefinite-article',
      `"${actual} ${next}" should be "${expected} ${next}"`,
    );
  }
  return diagnostic(file, place, severity, message.ruleId ?? 'proof', message.reason, message.note);
}

export async function proofFiles(files: ProofFile[], options: ProofOptions = {}): Promise<Diagnostic[]> {
  const language = options.language ?? 'en-GB';
  const out: Diagnostic[] = [];
  const listed = [...(options.root ? await loadWordList(options.root) : []), ...(options.words ?? [])];
  const speller = await createSpeller(listed, language);
  if (!speller) {
    out.push(diagnostic('book.yaml', undefined, 'info', 'spelling', `no dictionary for language "${language}": spelling was not checked`));
  } else if (speller.note) {
    out.push(diagnostic('book.yaml', undefined, 'info', 'spelling-dictionary', speller.note));
  }
  // First every file's prose, so that the book's own words are known before any is reported.
  const parsed = [];
  const book = speller && new BookWords(speller);
  if (book && options.root) book.addNames(await metadataWords(options.root));
  for (const { file, text, kind } of files) {
    const doc = kind === 'markdown' ? blankFrontMatter(text) : text;
    const vfile = new VFile({ path: file, value: doc });
    const locate = createLocator(doc);
    const foreign: ForeignPassage[] = [];
    const stanzas: Array<[number, number]> = [];
    const mdast = kind === 'markdown' ? dialectProse(parseDialect(doc, file), language, foreign, stanzas) : textToMdast(doc, locate);
    if (book) book.addNames(headingWords(mdast));
    prepareProse(mdast, doc, locate);
    const tree = (await english.run(mdast, vfile)) as unknown as NlcstRoot;
    const index = indexTree(tree);
    book?.collect(index);
    parsed.push({ file, doc, vfile, locate, index, foreign, stanzas });
  }
  if (book && speller) speller.learn(book.learned(speller.names));
  const consistency = createConsistency();
  const noted = new Set<string>();
  for (const { file, doc, vfile, locate, index, foreign, stanzas } of parsed) {
    const context: RuleContext = { doc, locate, speller, fragments: new WeakSet(), stanzas, unknown: options.unknown };
    const candidates = articleAndRepeatCandidates(index, nodeText);
    await repeatedWords.run(candidates.repeats, vfile);
    await indefiniteArticle.run(candidates.articles, vfile);
    for (const rule of RULES) rule(index, vfile, context);
    await checkForeign(foreign, doc, locate, vfile, noted);
    consistency.collect(index, file, locate);
    out.push(...vfile.messages.map((message) => toDiagnostic(file, message)));
  }
  return sortDiagnostics([...out, ...consistency.diagnostics()]);
}

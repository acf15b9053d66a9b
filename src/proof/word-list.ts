// The book's own words: `dictionary.txt` in the manuscript (one word per line, `#` starts a comment)
// plus every part of the creators' names in book.yaml.
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';

export const WORD_LIST_FILE = 'dictionary.txt';

export function parseWordList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*/, '').trim())
    .flatMap((line) => (line ? line.split(/\s+/) : []));
}

/** Words of `creators[].name` (and `file-as`) in a parsed book.yaml; anything malformed is left to the book loader. */
export function creatorWords(config: unknown): string[] {
  const creators = (config as { creators?: unknown } | null)?.creators;
  if (!Array.isArray(creators)) return [];
  return creators.flatMap((creator) => {
    const c = creator as { name?: unknown; 'file-as'?: unknown };
    return [c?.name, c?.['file-as']]
      .filter((value): value is string => typeof value === 'string')
      .flatMap((value) => value.split(/[\s,.]+/))
      .filter((word) => /\p{L}{2,}/u.test(word));
  });
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function loadWordList(root: string): Promise<string[]> {
  const [list, bookYaml] = await Promise.all([
    readOptional(join(root, WORD_LIST_FILE)),
    readOptional(join(root, 'book.yaml')),
  ]);
  let config: unknown;
  try {
    config = bookYaml === undefined ? undefined : parse(bookYaml);
  } catch {
    config = undefined; // a broken book.yaml is the book loader's diagnostic, not ours
  }
  return [...parseWordList(list ?? ''), ...creatorWords(config)];
}

/**
 * `npm run proof -- --add-words`: append `words` that the list does not hold yet to the manuscript's
 * dictionary.txt, sorted, under a dated comment, for the author to review (delete what is misspelt).
 * The date is SOURCE_DATE_EPOCH's when it is set, else today's. Returns the path and the words added.
 */
export async function addWords(root: string, words: Iterable<string>, now = dateOfRun()): Promise<{ path: string; added: string[] }> {
  const path = join(root, WORD_LIST_FILE);
  const existing = (await readOptional(path)) ?? '';
  const have = new Set(parseWordList(existing).map((w) => w.replace(/’/g, "'")));
  const added = [...new Set(words)]
    .filter((word) => /\p{L}/u.test(word) && !/\s/.test(word) && !have.has(word.replace(/’/g, "'")))
    .sort((a, b) => a.localeCompare(b, 'en'));
  if (added.length > 0) {
    const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
    const header = `${existing === '' ? '' : '\n'}# Added by npm run proof -- --add-words on ${now}: words the proofreader did not know. Review them; delete any that is misspelt.\n`;
    await appendFile(path, `${separator}${header}${added.join('\n')}\n`);
  }
  return { path, added };
}

function dateOfRun(): string {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return (Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH ? new Date(epoch * 1000) : new Date()).toISOString().slice(0, 10);
}

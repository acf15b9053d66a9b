// The book's own words: `dictionary.txt` in the manuscript (one word per line, `#` starts a comment)
// plus every part of the creators' names in book.yaml.
import { readFile } from 'node:fs/promises';
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

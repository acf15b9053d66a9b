// Proof a whole manuscript folder: the chapters listed in book.yaml, in the book's language.
// (Reads book.yaml minimally with `yaml`; validating it is the book loader's job.)
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { diagnostic, UsageError, type Diagnostic } from '../diagnostics.ts';
import { proofFiles, type ProofFile, type ProofOptions } from './proof-files.ts';

export interface ManuscriptInfo {
  chapters: string[];
  language?: string;
}

export async function readManuscriptInfo(root: string): Promise<ManuscriptInfo> {
  let source: string;
  try {
    source = await readFile(join(root, 'book.yaml'), 'utf8');
  } catch {
    throw new UsageError(`no book.yaml in ${root}: give a manuscript folder or a file to proof`);
  }
  let config: { chapters?: unknown; language?: unknown } | null;
  try {
    config = parse(source);
  } catch (error) {
    throw new UsageError(`book.yaml in ${root} is not valid YAML: ${(error as Error).message}`);
  }
  const chapters = Array.isArray(config?.chapters) ? config.chapters.filter((c): c is string => typeof c === 'string') : [];
  const language = typeof config?.language === 'string' ? config.language : undefined;
  return { chapters, language };
}

/** The nearest folder at or above `path` holding a book.yaml, if any. */
export async function findManuscriptRoot(path: string): Promise<string | undefined> {
  for (let dir = path; ; dir = dirname(dir)) {
    if (await stat(join(dir, 'book.yaml')).then(() => true, () => false)) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

export async function proofManuscript(root: string, options: Pick<ProofOptions, 'unknown'> = {}): Promise<Diagnostic[]> {
  const { chapters, language } = await readManuscriptInfo(root);
  const files: ProofFile[] = [];
  const missing: Diagnostic[] = [];
  for (const chapter of chapters) {
    try {
      const text = await readFile(join(root, chapter), 'utf8');
      files.push({ file: chapter, text, kind: /\.(md|markdown)$/i.test(chapter) ? 'markdown' : 'text' });
    } catch {
      missing.push(diagnostic('book.yaml', undefined, 'warning', 'chapter-missing', `chapter file "${chapter}" cannot be read; it was not proofed`));
    }
  }
  return [...missing, ...(await proofFiles(files, { root, language, unknown: options.unknown }))];
}
